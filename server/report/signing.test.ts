import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSigningKey, parseSigningKey, signatureValid, signRecord } from './signing';

describe('Ed25519 certificates', () => {
  const { key, private_pem } = generateSigningKey();
  const record = { certificate_id: 'cert-1', results: { net_area_km2: 41.7527, conflicts: [{ name: '柿庄南', share: 0.25 }] } };

  it('verifies its own signature, whatever the key order of the record', () => {
    const env = signRecord(record, key);
    expect(env.signature).toHaveLength(88);
    const reordered = { results: { conflicts: [{ share: 0.25, name: '柿庄南' }], net_area_km2: 41.7527 }, certificate_id: 'cert-1' };
    expect(signatureValid(reordered, env.signature, key.publicKey)).toBe(true);
  });
  it('fails when one digit of the record changes', () => {
    const env = signRecord(record, key);
    const tampered = JSON.parse(JSON.stringify(record).replace('41.7527', '41.7528'));
    expect(signatureValid(tampered, env.signature, key.publicKey)).toBe(false);
  });
  it('fails on a broken signature or another key without throwing', () => {
    const env = signRecord(record, key);
    expect(signatureValid(record, 'not base64!', key.publicKey)).toBe(false);
    expect(signatureValid(record, env.signature, generateSigningKey().key.publicKey)).toBe(false);
  });
  it('reads a configured key as PEM or base64 DER, with the same key id', () => {
    const a = parseSigningKey(private_pem);
    const der = a.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    expect(parseSigningKey(der).key_id).toBe(key.key_id);
    expect(a.key_id).toMatch(/^[0-9a-f]{16}$/);
  });
  it('refuses a key that is not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => parseSigningKey(rsa)).toThrow(/Ed25519/);
  });
});
