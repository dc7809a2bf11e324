import pino from 'pino';

/** JSON logs; credentials and connection strings are redacted. */
export function createLogger(level: string) {
  return pino({
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-api-key"]',
        'DATABASE_URL',
        '*.DATABASE_URL',
        'config.DATABASE_URL',
      ],
      censor: '[redacted]',
    },
  });
}
export type Logger = ReturnType<typeof createLogger>;
