/**
 * The check report service: run a check on a read input, build and sign its record, render the A4 PDF
 * (certificate.json attached), store both the certificate and the check; read stored checks back.
 * I/O through a Queryable and the renderer; the record, model and HTML are pure (check-record.ts,
 * check-model.ts, check-html.ts).
 */
import { appendAudit } from '../audit/audit';
import type { Principal } from '../auth/principal';
import QRCode from 'qrcode';
import { z } from 'zod';
import { registerInstant } from '../conflicts/as-at';
import { runCheck } from '../conflicts/engine';
import { buildSubject, type StoredBlock } from '../conflicts/subject';
import type { Subject } from '../conflicts/outcomes';
import type { Db, Queryable } from '../db';
import { notFound, unprocessable } from '../errors';
import { fromZod } from '../http/error-middleware';
import type { Lang } from '../vocab';
import type { certificateService } from './certificates';
import { newCertificateId, newCheckId } from './certificates';
import { checkReportHtml } from './check-html';
import { checkModel } from './check-model';
import { buildCheckRecord, type CheckRecord } from './check-record';
import { footerHtml } from './html';
import { attachFile } from './pdf-attach';
import type { PdfRenderer } from './renderer';
import { SERVICE } from './service-info';
import type { SignedEnvelope } from './signing';
import type { ReadInput } from '../work/read-check-input';

export type Certificates = ReturnType<typeof certificateService>;

export interface ReportDeps {
  db: Db;
  certs: Certificates;
  renderer: PdfRenderer;
}

export const ReportLang = z.enum(['zh', 'en']).default('zh');

/** The report's own parameters (query or form fields): language and the applicant's declared area. */
const ReportExtra = z.object({
  lang: ReportLang,
  declared_area_km2: z.preprocess((v) => (v === '' || v === undefined ? undefined : v), z.coerce.number().positive().optional()),
});
const REPORT_KEYS = ['format', 'lang', 'declared_area_km2', 'store'] as const;

/** Split a request's query and body into the check's own fields and the report's (lang, declared area). */
export function reportRequest(query: Record<string, unknown>, body: unknown) {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const x = ReportExtra.safeParse({ lang: query.lang ?? b.lang, declared_area_km2: query.declared_area_km2 ?? b.declared_area_km2 });
  if (!x.success) throw fromZod(x.error, 'CHECK_BAD_PARAMETER');
  const checkQuery = Object.fromEntries(Object.entries(query).filter(([k]) => !(REPORT_KEYS as readonly string[]).includes(k)));
  return { checkQuery, lang: x.data.lang, declared_area_km2: x.data.declared_area_km2 ?? null };
}

export const reportLang = (v: unknown): Lang => {
  const r = ReportLang.safeParse(v);
  if (!r.success) throw fromZod(r.error, 'REPORT_BAD_PARAMETER');
  return r.data;
};

export const qrSvg = (url: string) => QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });

/** The stored block a check names (as it stood at `at`, when given), or 422 CHECK_BLOCK_NOT_FOUND (as POST /api/checks answers). */
export async function checkBlock(
  db: Queryable,
  id: string | undefined,
  at: string | null = null,
): Promise<(StoredBlock & { geometry: string }) | null> {
  if (!id) return null;
  const block = (await db.named<StoredBlock & { geometry: string }>('conflicts_subject_block', [id, at])).rows[0];
  if (!block)
    throw unprocessable(
      'CHECK_BLOCK_NOT_FOUND',
      `Block '${id}' is not in the register${at ? ` as at ${at}` : ''}`,
      `登记库中没有区块 '${id}'${at ? `（截至 ${at}）` : ''}`,
      [{ field: 'block_id' }],
    );
  return block;
}

/** When the register last changed (its data version), ISO, or null. */
export async function registerAsAt(db: Queryable): Promise<string | null> {
  const v = (await db.named<{ as_at: Date | string | null }>('register_version')).rows[0];
  return v?.as_at ? new Date(v.as_at).toISOString() : null;
}

/** Render a signed check record as its report PDF, the envelope attached as certificate.json. */
export async function checkReportPdf(renderer: PdfRenderer, env: SignedEnvelope, lang: Lang): Promise<Buffer> {
  const record = env.record as unknown as CheckRecord;
  const html = checkReportHtml(checkModel(record), lang, {
    certificate_id: record.certificate_id,
    key_id: env.key_id,
    verify_url: record.verify_url,
    qr_svg: await qrSvg(record.verify_url),
  });
  const pdf = await renderer.pdf(html, {
    footerHtml: footerHtml(`${lang === 'zh' ? '证书编号' : 'Certificate'} ${record.certificate_id}`),
  });
  return attachFile(pdf, {
    name: 'certificate.json',
    mimeType: 'application/json',
    data: Buffer.from(JSON.stringify(env), 'utf8'),
    description: 'Signed record (Ed25519)',
  });
}

export const checkReportFilename = (certificateId: string, lang: Lang) =>
  `${lang === 'zh' ? '重叠核查报告' : 'check-report'}-${certificateId}.pdf`;

export interface IssueCheckRequest {
  params: Parameters<typeof buildSubject>[0] & { block_id?: string };
  /** reads the input (in the worker pool); called after the named block is found */
  readInput: () => Promise<ReadInput>;
  file_name: string | null;
  declared_area_km2: number | null;
  /** where certificates are verified: `${origin}/verify/{id}` */
  origin: string;
  /** render the PDF in this language (null: store the check only) */
  pdf: Lang | null;
  /** who asked, for the audit row written with the stored check (issue 13) */
  audit: { principal: Principal; request_id: string | null };
}

/** Run the check, sign its record, render the report (when asked) and store certificate and check in one transaction. */
export async function issueCheck(d: ReportDeps, q: IssueCheckRequest) {
  // as_at: the register as it stood then (every layer's history); the record's register_as_at says which instant
  const at = await registerInstant(d.db, q.params.as_at);
  const block = await checkBlock(d.db, q.params.block_id, at);
  const input = await q.readInput();
  const { subject, province_registered } = buildSubject(q.params, block);
  const result = await runCheck(d.db, {
    geometry_json: input.geometry_json,
    area_km2: input.head.area_km2,
    subject: subject as Subject,
    block_id: q.params.block_id ?? null,
    province_registered,
    as_at: at,
  });
  const issued = new Date();
  const certificate_id = newCertificateId(issued);
  const check_id = newCheckId();
  const key = await d.certs.signingKey();
  const record = buildCheckRecord(
    {
      certificate_id,
      check_id,
      issued_at: issued.toISOString(),
      service: SERVICE,
      register_as_at: at ?? (await registerAsAt(d.db)),
      key_id: key.key_id,
      verify_url: `${q.origin}/verify/${certificate_id}`,
    },
    {
      subject,
      block_id: q.params.block_id ?? null,
      declared_area_km2: q.declared_area_km2,
      file_name: q.file_name,
      described: input.describe(),
      result,
    },
  );
  const env = await d.certs.sign(record as unknown as Record<string, unknown> & CheckRecord);
  const pdf = q.pdf ? await checkReportPdf(d.renderer, env, q.pdf) : null;
  await d.db.transaction(async (tx) => {
    await d.certs.store('check', env, tx);
    await tx.named('checks_insert', [check_id, certificate_id]);
    await appendAudit(tx, {
      ...q.audit,
      operation: 'create',
      collection: 'checks',
      item_id: check_id,
      before: null,
      after: { check_id, certificate_id, key_id: env.key_id, signature: env.signature },
    });
  });
  return { check_id, certificate_id, env, pdf };
}

/** A stored check's signed envelope, or 404. */
export async function storedCheck(db: Queryable, id: string): Promise<SignedEnvelope> {
  const row = (await db.named<{ record: string; signature: string; key_id: string }>('checks_get', [id])).rows[0];
  if (!row) throw notFound('check', id);
  return { algorithm: 'Ed25519', key_id: row.key_id, signature: row.signature, record: JSON.parse(row.record) };
}
