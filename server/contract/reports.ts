/**
 * Fileable documents (issue 15): stored and signed checks, their report PDFs and exports, certificates and
 * their verification, the block dossier. (The page a QR code opens, GET /verify/{id}, is HTML for people, like `/`: not part of the API.) Served by server/routes/reports.ts (an express router: PDFs inline,
 * a multipart or raw-PDF upload); declared here so the OpenAPI document and the API suite's validation cover them.
 */
import { z } from 'zod';
import { defineRoute } from './define';
import { isoDay, Link, Message } from './common';

const idParam = z.object({ id: z.string().min(1).max(200) });
export const ReportLang = z.enum(['zh', 'en']).default('zh').describe('report language, default zh');

/** An Ed25519 envelope: the signature over the canonical JSON of `record`. */
export const SignedEnvelope = z
  .object({
    algorithm: z.literal('Ed25519'),
    key_id: z.string(),
    signature: z.string().describe('base64 signature over the UTF-8 bytes of the canonical JSON of `record`'),
    record: z
      .looseObject({ certificate_id: z.string(), issued_at: z.string() })
      .describe('the signed record (kq.check-certificate, kq.block-dossier …)'),
  })
  .meta({ id: 'SignedEnvelope' });

export const StoredCheck = SignedEnvelope.extend({
  check_id: z.string(),
  certificate_id: z.string().optional(),
  links: z.array(Link).optional(),
}).meta({ id: 'StoredCheck' });

export const Certificate = z
  .object({
    certificate_id: z.string(),
    kind: z.string(),
    issued_at: z.string(),
    algorithm: z.literal('Ed25519'),
    key_id: z.string(),
    signature: z.string(),
    record: z.looseObject({ certificate_id: z.string() }),
    record_canonical: z.string().describe('the exact text that was signed'),
  })
  .meta({ id: 'Certificate' });

export const PublicKey = z
  .object({
    algorithm: z.literal('Ed25519'),
    key_id: z.string(),
    public_key_pem: z.string(),
    configured: z.boolean().describe('false: an ephemeral key (SIGNING_KEY not set)'),
  })
  .meta({ id: 'PublicKey' });

export const Verification = z
  .object({
    valid: z.boolean(),
    certificate_id: z.string().nullable(),
    signature_valid: z.boolean(),
    on_file: z.boolean(),
    differences: z.array(z.object({ path: z.string(), expected: z.unknown(), found: z.unknown() })),
    message: Message,
  })
  .meta({ id: 'Verification' });

/** Extra parameters of POST /api/checks asking for the stored, signed check (JSON) or its report PDF. */
export const CheckReportQuery = z.object({
  store: z.enum(['true', '1', 'false', '0']).optional().describe('true: store and sign the check, answer 201 with its record'),
  lang: ReportLang.optional(),
  declared_area_km2: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().positive().optional()),
});

const reports = ['Reports and certificates'] as const;
const PDF = ['application/pdf'] as const;
const FileFormat = z.enum(['csv', 'xlsx', 'geojson', 'shp']).default('csv');
const FILE_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/geo+json',
  'application/zip',
];

export const reportRoutes = {
  // before storedCheck: `/api/checks/{id}.pdf` is matched first
  checkPdf: defineRoute({
    method: 'get',
    path: '/api/checks/:id.pdf',
    summary: 'A stored check as its A4 report PDF (certificate.json attached)',
    tags: reports,
    servedBy: 'server/routes/reports.ts',
    params: idParam,
    query: z.object({ lang: ReportLang }),
    badInput: 'REPORT_BAD_PARAMETER',
    responses: { 200: { description: 'the report (inline)', binary: PDF } },
    errors: { 404: ['NOT_FOUND'], 422: ['REPORT_BAD_PARAMETER'], 503: ['REPORT_RENDERER_UNAVAILABLE', 'REPORT_TIMEOUT', 'REPORT_BUSY'] },
  }),
  storedCheck: defineRoute({
    method: 'get',
    path: '/api/checks/:id',
    summary: 'A stored check: its signed record (Ed25519 envelope)',
    tags: reports,
    servedBy: 'server/routes/reports.ts',
    params: idParam,
    responses: { 200: { description: 'check_id and the envelope', json: StoredCheck } },
    errors: { 404: ['NOT_FOUND'] },
  }),
  checkExport: defineRoute({
    method: 'get',
    path: '/api/checks/:id/conflicts',
    summary:
      'A stored check’s conflicts as CSV or XLSX (Chinese headers, English with lang=en; header block; shares in percent), GeoJSON or zipped Shapefile (UTF-8 .cpg, .prj)',
    tags: reports,
    servedBy: 'server/routes/reports.ts',
    params: idParam,
    query: z.object({ format: z.enum(['csv', 'xlsx', 'geojson', 'shp']).default('csv'), lang: ReportLang }),
    badInput: 'EXPORT_BAD_PARAMETER',
    responses: {
      200: {
        description: 'the file (attachment)',
        binary: [
          'text/csv',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'application/geo+json',
          'application/zip',
        ],
      },
    },
    errors: { 404: ['NOT_FOUND'], 422: ['EXPORT_BAD_PARAMETER', 'EXPORT_NO_POLYGONS'] },
  }),
  searchExport: defineRoute({
    method: 'get',
    path: '/api/exports/search',
    summary:
      'The page’s search results (the filters of /collections/blocks/items) as CSV/XLSX (header block, Chinese headers, English with lang=en, labels from the vocabulary) or GeoJSON/zipped Shapefile of the blocks',
    tags: reports,
    servedBy: 'server/routes/reports.ts',
    query: z.object({
      format: FileFormat,
      lang: ReportLang,
      q: z.string().max(200).optional(),
      mineral: z.string().optional(),
      kind: z.string().optional(),
      status: z.string().optional(),
      holder: z.string().max(200).optional(),
      bbox: z.string().optional().describe('minLon,minLat,maxLon,maxLat (CRS84)'),
      as_at: isoDay.optional(),
      limit: z.coerce.number().int().min(1).max(10000).default(1000),
    }),
    badInput: 'EXPORT_BAD_PARAMETER',
    responses: { 200: { description: 'the file (attachment)', binary: FILE_TYPES } },
    errors: { 422: ['EXPORT_BAD_PARAMETER', 'EXPORT_NO_POLYGONS'] },
  }),
  deadlinesExport: defineRoute({
    method: 'get',
    path: '/api/exports/deadlines',
    summary: 'The deadlines list (GET /api/deadlines) as CSV or XLSX in the user’s language (no geometry: GeoJSON/SHP answer 422)',
    tags: reports,
    servedBy: 'server/routes/reports.ts',
    query: z.object({ format: FileFormat, lang: ReportLang, within: z.string().default('90d'), on: isoDay.optional() }),
    badInput: 'EXPORT_BAD_PARAMETER',
    responses: { 200: { description: 'the file (attachment)', binary: FILE_TYPES } },
    errors: { 422: ['EXPORT_BAD_PARAMETER', 'EXPORT_NO_POLYGONS'] },
  }),
  candidatesExport: defineRoute({
    method: 'get',
    path: '/api/blocks/:id/relinquishment-plans/export',
    summary:
      'The relinquishment planner’s candidates as CSV/XLSX (with the retained corner tables) or GeoJSON/zipped Shapefile of the retained (part=retained) or relinquished polygons',
    tags: reports,
    servedBy: 'server/routes/reports.ts',
    params: idParam,
    query: z.object({
      format: FileFormat,
      lang: ReportLang,
      required_km2: z.coerce.number().positive().optional(),
      max_candidates: z.coerce.number().int().min(1).max(3).optional(),
      protected_counts_toward_required: z.enum(['true', 'false', '1', '0']).optional(),
      part: z.enum(['retained', 'relinquished']).default('retained'),
    }),
    badInput: 'EXPORT_BAD_PARAMETER',
    responses: { 200: { description: 'the file (attachment)', binary: FILE_TYPES } },
    errors: { 404: ['NOT_FOUND'], 422: ['EXPORT_BAD_PARAMETER', 'NO_PLAN', 'NO_ASSESSMENT', 'NOTHING_TO_RELINQUISH'] },
  }),
  applicationAnnex: defineRoute({
    method: 'get',
    path: '/api/applications/:id/annex',
    summary:
      "The extension annex from the applicant's own retained polygon (an extension or change application): the dossier PDF with that annex (format=pdf), or the corner table of the retained area as CSV/XLSX (GK 3° X northing / Y easting with zone prefix, DMS; areas ellipsoidal; XLSX adds the relinquished and the licensed corners)",
    tags: reports,
    servedBy: 'server/routes/reports.ts',
    auth: 'account',
    params: idParam,
    query: z.object({ format: z.enum(['pdf', 'csv', 'xlsx']).default('pdf'), lang: ReportLang }),
    badInput: 'EXPORT_BAD_PARAMETER',
    responses: {
      200: {
        description: 'the PDF (inline; X-Certificate-Id) or the file (attachment)',
        binary: ['application/pdf', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    errors: {
      401: ['UNAUTHENTICATED'],
      403: ['FORBIDDEN'],
      404: ['NOT_FOUND'],
      422: ['EXPORT_BAD_PARAMETER', 'ANNEX_NO_RETAINED_POLYGON'],
      503: ['REPORT_RENDERER_UNAVAILABLE', 'REPORT_TIMEOUT', 'REPORT_BUSY'],
    },
  }),
  publicKey: defineRoute({
    method: 'get',
    path: '/api/certificates/public-key',
    summary: 'The Ed25519 public key (SPKI PEM) report certificates are signed with',
    tags: reports,
    servedBy: 'server/routes/reports.ts',
    responses: { 200: { description: 'the key', json: PublicKey } },
    errors: {},
  }),
  // after publicKey: `/api/certificates/public-key` is not a certificate id
  certificate: defineRoute({
    method: 'get',
    path: '/api/certificates/:id',
    summary: 'A signed record on file (record, canonical text, signature)',
    tags: reports,
    servedBy: 'server/routes/reports.ts',
    params: idParam,
    responses: { 200: { description: 'the signed record', json: Certificate } },
    errors: { 404: ['NOT_FOUND'] },
  }),
  verifyCertificate: defineRoute({
    method: 'post',
    path: '/api/certificates/verify',
    summary:
      'Verify a report: the PDF (multipart `file` or application/pdf) or its JSON envelope → { valid, signature_valid, on_file, differences[] }',
    tags: reports,
    servedBy: 'server/routes/reports.ts',
    body: {
      types: ['multipart/form-data', 'application/pdf', 'application/json'],
      schema: z.union([z.object({ file: z.string().meta({ format: 'binary' }) }), SignedEnvelope.partial()]),
      validate: false,
    },
    responses: { 200: { description: 'the verification (valid false with the differences when altered)', json: Verification } },
    errors: { 400: ['VERIFY_NOT_PDF', 'VERIFY_NO_CERTIFICATE', 'VERIFY_NO_INPUT', 'UPLOAD_REJECTED'], 413: ['UPLOAD_TOO_LARGE'] },
  }),
  blockReport: defineRoute({
    method: 'get',
    path: '/api/blocks/:id/report.pdf',
    summary:
      'Block dossier PDF: register entry, history, conflicts, extension assessment with arithmetic, extension annex (retained area, corner tables, comparison map)',
    tags: reports,
    servedBy: 'server/routes/reports.ts',
    params: idParam,
    query: z.object({
      lang: ReportLang,
      on: isoDay.optional().describe('assess as on this day; default today (UTC+8)'),
      required_km2: z.coerce.number().positive().optional(),
      candidate: z.enum(['A', 'B', 'C']).default('A').describe('the relinquishment candidate of the annex'),
      application: z
        .string()
        .min(1)
        .max(200)
        .optional()
        .describe(
          "an extension or change application of this block: the annex shows the applicant's own retained polygon instead of a candidate (signed in, for those who may read the application)",
        ),
    }),
    badInput: 'REPORT_BAD_PARAMETER',
    responses: { 200: { description: 'the dossier (inline; X-Certificate-Id)', binary: PDF } },
    errors: {
      401: ['UNAUTHENTICATED'],
      403: ['FORBIDDEN'],
      404: ['NOT_FOUND'],
      422: ['REPORT_BAD_PARAMETER', 'NO_PLAN', 'ANNEX_NO_RETAINED_POLYGON', 'ANNEX_OTHER_BLOCK'],
      503: ['REPORT_RENDERER_UNAVAILABLE', 'REPORT_TIMEOUT', 'REPORT_BUSY'],
    },
  }),
};
