/**
 * Ed25519 certificates (node:crypto). A record — the inputs and results of a check or a dossier — is
 * signed as its canonical JSON (canonical.ts); the envelope carries the record, the signature and the
 * key id (the first 16 hex digits of the SHA-256 of the public key's SPKI DER).
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical';

export interface SigningKey {
  key_id: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI PEM, as published at /api/certificates/public-key */
  public_pem: string;
}

export interface SignedEnvelope {
  algorithm: 'Ed25519';
  key_id: string;
  /** base64 signature over the UTF-8 bytes of canonicalJson(record) */
  signature: string;
  record: Record<string, unknown>;
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

function fromPrivate(privateKey: KeyObject): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error(`SIGNING_KEY must be an Ed25519 private key, not ${privateKey.asymmetricKeyType}`);
  const publicKey = createPublicKey(privateKey);
  return { key_id: keyIdOf(publicKey), privateKey, publicKey, public_pem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** A private key from configuration: PKCS#8 PEM, or the base64 of its DER. */
export function parseSigningKey(text: string): SigningKey {
  const t = text.trim();
  const key = t.includes('-----BEGIN')
    ? createPrivateKey({ key: t.replace(/\\n/g, '\n'), format: 'pem' })
    : createPrivateKey({ key: Buffer.from(t, 'base64'), format: 'der', type: 'pkcs8' });
  return fromPrivate(key);
}

export function generateSigningKey(): { key: SigningKey; private_pem: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { key: fromPrivate(privateKey), private_pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

export function signRecord(record: Record<string, unknown>, key: SigningKey): SignedEnvelope {
  const bytes = Buffer.from(canonicalJson(record), 'utf8');
  return { algorithm: 'Ed25519', key_id: key.key_id, signature: sign(null, bytes, key.privateKey).toString('base64'), record };
}

/** True when `signature` is the key's signature over the canonical JSON of `record`. Never throws. */
export function signatureValid(record: unknown, signature: string, publicKey: KeyObject): boolean {
  try {
    const sig = Buffer.from(signature, 'base64');
    if (sig.length !== 64) return false;
    return verify(null, Buffer.from(canonicalJson(record), 'utf8'), publicKey, sig);
  } catch {
    return false;
  }
}
