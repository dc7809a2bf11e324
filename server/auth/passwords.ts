import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords with node:crypto scrypt (memory-hard): N = 2^15, r = 8, p = 1 (32 MiB per hash, ~50–100 ms on one core),
 * a random 16-byte salt per password, a 32-byte key. Stored as `scrypt$N$r$p$salt$hash` (base64), so the parameters
 * can be raised later and old hashes still verify. Comparison is timing-safe.
 */
export const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLen: 32, saltLen: 16 } as const;

/** Passwords shorter than this are refused when set (the demo passwords are longer). */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1024;

function derive(password: string, salt: Buffer, N: number, r: number, p: number, keyLen: number): Promise<Buffer> {
  const opts: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise((ok, fail) => scrypt(password.normalize('NFC'), salt, keyLen, opts, (e, key) => (e ? fail(e) : ok(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltLen);
  const key = await derive(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keyLen);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** A well-formed hash of no password anyone knows: unknown accounts are checked against it, so timing tells nothing. */
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword(randomBytes(24).toString('base64')));

/** True when `password` matches `stored`; false for any malformed or missing hash (never throws for bad input). */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parts = (stored ?? (await dummyHash())).split('$');
  const real = stored !== null && stored !== undefined;
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((v) => Number.isInteger(v) && v > 0) || N > 2 ** 20 || r > 32 || p > 16) return false;
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  if (expected.length < 16) return false;
  const got = await derive(password, salt, N, r, p, expected.length);
  return timingSafeEqual(got, expected) && real;
}
