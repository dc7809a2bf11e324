/**
 * Certificates on file: the signing key (configured SIGNING_KEY, or a demo key generated once and kept
 * in the database), issuing (sign + store), reading, and verifying an envelope against the key and
 * the record on file. SQL in sql/queries/{certificates,signing_key}_*.sql.
 */
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/types';
import { say, type Message } from '../i18n/message';
import { canonicalJson, jsonDiff, type Difference } from './canonical';
import { REPORT_SAY } from './messages';
import { generateSigningKey, parseSigningKey, signatureValid, signRecord, type SignedEnvelope, type SigningKey } from './signing';

export type CertificateKind = 'check' | 'block-dossier';

export interface StoredCertificate {
  id: string;
  kind: CertificateKind;
  issued_at: string;
  /** canonical JSON exactly as signed */
  record: string;
  signature: string;
  key_id: string;
}

export interface VerifyResult {
  valid: boolean;
  certificate_id: string | null;
  signature_valid: boolean;
  on_file: boolean;
  differences: Difference[];
  message: Message;
}

const B32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const randomCode = (n: number) => [...randomBytes(n)].map((b) => B32[b % 32]).join('');

/** KQ-YYYYMMDD-XXXXXXXXXX (date in China time, 10 random characters: ~50 bits). */
export function newCertificateId(now: Date): string {
  return `KQ-${new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '')}-${randomCode(10)}`;
}
export const newCheckId = () => `chk-${randomCode(12).toLowerCase()}`;

export interface CertificateServiceOptions {
  /** SIGNING_KEY from configuration (PKCS#8 PEM or base64 DER) */
  signingKey?: string;
  /** told once when a demo key is used */
  warn?: (m: Message) => void;
}

export function certificateService(db: Queryable, opts: CertificateServiceOptions = {}) {
  let key: Promise<SigningKey> | null = null;
  const loadKey = async (): Promise<SigningKey> => {
    if (opts.signingKey) return parseSigningKey(opts.signingKey);
    opts.warn?.(say(REPORT_SAY, 'DEMO_SIGNING_KEY'));
    const found = (await db.named<{ id: string; private_pem: string }>('signing_key_get')).rows[0];
    if (found) return parseSigningKey(found.private_pem);
    const g = generateSigningKey();
    await db.named('signing_key_insert', [g.key.key_id, g.private_pem, g.key.public_pem]);
    // another process may have stored one first: the oldest wins
    const first = (await db.named<{ private_pem: string }>('signing_key_get')).rows[0];
    return first ? parseSigningKey(first.private_pem) : g.key;
  };
  const signingKey = () =>
    (key ??= loadKey().catch((e) => {
      key = null;
      throw e;
    }));

  return {
    signingKey,

    /** Sign a record (nothing stored yet). */
    async sign(record: Record<string, unknown> & { certificate_id: string; issued_at: string }): Promise<SignedEnvelope> {
      return signRecord(record, await signingKey());
    },

    /** Store a signed record (inside `tx` when given, to commit with what refers to it). */
    async store(kind: CertificateKind, env: SignedEnvelope, tx: Queryable = db): Promise<void> {
      const r = env.record as { certificate_id: string; issued_at: string };
      await tx.named('certificates_insert', [r.certificate_id, kind, r.issued_at, canonicalJson(env.record), env.signature, env.key_id]);
    },

    async get(id: string): Promise<StoredCertificate | null> {
      const row = (await db.named<StoredCertificate & { issued_at: Date | string }>('certificates_get', [id])).rows[0];
      return row ? { ...row, issued_at: new Date(row.issued_at).toISOString() } : null;
    },

    /** Check an envelope: the signature against this service's key, and the record against the one on file. */
    async verify(env: { record?: unknown; signature?: unknown; key_id?: unknown }): Promise<VerifyResult> {
      const k = await signingKey();
      const rec = (env.record && typeof env.record === 'object' ? env.record : {}) as Record<string, unknown>;
      const id = typeof rec.certificate_id === 'string' ? rec.certificate_id : null;
      const sigOk = typeof env.signature === 'string' && signatureValid(rec, env.signature, k.publicKey);
      const stored = id ? await this.get(id) : null;
      const differences = stored ? jsonDiff(JSON.parse(stored.record), rec) : [];
      if (stored && env.signature !== stored.signature)
        differences.push({ path: 'signature', expected: stored.signature, found: env.signature });
      const valid = sigOk && !!stored && differences.length === 0;
      const message = valid
        ? say(REPORT_SAY, 'VERIFY_VALID', { id: id! })
        : typeof env.key_id === 'string' && env.key_id !== k.key_id && !sigOk
          ? say(REPORT_SAY, 'VERIFY_OTHER_KEY', { key: env.key_id })
          : !sigOk
            ? say(REPORT_SAY, 'VERIFY_BAD_SIGNATURE', { id: id ?? '?' })
            : !stored
              ? say(REPORT_SAY, 'VERIFY_UNKNOWN', { id: id ?? '?' })
              : say(REPORT_SAY, 'VERIFY_DIFFERS', { id: id!, n: differences.length });
      return { valid, certificate_id: id, signature_valid: sigOk, on_file: !!stored, differences, message };
    },
  };
}
