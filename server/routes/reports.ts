/**
 * Fileable documents (issue 15), wiring only — report building lives in server/report:
 *   POST /api/checks?format=pdf            the check report (same inputs as POST /api/checks), stored and signed
 *   POST /api/checks?store=true            the same check stored and signed, answered as JSON (no PDF)
 *   GET  /api/checks/{id}                  a stored check's signed record;  GET /api/checks/{id}.pdf  its report
 *   GET  /api/certificates/public-key      the Ed25519 public key certificates are signed with
 *   GET  /api/certificates/{id}            a signed record on file
 *   POST /api/certificates/verify          a report PDF (multipart `file` or application/pdf) or its JSON → valid, differences
 *   GET  /verify/{id}                      the page a report's QR code opens
 *   GET  /api/blocks/{id}/report.pdf       the block dossier with the extension annex
 * Shapes, parameters and errors: server/contract/reports.ts (and `check` in server/contract/checks.ts).
 */
import express, { type Request, type Response, type NextFunction } from 'express';
import QRCode from 'qrcode';
import { z } from 'zod';
import { runCheck } from '../conflicts/engine';
import { readCheckInput } from '../conflicts/input';
import { buildSubject, type StoredBlock } from '../conflicts/subject';
import type { Config } from '../config';
import type { Db } from '../db';
import { badRequest, notFound, unprocessable } from '../errors';
import { sendAttachment } from '../http/attachment';
import { conflictsCsv, conflictsGeojson, conflictsShapefile, conflictsXlsx } from '../report/exports';
import { route } from '../http/async';
import { fromZod } from '../http/error-middleware';
import { singleFileUpload } from '../http/upload';
import { createLogger } from '../logger';
import { resolveLimits, type ParseLimits } from '../parse/limits';
import { CheckParams } from '../contract/checks';
import { buildCheckRecord, type CheckRecord } from '../report/check-record';
import { checkModel } from '../report/check-model';
import { checkReportHtml } from '../report/check-html';
import { certificateService, newCertificateId, newCheckId } from '../report/certificates';
import { footerHtml } from '../report/html';
import { attachFile, extractAttachment } from '../report/pdf-attach';
import { chromiumRenderer, type PdfRenderer } from '../report/renderer';
import { SERVICE } from '../report/service-info';
import { verifyPageHtml } from '../report/verify-page';
import type { SignedEnvelope } from '../report/signing';
import { blockDossier } from '../report/block-dossier';

export interface ReportsRouterDeps {
  db: Db;
  config: Config;
  limits?: Partial<ParseLimits>;
  renderer?: PdfRenderer;
}

const Lang = z.enum(['zh', 'en']).default('zh');
const KNOWN = ['applicant', 'application', 'mineral', 'block_id', 'regime', 'as_of', 'format', 'zone', 'crs'];
const pick = (o: unknown) =>
  Object.fromEntries(
    Object.entries((o && typeof o === 'object' ? o : {}) as Record<string, unknown>).filter(
      ([k, v]) => KNOWN.includes(k) && (typeof v === 'string' || typeof v === 'number'),
    ),
  );
const Extra = z.object({
  lang: Lang,
  declared_area_km2: z.preprocess((v) => (v === '' || v === undefined ? undefined : v), z.coerce.number().positive().optional()),
});

const ExportQuery = z.object({ format: z.enum(['csv', 'xlsx', 'geojson', 'shp']).default('csv'), lang: Lang });
const origin = (req: Request) => `${req.protocol}://${req.get('host')}`;
const wantsPdf = (req: Request) => req.query.format === 'pdf';
const wantsStore = (req: Request) => req.query.store === 'true' || req.query.store === '1';

function sendPdf(res: Response, pdf: Buffer, filename: string, headers: Record<string, string>) {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader(
    'Content-Disposition',
    `inline; filename="${encodeURIComponent(filename).replace(/%/g, '')}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  );
  res.send(pdf);
}

export function reportsRouter({ db, config, limits: lim, renderer: given }: ReportsRouterDeps): express.Router {
  const limits = resolveLimits(lim);
  const router = express.Router();
  const logger = createLogger(config.LOG_LEVEL);
  let warned = false;
  const certs = certificateService(db, {
    signingKey: config.SIGNING_KEY,
    warn: (m) => {
      if (!warned) logger.warn({ code: m.code }, m.message);
      warned = true;
    },
  });
  const renderer = given ?? chromiumRenderer();
  const qr = (url: string) => QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });

  /** Render a check record (with its envelope attached) as the report PDF. */
  const checkPdf = async (env: SignedEnvelope, lang: 'zh' | 'en'): Promise<Buffer> => {
    const record = env.record as unknown as CheckRecord;
    const html = checkReportHtml(checkModel(record), lang, {
      certificate_id: record.certificate_id,
      key_id: env.key_id,
      verify_url: record.verify_url,
      qr_svg: await qr(record.verify_url),
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
  };

  // ---- POST /api/checks?format=pdf | store=true (other POST /api/checks go on to the checks router)
  router.post(
    '/api/checks',
    (req: Request, _res: Response, next: NextFunction) => next(wantsPdf(req) || wantsStore(req) ? undefined : 'route'),
    singleFileUpload(limits),
    route(async (req, res) => {
      const { format: _out, lang: _l, declared_area_km2: _d, store: _s, ...query } = req.query as Record<string, unknown>;
      const p = CheckParams.safeParse({ ...query, ...pick(req.body) });
      if (!p.success) throw fromZod(p.error, 'CHECK_BAD_PARAMETER');
      const x = Extra.safeParse({
        lang: req.query.lang ?? (req.body as Record<string, unknown> | undefined)?.lang,
        declared_area_km2: req.query.declared_area_km2 ?? (req.body as Record<string, unknown> | undefined)?.declared_area_km2,
      });
      if (!x.success) throw fromZod(x.error, 'CHECK_BAD_PARAMETER');
      const block = p.data.block_id
        ? ((await db.named<StoredBlock & { geometry: string }>('conflicts_subject_block', [p.data.block_id])).rows[0] ?? null)
        : null;
      if (p.data.block_id && !block) throw notFound('block', p.data.block_id);
      const file = (req as Request & { file?: Express.Multer.File }).file;
      const input = await readCheckInput(
        { file, body: req.body },
        { format: p.data.format, zone: p.data.zone, crs: p.data.crs },
        limits,
        config.MAX_VERTICES,
      );
      const { subject, province_registered } = buildSubject(p.data, block);
      const result = await runCheck(db, {
        geometry: input.geometry,
        area_km2: () => input.describe().area_km2,
        subject,
        block_id: p.data.block_id ?? null,
        province_registered,
      });
      const described = input.describe();
      const version = (await db.named<{ as_at: Date | string | null }>('register_version')).rows[0];
      const issued = new Date();
      const certificate_id = newCertificateId(issued);
      const check_id = newCheckId();
      const key = await certs.signingKey();
      const record = buildCheckRecord(
        {
          certificate_id,
          check_id,
          issued_at: issued.toISOString(),
          service: SERVICE,
          register_as_at: version?.as_at ? new Date(version.as_at).toISOString() : null,
          key_id: key.key_id,
          verify_url: `${origin(req)}/verify/${certificate_id}`,
        },
        {
          subject,
          block_id: p.data.block_id ?? null,
          declared_area_km2: x.data.declared_area_km2 ?? null,
          file_name: file?.originalname ?? null,
          described,
          result,
        },
      );
      const env = await certs.sign(record as unknown as Record<string, unknown> & CheckRecord);
      const pdf = wantsPdf(req) ? await checkPdf(env, x.data.lang) : null;
      await db.transaction(async (tx) => {
        await certs.store('check', env, tx);
        await tx.named('checks_insert', [check_id, certificate_id]);
      });
      const headers = { Location: `/api/checks/${check_id}`, 'X-Check-Id': check_id, 'X-Certificate-Id': certificate_id };
      if (pdf) return sendPdf(res, pdf, `${x.data.lang === 'zh' ? '重叠核查报告' : 'check-report'}-${certificate_id}.pdf`, headers);
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
      res.status(201).json({
        check_id,
        certificate_id,
        ...env,
        links: [{ rel: 'alternate', type: 'application/pdf', href: `/api/checks/${check_id}.pdf` }],
      });
    }),
  );

  // ---- stored checks
  router.get(
    '/api/checks/:ref',
    route(async (req, res) => {
      const ref = String(req.params.ref);
      const pdf = ref.endsWith('.pdf');
      const id = pdf ? ref.slice(0, -4) : ref;
      const row = (await db.named<{ record: string; signature: string; key_id: string }>('checks_get', [id])).rows[0];
      if (!row) throw notFound('check', id);
      const env: SignedEnvelope = { algorithm: 'Ed25519', key_id: row.key_id, signature: row.signature, record: JSON.parse(row.record) };
      if (!pdf) return res.json({ check_id: id, ...env });
      const lang = Lang.safeParse(req.query.lang);
      if (!lang.success) throw fromZod(lang.error, 'REPORT_BAD_PARAMETER');
      const rec = env.record as unknown as CheckRecord;
      sendPdf(res, await checkPdf(env, lang.data), `${lang.data === 'zh' ? '重叠核查报告' : 'check-report'}-${rec.certificate_id}.pdf`, {
        'X-Check-Id': id,
        'X-Certificate-Id': rec.certificate_id,
      });
    }),
  );

  // ---- a stored check's conflicts as files (CSV/XLSX with Chinese or English headers, GeoJSON, Shapefile)
  router.get(
    '/api/checks/:id/conflicts',
    route(async (req, res) => {
      const q = ExportQuery.safeParse(req.query);
      if (!q.success) throw fromZod(q.error, 'EXPORT_BAD_PARAMETER');
      const id = String(req.params.id);
      const row = (await db.named<{ record: string }>('checks_get', [id])).rows[0];
      if (!row) throw notFound('check', id);
      const rec = JSON.parse(row.record) as CheckRecord;
      const base = `${q.data.lang === 'zh' ? '重叠核查' : 'conflicts'}-${rec.certificate_id}`;
      const { format, lang } = q.data;
      if (format === 'csv')
        return sendAttachment(res, { buffer: conflictsCsv(rec, lang), contentType: 'text/csv; charset=utf-8', filename: `${base}.csv` });
      if (format === 'xlsx')
        return sendAttachment(res, {
          buffer: await conflictsXlsx(rec, lang),
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          filename: `${base}.xlsx`,
        });
      if (format === 'geojson')
        return sendAttachment(res, {
          buffer: conflictsGeojson(rec, lang),
          contentType: 'application/geo+json',
          filename: `${base}.geojson`,
        });
      if (!rec.results.conflicts.some((c) => c.geometry && /Polygon/.test(c.geometry.type)))
        throw unprocessable(
          'EXPORT_NO_POLYGONS',
          'The check found no polygonal overlap to write as a Shapefile',
          '本次核查没有可写入 Shapefile 的面状重叠',
        );
      sendAttachment(res, { buffer: conflictsShapefile(rec, lang), contentType: 'application/zip', filename: `${base}.shp.zip` });
    }),
  );

  // ---- certificates
  router.get(
    '/api/certificates/public-key',
    route(async (_req, res) => {
      const k = await certs.signingKey();
      res.json({ algorithm: 'Ed25519', key_id: k.key_id, public_key_pem: k.public_pem, configured: !!config.SIGNING_KEY });
    }),
  );

  router.get(
    '/api/certificates/:id',
    route(async (req, res) => {
      const c = await certs.get(String(req.params.id));
      if (!c) throw notFound('certificate', String(req.params.id));
      res.json({
        certificate_id: c.id,
        kind: c.kind,
        issued_at: c.issued_at,
        algorithm: 'Ed25519',
        key_id: c.key_id,
        signature: c.signature,
        record: JSON.parse(c.record),
        record_canonical: c.record,
      });
    }),
  );

  router.post(
    '/api/certificates/verify',
    express.raw({ type: 'application/pdf', limit: limits.maxUploadBytes }),
    singleFileUpload(limits),
    route(async (req, res) => {
      const file = (req as Request & { file?: Express.Multer.File }).file;
      const pdf = file?.buffer ?? (Buffer.isBuffer(req.body) ? req.body : null);
      let env: Record<string, unknown>;
      if (pdf) {
        if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
          throw badRequest('VERIFY_NOT_PDF', 'The upload is not a PDF', '上传的文件不是 PDF', [{ field: 'file' }]);
        const att = extractAttachment(pdf, 'application/json');
        if (!att)
          throw badRequest(
            'VERIFY_NO_CERTIFICATE',
            'The PDF carries no certificate.json attachment: it was not issued by this service or was rebuilt',
            'PDF 中没有 certificate.json 附件：并非本服务出具，或已被重新生成',
            [{ field: 'file' }],
          );
        try {
          env = JSON.parse(att.toString('utf8'));
        } catch {
          return res.json({
            valid: false,
            certificate_id: null,
            signature_valid: false,
            on_file: false,
            differences: [{ path: '$', expected: 'JSON', found: 'unreadable' }],
            message: {
              code: 'VERIFY_UNREADABLE',
              params: {},
              message: 'The embedded record is not valid JSON: the file was altered',
              message_zh: '嵌入的记录不是有效 JSON：文件已被改动',
            },
          });
        }
      } else if (req.body && typeof req.body === 'object' && 'record' in req.body) env = req.body as Record<string, unknown>;
      else
        throw badRequest(
          'VERIFY_NO_INPUT',
          'Send the report PDF (multipart `file` or application/pdf) or its JSON {record, signature, key_id}',
          '请上传报告 PDF（multipart 字段 file 或 application/pdf），或提交其 JSON {record, signature, key_id}',
        );
      res.json(await certs.verify(env));
    }),
  );

  router.get(
    '/verify/:id',
    route(async (req, res) => {
      const id = String(req.params.id);
      const c = await certs.get(id);
      const result = c ? await certs.verify({ record: JSON.parse(c.record), signature: c.signature, key_id: c.key_id }) : null;
      res
        .status(c ? 200 : 404)
        .type('html')
        .send(
          verifyPageHtml(id, c ? JSON.parse(c.record) : null, result, req.acceptsLanguages('zh', 'zh-CN', 'en') === 'en' ? 'en' : 'zh'),
        );
    }),
  );

  // ---- block dossier
  router.get(
    '/api/blocks/:id/report.pdf',
    route(async (req, res) => {
      const lang = Lang.safeParse(req.query.lang);
      if (!lang.success) throw fromZod(lang.error, 'REPORT_BAD_PARAMETER');
      const out = await blockDossier({ db, certs, renderer, qr, origin: origin(req) }, String(req.params.id), lang.data, req.query);
      sendPdf(res, out.pdf, out.filename, { 'X-Certificate-Id': out.certificate_id });
    }),
  );

  return router;
}
