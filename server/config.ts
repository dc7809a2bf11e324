import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

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
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).default(20 * 1024 * 1024),
  MAX_DECOMPRESSED_BYTES: z.coerce.number().int().min(1024).default(32 * 1024 * 1024),
  /** XML elements in one KML or XLSX part, counted before any DOM is built */
  MAX_XML_ELEMENTS: z.coerce.number().int().min(100).default(1_000_000),
  /** longest line of a text upload (国土 TXT, CSV) in bytes */
  MAX_LINE_BYTES: z.coerce.number().int().min(256).default(64 * 1024),
  /** uploads (parse, checks, export) being read or processed at once; beyond → 429 BUSY */
  MAX_CONCURRENT_UPLOADS: z.coerce.number().int().min(1).default(8),
  /** upload worker threads; 0 → one per core */
  WORKER_THREADS: z.coerce.number().int().min(0).max(64).default(0),
  /** time budget of one upload job (parse, validate, geometry); beyond → 422 WORK_TIMEOUT */
  WORK_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  /** heap budget of each upload worker in MiB; beyond → 413 WORK_OUT_OF_MEMORY */
  WORK_MEMORY_MB: z.coerce.number().int().min(32).default(512),
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
