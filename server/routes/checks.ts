/**
 * Conflict checks (issue 4). Routes only wire parse → SQL → outcomes:
 *   POST /api/checks                 a file (multipart `file`, hints format/zone/crs) or a GeoJSON Feature /
 *                                    geometry as JSON body, + applicant, application, mineral, block_id, regime, as_of
 *   GET  /api/blocks/{id}/conflicts  a stored block: extension by its holder, for its mineral (overridable)
 *   GET  /api/conflicts?collection=… the register: every block × that collection, paged; format=csv
 */
import express, { type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { runCheck } from '../conflicts/engine';
import { registerCsv } from '../conflicts/csv';
import { APPLICATIONS } from '../conflicts/outcomes';
import { registerPage } from '../conflicts/register';
import { buildSubject, todayInChina, type StoredBlock } from '../conflicts/subject';
import { CONFLICT_COLLECTIONS } from '../conflicts/types';
import type { Config } from '../config';
import type { Db } from '../db';
import { notFound, unprocessable } from '../errors';
import { MINERALS } from '../features/collections';
import { route } from '../http/async';
import { isoDay } from '../http/iso-day';
import { publicOrigin } from '../http/public-url';
import { singleFileUpload } from '../http/upload';
import { fromZod } from '../http/error-middleware';
import { registerOpenApiPath } from '../http/openapi';
import { resolveLimits, type ParseLimits } from '../parse/limits';
import { REGIME_IDS } from '../rules/regimes';
import type { WorkPool } from '../work/pool';
import { readCheckInputOffThread } from '../work/read-check-input';

export interface ChecksRouterDeps {
  db: Db;
  config: Config;
  limits?: Partial<ParseLimits>;
  /** Worker pool reading and validating the input; without it that runs on the main thread (unit tests). */
  work?: WorkPool;
  /** Gate counting uploads in progress (429 BUSY beyond). */
  uploads?: RequestHandler;
}

const optInt = z.preprocess((v) => (v === '' || v === undefined || v === null ? undefined : v), z.coerce.number().int().optional());
const optText = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().trim().min(1).max(200).optional());

export const CheckParams = z.object({
  applicant: optText,
  application: z.enum(APPLICATIONS).default('new_exploration'),
  mineral: z.enum(MINERALS).optional(),
  block_id: optText,
  regime: z.enum(REGIME_IDS).optional(),
  as_of: isoDay.optional(),
  format: optText,
  zone: optInt,
  crs: optInt,
});
const BlockParams = CheckParams.pick({ applicant: true, mineral: true, regime: true, as_of: true }).extend({
  application: z.enum(APPLICATIONS).default('extension'),
});
const RegisterParams = z.object({
  collection: z.enum(CONFLICT_COLLECTIONS),
  limit: z.coerce.number().int().min(1).optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  format: z.enum(['json', 'csv']).default('json'),
  as_of: isoDay.optional(),
  regime: z.enum(REGIME_IDS).optional(),
});

const KNOWN = ['applicant', 'application', 'mineral', 'block_id', 'regime', 'as_of', 'format', 'zone', 'crs'];
/** Parameters among a body's top-level members (form fields, or GeoJSON foreign members); objects such as a legacy GeoJSON `crs` member are not parameters. */
const pick = (o: unknown) =>
  Object.fromEntries(
    Object.entries((o && typeof o === 'object' ? o : {}) as Record<string, unknown>).filter(
      ([k, v]) => KNOWN.includes(k) && (typeof v === 'string' || typeof v === 'number'),
    ),
  );

/** A check's parameters from the query string and the body's top-level members (form fields, GeoJSON foreign members). */
export const checkParamsOf = (query: unknown, body: unknown) => parsed(CheckParams, { ...(query as object), ...pick(body) });

function parsed<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw fromZod(r.error, 'CHECK_BAD_PARAMETER');
  return r.data;
}

const serverTiming = (t: { sql_ms: number; total_ms: number }) => `sql;dur=${t.sql_ms.toFixed(1)}, check;dur=${t.total_ms.toFixed(1)}`;

async function storedBlock(db: Db, id: string): Promise<(StoredBlock & { geometry: string; name: string; area_km2: number }) | null> {
  const { rows } = await db.named<StoredBlock & { geometry: string; name: string; area_km2: number }>('conflicts_subject_block', [id]);
  return rows[0] ?? null;
}

export function checksRouter({ db, config, limits: lim, work, uploads }: ChecksRouterDeps): express.Router {
  const limits = resolveLimits(lim);
  const router = express.Router();

  router.post(
    '/api/checks',
    uploads ?? ((_req, _res, next) => next()),
    singleFileUpload(limits),
    route(async (req, res) => {
      const p = checkParamsOf(req.query, req.body);
      const block = p.block_id ? await storedBlock(db, p.block_id) : null;
      if (p.block_id && !block)
        throw unprocessable('CHECK_BLOCK_NOT_FOUND', `Block '${p.block_id}' is not in the register`, `登记库中没有区块 '${p.block_id}'`, [
          { field: 'block_id' },
        ]);
      const file = (req as Request & { file?: Express.Multer.File }).file;
      const input = await readCheckInputOffThread(
        work,
        { file, body: req.body },
        { format: p.format, zone: p.zone, crs: p.crs },
        limits,
        config.MAX_VERTICES,
      );
      const { subject, province_registered } = buildSubject(p, block);
      const result = await runCheck(db, {
        geometry: input.geometry,
        area_km2: () => input.describe().area_km2,
        subject,
        block_id: p.block_id ?? null,
        province_registered,
      });
      const described = input.describe();
      res.setHeader('Server-Timing', serverTiming(result.timing));
      res.json({
        input: { ...described, warnings: [...described.warnings, ...result.warnings] },
        subject,
        conflicts: result.conflicts,
        summary: result.summary,
        regime: subject.regime,
      });
    }),
  );

  router.get(
    '/api/blocks/:id/conflicts',
    route(async (req, res) => {
      const id = String(req.params.id);
      const p = parsed(BlockParams, req.query);
      const block = await storedBlock(db, id);
      if (!block) throw notFound('block', id);
      const { subject, province_registered } = buildSubject(p, block);
      const geometry = JSON.parse(block.geometry);
      const result = await runCheck(db, { geometry, area_km2: Number(block.area_km2), subject, block_id: id, province_registered });
      res.setHeader('Server-Timing', serverTiming(result.timing));
      res.json({
        input: {
          format: 'register',
          crs: 4490,
          block_id: id,
          name: block.name,
          parcels: [],
          area_km2: Number(block.area_km2),
          geometry,
          warnings: result.warnings,
        },
        subject,
        conflicts: result.conflicts,
        summary: result.summary,
        regime: subject.regime,
      });
    }),
  );

  router.get(
    '/api/conflicts',
    route(async (req, res) => {
      const p = parsed(RegisterParams, req.query);
      const limit = Math.min(p.limit ?? (p.format === 'csv' ? config.PAGE_LIMIT_MAX : 100), config.PAGE_LIMIT_MAX);
      const page = await registerPage(db, p.collection, { limit, offset: p.offset, asOf: p.as_of ?? todayInChina(), regime: p.regime });
      if (p.format === 'csv') {
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="conflicts-${p.collection}.csv"`);
        res.setHeader('X-Total-Count', String(page.matched));
        res.send(registerCsv(page.rows));
        return;
      }
      const next = p.offset + page.rows.length < page.matched;
      const self = `${publicOrigin(req)}/api/conflicts?collection=${p.collection}&limit=${limit}`;
      res.json({
        collection: p.collection,
        numberMatched: page.matched,
        numberReturned: page.rows.length,
        limit,
        offset: p.offset,
        rows: page.rows,
        links: [
          { rel: 'self', href: `${self}&offset=${p.offset}` },
          ...(next ? [{ rel: 'next', href: `${self}&offset=${p.offset + limit}` }] : []),
          { rel: 'alternate', type: 'text/csv', href: `${self}&offset=${p.offset}&format=csv` },
        ],
      });
    }),
  );

  return router;
}

const err = { $ref: '#/components/responses/Error' };
const checkParams = ['applicant', 'application', 'mineral', 'block_id', 'regime', 'as_of'].map((name) => ({
  name,
  in: 'query',
  schema: name === 'application' ? { type: 'string', enum: [...APPLICATIONS] } : { type: 'string' },
  description:
    name === 'application'
      ? 'default new_exploration'
      : name === 'mineral'
        ? 'default cbm (or the block’s)'
        : name === 'as_of'
          ? 'YYYY-MM-DD, default today (UTC+8)'
          : undefined,
}));
registerOpenApiPath('/api/checks', {
  post: {
    summary:
      'Conflict check: every overlap of the input with rights, reserves, protected areas, red lines, wells and pipelines, its ellipsoidal area and rule outcome',
    description:
      'Body: multipart `file` (with format/zone/crs hints) or a GeoJSON Feature/geometry as JSON; parameters as query, form fields or top-level JSON members. summary.<collection> counts each collection’s union once; deductible_area_km2 is the union of deductible overlaps; net_area_km2 = input − deductible.',
    parameters: checkParams,
    requestBody: {
      content: {
        'application/json': { schema: { type: 'object' } },
        'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } },
      },
    },
    responses: { 200: { description: '{ input, subject, conflicts[], summary, regime }' }, 400: err, 413: err, 422: err },
  },
});
registerOpenApiPath('/api/blocks/{id}/conflicts', {
  get: {
    summary: 'Conflicts of a stored block (application defaults to extension by its holder, for its mineral)',
    parameters: [
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      ...checkParams.filter((p) => p.name !== 'block_id'),
    ],
    responses: { 200: { description: '{ input, subject, conflicts[], summary, regime }' }, 404: err, 422: err },
  },
});
registerOpenApiPath('/api/conflicts', {
  get: {
    summary:
      'The register: every block × the features of one collection it conflicts with, paged; CSV (UTF-8 BOM, Chinese headers) with format=csv',
    parameters: [
      { name: 'collection', in: 'query', required: true, schema: { type: 'string', enum: [...CONFLICT_COLLECTIONS] } },
      { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1 } },
      { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0 } },
      { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv'] } },
      { name: 'as_of', in: 'query', schema: { type: 'string' } },
      { name: 'regime', in: 'query', schema: { type: 'string', enum: [...REGIME_IDS] } },
    ],
    responses: { 200: { description: '{ collection, numberMatched, numberReturned, rows[], links } or text/csv' }, 422: err },
  },
});
