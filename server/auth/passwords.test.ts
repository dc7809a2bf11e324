import { describe, expect, it } from 'vitest';
import { hashPassword, SCRYPT, verifyPassword } from './passwords';
import { isApiTokenShape, newApiToken, sha256 } from './credentials';

describe('scrypt password storage', () => {
  it('stores scrypt with its parameters and a per-password salt, never the password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toContain('correct');
    expect(a).not.toBe(b); // different salts
    expect(a.split('$')[1]).toBe(String(SCRYPT.N));
  });

  it('verifies the right password and refuses a wrong one or a malformed hash', async () => {
    const h = await hashPassword('演示密码-2026');
    expect(await verifyPassword('演示密码-2026', h)).toBe(true);
    expect(await verifyPassword('演示密码-2027', h)).toBe(false);
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$99999999$8$1$AAAA$BBBB')).toBe(false);
    expect(await verifyPassword('x', null)).toBe(false); // unknown account: checked against a dummy hash, still false
  });

  it('personal tokens: kq_ + 43 random base64url characters, stored as SHA-256', () => {
    const t = newApiToken();
    expect(isApiTokenShape(t)).toBe(true);
    expect(newApiToken()).not.toBe(t);
    expect(sha256(t)).toMatch(/^[0-9a-f]{64}$/);
  });
});
