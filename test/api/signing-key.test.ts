/**
 * The certificates' signing key comes from configuration (issue 15 item 3): a service started with SIGNING_KEY_FILE
 * (or SIGNING_KEY) signs with that key and publishes its public half at /api/certificates/public-key; a service
 * without one generates a demo key once, keeps it in the database (the same key after a restart) and says so
 * (`configured: false`). Checks are stored with `?store=true` (JSON, no PDF: no browser needed).
 */
import { createPublicKey, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { box } from '../../server/geometry/shapes.fixture';
import { keyIdOf } from '../../server/report/signing';
import { startServer, type Running } from '../../server/server';
import { ADMIN_TOKEN, freshDatabase, startTestServer, UNLIMITED, type TestServer } from '../helpers/server';

const json = { 'content-type': 'application/json' };
const input = { type: 'Feature', properties: { name: '签名测试区' }, geometry: box(112.62, 35.9, 112.7, 35.98), applicant: '某公司' };

/** Store a check; answer its certificate as on file (record, canonical text, signature, key id). */
async function storedCertificate(url: string) {
  const res = await fetch(`${url}/api/checks?store=true`, { method: 'POST', headers: json, body: JSON.stringify(input) });
  expect(res.status).toBe(201);
  const { certificate_id } = await res.json();
  return (await (await fetch(`${url}/api/certificates/${certificate_id}`)).json()) as {
    record_canonical: string;
    signature: string;
    key_id: string;
    record: { key_id: string };
  };
}

const signedBy = (c: { record_canonical: string; signature: string }, key: KeyObject) =>
  verify(null, Buffer.from(c.record_canonical, 'utf8'), key, Buffer.from(c.signature, 'base64'));

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of closers.reverse()) await c();
});
async function started(env: Record<string, string>): Promise<TestServer> {
  const s = await startTestServer(env);
  closers.push(() => s.close());
  return s;
}

describe('the signing key from configuration', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

  it('SIGNING_KEY_FILE: signs with the configured key, publishes its public key, stores no key in the database', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kq-signing-')), 'key.pem');
    writeFileSync(file, pem, { mode: 0o600 });
    const srv = await started({ SIGNING_KEY_FILE: file });
    const pub = await (await fetch(`${srv.url}/api/certificates/public-key`)).json();
    expect(pub).toEqual({ algorithm: 'Ed25519', key_id: keyIdOf(publicKey), public_key_pem: publicPem, configured: true });
    const cert = await storedCertificate(srv.url);
    expect(cert.key_id).toBe(keyIdOf(publicKey));
    expect(cert.record.key_id).toBe(keyIdOf(publicKey));
    // anyone holding the published key can check the signature, without this service
    expect(signedBy(cert, createPublicKey(pub.public_key_pem))).toBe(true);
    expect(signedBy(cert, publicKey)).toBe(true);
    expect((await srv.ownerQuery('SELECT count(*)::int AS n FROM signing_keys')).rows[0].n).toBe(0);
  });

  it('SIGNING_KEY (base64 DER): the same key, the same key id; a certificate signed elsewhere does not verify here', async () => {
    const der = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const srv = await started({ SIGNING_KEY: der });
    const pub = await (await fetch(`${srv.url}/api/certificates/public-key`)).json();
    expect(pub.key_id).toBe(keyIdOf(publicKey));
    expect(pub.configured).toBe(true);
    const cert = await storedCertificate(srv.url);
    expect(signedBy(cert, publicKey)).toBe(true);
    expect(signedBy(cert, generateKeyPairSync('ed25519').publicKey)).toBe(false);
  });

  it('production on a reachable address without a key does not start (no certificate signed with the demo key)', async () => {
    const prod = {
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      ADMIN_TOKEN: 'x'.repeat(32),
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    };
    await expect(startServer(prod)).rejects.toThrow(/须配置签名密钥.*set SIGNING_KEY or SIGNING_KEY_FILE/s);
  });

  it('a key that is not Ed25519 stops the start', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await expect(startServer({ SIGNING_KEY: rsa, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' })).rejects.toThrow(
      /not an Ed25519 private key/,
    );
  });
});

describe('no signing key configured', () => {
  it('signs with a demo key generated once and kept in the database: published as configured:false, the same after a restart', async () => {
    const db = await freshDatabase();
    closers.push(() => db.drop());
    const env = {
      DATABASE_URL: db.appUrl,
      MIGRATION_DATABASE_URL: db.url,
      PORT: '0',
      ADMIN_TOKEN,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
      ...UNLIMITED,
    };
    const srv: Running = await startServer(env);
    const first = await (await fetch(`${srv.url}/api/certificates/public-key`)).json();
    expect(first.configured).toBe(false);
    const cert = await storedCertificate(srv.url);
    expect(cert.key_id).toBe(first.key_id);
    expect(signedBy(cert, createPublicKey(first.public_key_pem))).toBe(true);
    await srv.close();
    // a restart (or a second instance) reads the same key back: earlier certificates still verify
    const again = await startServer(env);
    try {
      const second = await (await fetch(`${again.url}/api/certificates/public-key`)).json();
      expect(second).toEqual(first);
      const env2 = await (await fetch(`${again.url}/api/certificates/${JSON.parse(cert.record_canonical).certificate_id}`)).json();
      const ok = await (
        await fetch(`${again.url}/api/certificates/verify`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ record: env2.record, signature: env2.signature, key_id: env2.key_id }),
        })
      ).json();
      expect(ok.valid).toBe(true);
      const keys = (await again.db.query<{ id: string; public_pem: string }>('SELECT id, public_pem FROM signing_keys')).rows;
      expect(keys).toEqual([{ id: first.key_id, public_pem: first.public_key_pem }]);
    } finally {
      await again.close();
    }
  });
});
