import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_TOKEN, isLoopback, loadConfig } from './config';
import { rateLimitStoreKind } from './http/rate-limit';

const strong = 'x'.repeat(32);
const signingPem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('configuration', () => {
  it('refuses the demo token and short tokens in production on a reachable address, in both languages', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', HOST: '0.0.0.0' })).toThrow(/演示令牌.*demo token/s);
    expect(() => loadConfig({ NODE_ENV: 'production', HOST: '0.0.0.0', ADMIN_TOKEN: DEMO_TOKEN })).toThrow(/demo token/);
    expect(() => loadConfig({ NODE_ENV: 'production', HOST: '10.1.2.3', ADMIN_TOKEN: '12345678' })).toThrow(
      /至少 32 个字符.*at least 32 characters/s,
    );
    expect(loadConfig({ NODE_ENV: 'production', HOST: '0.0.0.0', ADMIN_TOKEN: strong, SIGNING_KEY: signingPem }).ADMIN_TOKEN).toBe(strong);
  });

  it('lets production on loopback and development keep the demo token', () => {
    expect(loadConfig({ NODE_ENV: 'production', HOST: '127.0.0.1' }).ADMIN_TOKEN).toBe(DEMO_TOKEN);
    expect(loadConfig({ NODE_ENV: 'production', HOST: 'localhost', ADMIN_TOKEN: '12345678' }).ADMIN_TOKEN).toBe('12345678');
    expect(loadConfig({ HOST: '0.0.0.0' }).ADMIN_TOKEN).toBe(DEMO_TOKEN);
  });

  it('takes a read replica only beside a primary, and shares rate limits through the database when there is one', () => {
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://r@replica/kq' })).toThrow(/DATABASE_READ_URL.*DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://p@primary/kq', DATABASE_READ_URL: 'not a url' })).toThrow(/DATABASE_READ_URL/);
    const c = loadConfig({ DATABASE_URL: 'postgres://p@primary/kq', DATABASE_READ_URL: 'postgres://r@replica/kq' });
    expect(c).toMatchObject({ DB_READ_MAX_LAG_MS: 5000, DB_READ_POLL_MS: 250, RATE_LIMIT_SYNC_MS: 1000 });
    expect(rateLimitStoreKind(c)).toBe('database');
    expect(rateLimitStoreKind(loadConfig({}))).toBe('memory');
    expect(rateLimitStoreKind(loadConfig({ DATABASE_URL: 'postgres://p@primary/kq', RATE_LIMIT_STORE: 'memory' }))).toBe('memory');
    expect(() => loadConfig({ RATE_LIMIT_STORE: 'redis' })).toThrow(/RATE_LIMIT_STORE/);
  });

  it('reads TRUST_PROXY as off, a hop count or a list of proxies', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toBe('loopback, 10.0.0.0/8');
  });

  it('takes PUBLIC_URL only as an http(s) URL, without a trailing slash', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://map.example.gov.cn/' }).PUBLIC_URL).toBe('https://map.example.gov.cn');
    expect(loadConfig({ PUBLIC_URL: 'https://example.org/kq' }).PUBLIC_URL).toBe('https://example.org/kq');
    expect(() => loadConfig({ PUBLIC_URL: 'javascript://evil' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ PUBLIC_URL: 'https://x.org/?a=1' })).toThrow(/PUBLIC_URL/);
  });

  it('knows loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost']) expect(isLoopback(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.2', 'example.org']) expect(isLoopback(h)).toBe(false);
  });

  it('reads the signing key from SIGNING_KEY or SIGNING_KEY_FILE, checks it at start, and refuses both at once', () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const file = join(mkdtempSync(join(tmpdir(), 'kq-key-')), 'signing.pem');
    writeFileSync(file, pem);
    expect(loadConfig({ SIGNING_KEY_FILE: file }).SIGNING_KEY).toBe(pem);
    expect(loadConfig({ SIGNING_KEY: pem }).SIGNING_KEY).toBe(pem);
    expect(loadConfig({}).SIGNING_KEY).toBeUndefined(); // the demo key kept in the database (test/api/signing-key.test.ts)
    expect(() => loadConfig({ SIGNING_KEY: pem, SIGNING_KEY_FILE: file })).toThrow(/SIGNING_KEY and SIGNING_KEY_FILE/);
    expect(() => loadConfig({ SIGNING_KEY_FILE: `${file}.missing` })).toThrow(/SIGNING_KEY_FILE: cannot read/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => loadConfig({ SIGNING_KEY: rsa })).toThrow(/not an Ed25519 private key/);
    expect(() => loadConfig({ SIGNING_KEY: 'garbage' })).toThrow(/not an Ed25519 private key/);
  });

  it('refuses production on a reachable address without a configured signing key (no demo key), in both languages', () => {
    for (const HOST of ['0.0.0.0', '10.1.2.3', '::']) {
      expect(() => loadConfig({ NODE_ENV: 'production', HOST, ADMIN_TOKEN: strong })).toThrow(
        /生产环境.*须配置签名密钥.*SIGNING_KEY_FILE.*in production .* set SIGNING_KEY or SIGNING_KEY_FILE/s,
      );
    }
    // configured either way: it starts
    const file = join(mkdtempSync(join(tmpdir(), 'kq-key-')), 'signing.pem');
    writeFileSync(file, signingPem);
    const prod = { NODE_ENV: 'production', HOST: '0.0.0.0', ADMIN_TOKEN: strong };
    expect(loadConfig({ ...prod, SIGNING_KEY: signingPem }).SIGNING_KEY).toBe(signingPem);
    expect(loadConfig({ ...prod, SIGNING_KEY_FILE: file }).SIGNING_KEY).toBe(signingPem);
    // an empty variable is no key
    expect(() => loadConfig({ ...prod, SIGNING_KEY: '' })).toThrow(/SIGNING_KEY_FILE/);
    // loopback (a trial on one machine) and development keep the demo key, as they keep the demo token
    expect(loadConfig({ NODE_ENV: 'production', HOST: '127.0.0.1' }).SIGNING_KEY).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'production', HOST: '::1', ADMIN_TOKEN: strong }).SIGNING_KEY).toBeUndefined();
    expect(loadConfig({ HOST: '0.0.0.0' }).SIGNING_KEY).toBeUndefined();
  });
});
