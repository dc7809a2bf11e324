import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseSigningKey } from './report/signing';

export const DEMO_TOKEN = 'change-me-demo-token';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Configuration from the environment, validated at start (fail fast, habit 9).
 * Every limit is named here with its default; `.env.example` documents the same.
 */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  /**
   * The owner's connection for migrations (least privilege, issue 13): when set, migrations run through it and the
   * role named in DATABASE_URL is granted DML only (no DROP/TRUNCATE/ALTER; audit_log INSERT/SELECT). Unset → one role.
   */
  MIGRATION_DATABASE_URL: z.string().url().optional(),
  /**
   * A read replica (PostgreSQL streaming replication, issue 17): OGC item lists, collections, tiles and the whole-register
   * conflict list read from it; writes, sessions, single items (they carry the ETag a write needs) and whatever a
   * request reads after writing stay on DATABASE_URL. Needs DATABASE_URL. Unset: every read on the primary.
   */
  DATABASE_READ_URL: z.string().url().optional(),
  /** reads go back to the primary while the replica is further behind than this (ms), or unreachable */
  DB_READ_MAX_LAG_MS: z.coerce.number().int().min(0).default(5_000),
  /** how often the replica's position and lag are read (its own connection, outside the pools) */
  DB_READ_POLL_MS: z.coerce.number().int().min(20).default(250),
  /** lifetime of a sign-in session (stored in PostgreSQL) */
  SESSION_TTL_HOURS: z.coerce.number().min(0.01).max(720).default(12),
  /** failed sign-ins per account (and, LOGIN_MAX_FAILURES_PER_IP, per client address) within LOGIN_LOCK_SECONDS before 429 */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(20),
  LOGIN_LOCK_SECONDS: z.coerce.number().int().min(1).default(900),
  /** demo accounts with the documented demo passwords are seeded with the demo data, except in production unless this is true */
  SEED_DEMO_ACCOUNTS: bool.optional(),
  DATA_DIR: z.string().default('.data/pglite'),
  ADMIN_TOKEN: z.string().min(8).default(DEMO_TOKEN),
  /** `production` refuses the demo token and tokens under 32 characters unless bound to loopback */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /**
   * Express `trust proxy`: `false` (default; X-Forwarded-* ignored, the socket address is the client),
   * a hop count (`1`), or addresses/subnets of the proxies (`loopback`, `10.0.0.0/8, 127.0.0.1`).
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v): boolean | number | string => {
      const t = v.trim().toLowerCase();
      if (t === 'false' || t === 'off' || t === 'no' || t === '0') return false;
      if (t === 'true') return true;
      return /^\d+$/.test(t) ? Number(t) : v.trim();
    }),
  /** Origin (and optional path) for absolute links in TileJSON and OGC responses, e.g. https://map.example.gov.cn */
  PUBLIC_URL: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(v),
      'PUBLIC_URL must be an http(s) URL without query or fragment',
    )
    .transform((v) => (v === undefined ? undefined : v.replace(/\/+$/, ''))),
  SEED_DEMO: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(64).default(6),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  /** waiting for a pool connection (or a new connection) longer than this → 503 DATABASE_UNAVAILABLE */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  /** `/api/health` database probe (its own connection, outside the pool) */
  DB_HEALTH_TIMEOUT_MS: z.coerce.number().int().min(50).default(1_500),
  /** JSON bodies of every route except feature writes, checks and exports (they take MAX_UPLOAD_BYTES / 10 MB) */
  JSON_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  MAX_DECOMPRESSED_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(32 * 1024 * 1024),
  /** XML elements in one KML or XLSX part, counted before any DOM is built */
  MAX_XML_ELEMENTS: z.coerce.number().int().min(100).default(1_000_000),
  /** longest line of a text upload (国土 TXT, CSV) in bytes */
  MAX_LINE_BYTES: z.coerce
    .number()
    .int()
    .min(256)
    .default(64 * 1024),
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
  /**
   * Where request budgets are counted: `database` (the default with DATABASE_URL) shares them among every app instance
   * through PostgreSQL (migration 024); `memory` counts per process (the default on the embedded engine).
   */
  RATE_LIMIT_STORE: z.enum(['database', 'memory']).optional(),
  /**
   * `database` store: each instance adds its counts every this many ms (0: before answering each request). Two instances
   * then admit at most one sync interval of a client's requests beyond the budget.
   */
  RATE_LIMIT_SYNC_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  /** uploads, checks, exports and plans per client IP per minute */
  RATE_LIMIT_PER_MIN: z.coerce.number().int().min(1).default(300),
  /** reads (OGC items, assessments, deadlines, the page's files) per client IP per minute */
  RATE_LIMIT_READS_PER_MIN: z.coerce.number().int().min(1).default(1_200),
  /** vector tiles and TileJSON per client IP per minute (a map pan loads dozens) */
  RATE_LIMIT_TILES_PER_MIN: z.coerce.number().int().min(1).default(6_000),
  /** whole-register conflicts (`GET /api/conflicts`, up to PAGE_LIMIT_MAX blocks per page) per client IP per minute */
  RATE_LIMIT_REGISTER_PER_MIN: z.coerce.number().int().min(1).default(20),
  /** stored-block conflicts (`GET /api/blocks/{id}/conflicts`) per client IP per minute */
  RATE_LIMIT_BLOCK_CONFLICTS_PER_MIN: z.coerce.number().int().min(1).default(120),
  /** authenticated writes (feature POST/PUT/DELETE, offsets) per client IP per minute */
  RATE_LIMIT_WRITES_PER_MIN: z.coerce.number().int().min(1).default(600),
  TILE_MAX_FEATURES: z.coerce.number().int().min(1).default(50_000),
  /** rendered tiles kept in memory per process (MiB, each tile at its bytes plus 1 KiB an entry; 0 turns the cache off) */
  TILE_CACHE_MB: z.coerce.number().int().min(0).default(64),
  /**
   * PostGIS tile statements at once per process; tiles asked for meanwhile go together, up to 16 to a statement
   * (server/tiles/batch.ts). About the database's cores given to tiles: more renders more tiles in parallel, fewer
   * batches more of them together (cheaper per tile)
   */
  TILE_RENDER_STATEMENTS: z.coerce.number().int().min(1).max(64).default(2),
  /** how often each process re-reads the layers' data versions (ms): writes by another instance reach its tiles within this */
  TILE_VERSION_POLL_MS: z.coerce.number().int().min(0).default(1000),
  STATIC_DIR: z.string().default('dist/client'),
  /**
   * Ed25519 private key (PKCS#8 PEM or base64 DER) signing report certificates; unset → a demo key kept in the database,
   * with a warning, except in production on a reachable address, which refuses to start without one
   */
  SIGNING_KEY: z.string().optional(),
  /** a file holding SIGNING_KEY (e.g. a mounted secret); read at start, and refused together with SIGNING_KEY */
  SIGNING_KEY_FILE: z.string().optional(),
});

export type Config = z.infer<typeof ConfigSchema>;

/** 127.0.0.0/8, ::1 and localhost: only this machine can reach the service. */
export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/**
 * Production on a reachable address needs a real token: not the public demo token, at least 32 characters.
 * Returns the refusal (both languages) or undefined.
 */
export function productionTokenProblem(c: Pick<Config, 'NODE_ENV' | 'HOST' | 'ADMIN_TOKEN'>): string | undefined {
  if (c.NODE_ENV !== 'production' || isLoopback(c.HOST)) return undefined;
  if (c.ADMIN_TOKEN === DEMO_TOKEN)
    return (
      `ADMIN_TOKEN: 生产环境（NODE_ENV=production，HOST=${c.HOST}）不得使用公开的演示令牌，请设置至少 32 个字符的随机令牌 / ` +
      `in production (NODE_ENV=production, HOST=${c.HOST}) the public demo token is refused: set a random token of at least 32 characters`
    );
  if (c.ADMIN_TOKEN.length < 32)
    return (
      `ADMIN_TOKEN: 生产环境令牌至少 32 个字符（当前 ${c.ADMIN_TOKEN.length} 个） / ` +
      `in production the token must have at least 32 characters (it has ${c.ADMIN_TOKEN.length})`
    );
  return undefined;
}

/** Whether the demo data comes with the demo accounts: SEED_DEMO_ACCOUNTS, else everywhere but production. */
export const demoAccountsWanted = (c: Partial<Pick<Config, 'SEED_DEMO_ACCOUNTS' | 'NODE_ENV'>>) =>
  c.SEED_DEMO_ACCOUNTS ?? c.NODE_ENV !== 'production';

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(clean);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  if (parsed.data.DATABASE_READ_URL && !parsed.data.DATABASE_URL)
    throw new Error(
      'Invalid configuration:\n  DATABASE_READ_URL: a read replica needs DATABASE_URL (the primary) / 设置只读副本 DATABASE_READ_URL 时须同时设置主库 DATABASE_URL',
    );
  const problem = productionTokenProblem(parsed.data);
  if (problem) throw new Error(`Invalid configuration:\n  ${problem}`);
  const config = withSigningKey(parsed.data);
  const keyProblem = productionSigningKeyProblem(config);
  if (keyProblem) throw new Error(`Invalid configuration:\n  ${keyProblem}`);
  return config;
}

/**
 * Production on a reachable address signs certificates with a key from configuration (issue 15 item 3: "key from
 * config"), not the demo key the service would generate and keep in its own database, where anyone who can read the
 * database could sign in its name. Like the token rule, loopback (a trial on one machine) keeps the demo key.
 * Returns the refusal (both languages) or undefined.
 */
export function productionSigningKeyProblem(c: Pick<Config, 'NODE_ENV' | 'HOST' | 'SIGNING_KEY'>): string | undefined {
  if (c.NODE_ENV !== 'production' || isLoopback(c.HOST) || c.SIGNING_KEY !== undefined) return undefined;
  return (
    `SIGNING_KEY: 生产环境（NODE_ENV=production，HOST=${c.HOST}）须配置签名密钥（SIGNING_KEY 或 SIGNING_KEY_FILE，Ed25519 私钥），` +
    `不得以演示密钥签发证书；生成：openssl genpkey -algorithm ed25519 / ` +
    `in production (NODE_ENV=production, HOST=${c.HOST}) certificates are signed with a configured key: set SIGNING_KEY or ` +
    `SIGNING_KEY_FILE (an Ed25519 private key; make one with openssl genpkey -algorithm ed25519), the demo key is refused`
  );
}

/**
 * SIGNING_KEY from SIGNING_KEY_FILE when that is set, and the key checked now (an Ed25519 private key), so a
 * wrong key stops the start instead of failing the first report.
 */
function withSigningKey(c: Config): Config {
  const fail = (m: string) => {
    throw new Error(`Invalid configuration:\n  ${m}`);
  };
  let key = c.SIGNING_KEY;
  if (c.SIGNING_KEY_FILE) {
    if (key) fail('SIGNING_KEY and SIGNING_KEY_FILE are both set: keep one / SIGNING_KEY 与 SIGNING_KEY_FILE 只能设置一个');
    try {
      key = readFileSync(c.SIGNING_KEY_FILE, 'utf8');
    } catch (e) {
      fail(`SIGNING_KEY_FILE: cannot read ${c.SIGNING_KEY_FILE} (${(e as Error).message}) / 无法读取签名密钥文件`);
    }
  }
  if (key === undefined) return c;
  try {
    parseSigningKey(key);
  } catch (e) {
    fail(`SIGNING_KEY: not an Ed25519 private key in PKCS#8 PEM or base64 DER (${(e as Error).message}) / 不是 Ed25519 私钥`);
  }
  return { ...c, SIGNING_KEY: key };
}
