import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Configuration from the environment, validated at start (fail fast, habit 9).
 * Every limit is named here with its default; `.env.example` documents the same.
 */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('.data/pglite'),
  ADMIN_TOKEN: z.string().min(8).default('change-me-demo-token'),
  SEED_DEMO: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(64).default(6),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  MAX_DECOMPRESSED_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(100 * 1024 * 1024),
  MAX_VERTICES: z.coerce.number().int().min(10).default(200_000),
  MAX_PARCELS: z.coerce.number().int().min(1).default(500),
  PAGE_LIMIT_DEFAULT: z.coerce.number().int().min(1).default(10),
  PAGE_LIMIT_MAX: z.coerce.number().int().min(1).default(10_000),
  /** uploads, checks, exports and plans per client IP per minute */
  RATE_LIMIT_PER_MIN: z.coerce.number().int().min(1).default(300),
  TILE_MAX_FEATURES: z.coerce.number().int().min(1).default(50_000),
  STATIC_DIR: z.string().default('dist/client'),
});

export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(clean);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  return parsed.data;
}
