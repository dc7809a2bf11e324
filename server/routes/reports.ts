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
 */
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { principalOf } from '../auth/principal';
import type { Config } from '../config';
import type { Db } from '../db';
import { notFound } from '../errors';
import { sendAttachment } from '../http/attachment';
import { identifyAdmin } from '../http/auth';
import { route } from '../http/async';
import { registerOpenApiPath } from '../http/openapi';
import { publicOrigin } from '../http/public-url';
import { singleFileUpload } from '../http/upload';
import { createLogger } from '../logger';
import { resolveLimits, type ParseLimits } from '../parse/limits';
import { blockDossier } from '../report/block-dossier';
import { certificateService } from '../report/certificates';
import { checkReportFilename, checkReportPdf, issueCheck, reportLang, reportRequest, storedCheck } from '../report/check-report';
import type { CheckRecord } from '../report/check-record';
import { candidatesFile, checkConflictsFile, deadlinesFile, FILE_FORMATS, searchResultsFile } from '../report/files';
import { chromiumRenderer, type PdfRenderer } from '../report/renderer';
import { envelopeToVerify, unreadableResult } from '../report/verify-upload';
import { verifyPageHtml } from '../report/verify-page';
import type { WorkPool } from '../work/pool';
import { readCheckInputOffThread } from '../work/read-check-input';
import { checkParamsOf } from './checks';

export interface ReportsRouterDeps {
  db: Db;
  config: Config;
  limits?: Partial<ParseLimits>;
  renderer?: PdfRenderer;
  /** upload worker pool: check inputs and PDFs handed in for verification are read there */
  work?: WorkPool;
  /** gate counting uploads in progress (429 BUSY beyond), shared with the other upload routes */
  uploads?: RequestHandler;
}

const wantsPdf = (req: Request) => req.query.format === 'pdf';
const wantsStore = (req: Request) => req.query.store === 'true' || req.query.store === '1';
const pass: RequestHandler = (_req, _res, next) => next();

function sendPdf(res: Response, pdf: Buffer, filename: string, headers: Record<string, string>) {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader(
    'Content-Disposition',
    `inline; filename="${encodeURIComponent(filename).replace(/%/g, '')}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  );
  res.send(pdf);
}

export function reportsRouter({ db, config, limits: lim, renderer: given, work, uploads }: ReportsRouterDeps): express.Router {
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
  const deps = { db, certs, renderer };

  // ---- POST /api/checks?format=pdf | store=true (other POST /api/checks go on to the checks router)
  router.post(
    '/api/checks',
    (req: Request, _res: Response, next: NextFunction) => next(wantsPdf(req) || wantsStore(req) ? undefined : 'route'),
    uploads ?? pass,
    singleFileUpload(limits),
    route(async (req, res) => {
      const { checkQuery, lang, declared_area_km2 } = reportRequest(req.query as Record<string, unknown>, req.body);
      const params = checkParamsOf(checkQuery, req.body);
      const file = (req as Request & { file?: Express.Multer.File }).file;
      const out = await issueCheck(deps, {
        params,
        readInput: () =>
          readCheckInputOffThread(
            work,
            { file, body: req.body },
            { format: params.format, zone: params.zone, crs: params.crs },
            limits,
            config.MAX_VERTICES,
          ),
        file_name: file?.originalname ?? null,
        declared_area_km2,
        origin: publicOrigin(req),
        pdf: wantsPdf(req) ? lang : null,
      });
      const headers = { Location: `/api/checks/${out.check_id}`, 'X-Check-Id': out.check_id, 'X-Certificate-Id': out.certificate_id };
      if (out.pdf) return sendPdf(res, out.pdf, checkReportFilename(out.certificate_id, lang), headers);
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
      res.status(201).json({
        check_id: out.check_id,
        certificate_id: out.certificate_id,
        ...out.env,
        links: [{ rel: 'alternate', type: 'application/pdf', href: `/api/checks/${out.check_id}.pdf` }],
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
      const env = await storedCheck(db, id);
      if (!pdf) return res.json({ check_id: id, ...env });
      const lang = reportLang(req.query.lang);
      const cert = (env.record as unknown as CheckRecord).certificate_id;
      sendPdf(res, await checkReportPdf(renderer, env, lang), checkReportFilename(cert, lang), {
        'X-Check-Id': id,
        'X-Certificate-Id': cert,
      });
    }),
  );

  // ---- downloads: a stored check's conflicts, search results, deadlines, planner candidates
  router.get(
    '/api/checks/:id/conflicts',
    route(async (req, res) => sendAttachment(res, await checkConflictsFile(db, String(req.params.id), req.query))),
  );
  router.get(
    '/api/exports/search',
    route(async (req, res) => sendAttachment(res, await searchResultsFile(db, req.query, config.PAGE_LIMIT_MAX))),
  );
  router.get(
    '/api/exports/deadlines',
    route(async (req, res) => sendAttachment(res, await deadlinesFile(db, req.query))),
  );
  router.get(
    '/api/blocks/:id/relinquishment-plans/export',
    route(async (req, res) => sendAttachment(res, await candidatesFile(db, String(req.params.id), req.query))),
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
    uploads ?? pass,
    express.raw({ type: 'application/pdf', limit: limits.maxUploadBytes }),
    singleFileUpload(limits),
    route(async (req, res) => {
      const file = (req as Request & { file?: Express.Multer.File }).file;
      const pdf = file?.buffer ?? (Buffer.isBuffer(req.body) ? req.body : null);
      const got = await envelopeToVerify(work, pdf, req.body);
      res.json('unreadable' in got ? unreadableResult() : await certs.verify(got.envelope));
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

  // ---- block dossier (investment figures only for the roles allowed to see them)
  router.get(
    '/api/blocks/:id/report.pdf',
    identifyAdmin(config.ADMIN_TOKEN),
    route(async (req, res) => {
      const out = await blockDossier(deps, {
        id: String(req.params.id),
        lang: reportLang(req.query.lang),
        query: req.query,
        principal: principalOf(req),
        origin: publicOrigin(req),
      });
      sendPdf(res, out.pdf, out.filename, { 'X-Certificate-Id': out.certificate_id });
    }),
  );

  return router;
}

const err = { $ref: '#/components/responses/Error' };
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const langParam = { name: 'lang', in: 'query', schema: { type: 'string', enum: ['zh', 'en'] }, description: 'report language, default zh' };
registerOpenApiPath('/api/checks/{id}', {
  get: {
    summary: 'A stored check: its signed record (Ed25519 envelope)',
    parameters: [idParam],
    responses: { 200: { description: '{ check_id, algorithm, key_id, signature, record }' }, 404: err },
  },
});
registerOpenApiPath('/api/checks/{id}.pdf', {
  get: {
    summary: 'A stored check as its A4 report PDF (certificate.json attached)',
    parameters: [idParam, langParam],
    responses: { 200: { description: 'application/pdf' }, 404: err, 503: err },
  },
});
registerOpenApiPath('/api/checks/{id}/conflicts', {
  get: {
    summary:
      'A stored check\u2019s conflicts as CSV or XLSX (Chinese headers, English with lang=en; header block; shares in percent), GeoJSON or zipped Shapefile (UTF-8 .cpg, .prj)',
    parameters: [idParam, langParam, { name: 'format', in: 'query', schema: { type: 'string', enum: ['csv', 'xlsx', 'geojson', 'shp'] } }],
    responses: { 200: { description: 'the file' }, 404: err, 422: err },
  },
});
const fileParams = [
  {
    name: 'format',
    in: 'query',
    schema: { type: 'string', enum: [...FILE_FORMATS] },
    description: 'default csv; geojson/shp where the rows carry polygons (422 EXPORT_NO_POLYGONS otherwise)',
  },
  langParam,
];
registerOpenApiPath('/api/exports/search', {
  get: {
    summary:
      'The page\u2019s search results (filters of /collections/blocks/items) as CSV/XLSX (header block, Chinese headers, English with lang=en, labels from the vocabulary) or GeoJSON/Shapefile of the blocks',
    parameters: [
      ...fileParams,
      ...['q', 'mineral', 'kind', 'status', 'holder', 'bbox', 'as_at'].map((name) => ({ name, in: 'query', schema: { type: 'string' } })),
      { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 10000, default: 1000 } },
    ],
    responses: { 200: { description: 'the file' }, 422: err },
  },
});
registerOpenApiPath('/api/exports/deadlines', {
  get: {
    summary: 'The deadlines list (GET /api/deadlines) as CSV or XLSX in the user\u2019s language',
    parameters: [
      ...fileParams,
      { name: 'within', in: 'query', schema: { type: 'string', default: '90d' } },
      { name: 'on', in: 'query', schema: { type: 'string', format: 'date' } },
    ],
    responses: { 200: { description: 'the file' }, 422: err },
  },
});
registerOpenApiPath('/api/blocks/{id}/relinquishment-plans/export', {
  get: {
    summary:
      'The relinquishment planner\u2019s candidates (as POST /api/blocks/{id}/relinquishment-plans) as CSV/XLSX (with the retained corner tables) or GeoJSON/Shapefile of the retained (part=retained) or relinquished polygons',
    parameters: [
      idParam,
      ...fileParams,
      { name: 'required_km2', in: 'query', schema: { type: 'number' } },
      { name: 'max_candidates', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 3 } },
      { name: 'protected_counts_toward_required', in: 'query', schema: { type: 'boolean' } },
      { name: 'part', in: 'query', schema: { type: 'string', enum: ['retained', 'relinquished'] } },
    ],
    responses: { 200: { description: 'the file' }, 404: err, 422: err },
  },
});
registerOpenApiPath('/api/certificates/public-key', {
  get: {
    summary: 'The Ed25519 public key (SPKI PEM) report certificates are signed with',
    responses: { 200: { description: '{ algorithm, key_id, public_key_pem }' } },
  },
});
registerOpenApiPath('/api/certificates/{id}', {
  get: {
    summary: 'A signed record on file (record, canonical text, signature)',
    parameters: [idParam],
    responses: { 200: { description: 'the signed record' }, 404: err },
  },
});
registerOpenApiPath('/api/certificates/verify', {
  post: {
    summary:
      'Verify a report: the PDF (multipart `file` or application/pdf) or its JSON envelope → { valid, signature_valid, on_file, differences[] }',
    responses: { 200: { description: 'verification result' }, 400: err },
  },
});
registerOpenApiPath('/api/blocks/{id}/report.pdf', {
  get: {
    summary:
      'Block dossier PDF: register entry, history, conflicts, extension assessment with arithmetic, extension annex (retained area, corner tables, comparison map)',
    parameters: [idParam, langParam, { name: 'candidate', in: 'query', schema: { type: 'string', enum: ['A', 'B', 'C'] } }],
    responses: { 200: { description: 'application/pdf' }, 404: err, 503: err },
  },
});
