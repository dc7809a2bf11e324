/**
 * Fileable documents (issue 15), wiring only — report building lives in server/report:
 *   POST /api/checks?format=pdf            the check report (same inputs as POST /api/checks), stored and signed
 *   POST /api/checks?store=true            the same check stored and signed, answered as JSON (no PDF)
 *   GET  /api/checks/{id}                  a stored check's signed record;  GET /api/checks/{id}.pdf  its report
 *   GET  /api/certificates/public-key      the Ed25519 public key certificates are signed with
 *   GET  /api/certificates/{id}            a signed record on file
 *   POST /api/certificates/verify          a report PDF (multipart `file` or application/pdf) or its JSON → valid, differences
 *   GET  /verify/{id}                      the page a report's QR code opens
 *   GET  /api/blocks/{id}/report.pdf       the block dossier with the extension annex (?application=: the applicant's polygon)
 *   GET  /api/applications/{id}/annex      the extension annex from an application's retained polygon: PDF, CSV or XLSX
 */
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { principalOf } from '../auth/principal';
import { canSeeConfidential, treeOf } from '../auth/context';
import type { Config } from '../config';
import type { Db } from '../db';
import { notFound } from '../errors';
import { contentDisposition, sendAttachment } from '../http/attachment';
import { route } from '../http/async';
import { publicOrigin } from '../http/public-url';
import { singleFileUpload } from '../http/upload';
import { createLogger } from '../logger';
import { resolveLimits, type ParseLimits } from '../parse/limits';
import { annexQuery, applicantRetained, applicationAnnexFile } from '../report/application-annex';
import { blockDossier } from '../report/block-dossier';
import { certificateService } from '../report/certificates';
import { checkReportFilename, checkReportPdf, issueCheck, reportLang, reportRequest, storedCheck } from '../report/check-report';
import type { CheckRecord } from '../report/check-record';
import { candidatesFile, checkConflictsFile, deadlinesFile, searchResultsFile } from '../report/files';
import { chromiumRenderer, type PdfRenderer } from '../report/renderer';
import { envelopeToVerify, unreadableResult } from '../report/verify-upload';
import { verifyPageHtml } from '../report/verify-page';
import type { WorkPool } from '../work/pool';
import { readCheckInputOffThread } from '../work/read-check-input';
import { CheckParams } from '../contract/checks';
import { fromZod } from '../http/error-middleware';
import { requestIdOf } from '../http/request-id';
import { checkFormFields } from './checks';

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
  res.setHeader('Content-Disposition', contentDisposition('inline', filename));
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
      const parsed = CheckParams.safeParse({ ...checkQuery, ...checkFormFields(req.body) });
      if (!parsed.success) throw fromZod(parsed.error, 'CHECK_BAD_PARAMETER');
      const params = parsed.data;
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
        audit: { principal: principalOf(req), request_id: requestIdOf(req) },
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
    route(async (req, res) => {
      const out = await blockDossier(deps, {
        id: String(req.params.id),
        lang: reportLang(req.query.lang),
        query: req.query,
        principal: principalOf(req),
        origin: publicOrigin(req),
        mayReadConfidential: (b) => canSeeConfidential(req, b),
        tree: treeOf(req),
      });
      sendPdf(res, out.pdf, out.filename, { 'X-Certificate-Id': out.certificate_id });
    }),
  );

  // ---- the extension annex from an application's retained polygon (for those who may read the application)
  router.get(
    '/api/applications/:id/annex',
    route(async (req, res) => {
      const id = String(req.params.id);
      const { format, lang } = annexQuery(req.query);
      const who = { principal: principalOf(req), tree: treeOf(req) };
      if (format !== 'pdf') return sendAttachment(res, await applicationAnnexFile(db, id, format, lang, who));
      const { block } = await applicantRetained(db, id, who);
      const out = await blockDossier(deps, {
        id: block.id,
        lang,
        query: { application: id },
        principal: who.principal,
        origin: publicOrigin(req),
        mayReadConfidential: (b) => canSeeConfidential(req, b),
        tree: who.tree,
      });
      sendPdf(res, out.pdf, out.filename, { 'X-Certificate-Id': out.certificate_id });
    }),
  );

  return router;
}
