import { createHash, randomBytes } from 'node:crypto';

/** Opaque random secrets and how they are stored (SHA-256: they carry 256 bits, no slow hash is needed). */
export const randomSecret = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Personal API tokens look like `kq_` + 43 base64url characters. */
export const TOKEN_PREFIX = 'kq_';
export const newApiToken = () => `${TOKEN_PREFIX}${randomSecret(32)}`;
export const isApiTokenShape = (s: string) => /^kq_[A-Za-z0-9_-]{43}$/.test(s);

/** The session cookie's name; its value is a random id, only the SHA-256 of which is stored. */
export const SESSION_COOKIE = 'kq_session';
