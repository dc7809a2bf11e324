/**
 * Conflict checks (issue 4). Routes only wire parse → SQL → outcomes:
 *   POST /api/checks                 a file (multipart `file`, hints format/zone/crs) or a GeoJSON Feature /
 *                                    geometry as JSON body, + applicant, application, mineral, block_id, regime, as_of,
 *                                    as_at (the register as it stood then: every layer read from its history, 012)
 *   GET  /api/blocks/{id}/conflicts  a stored block: extension by its holder, for its mineral (overridable)
 *   GET  /api/conflicts?collection=… the register: every block × that collection, paged; format=csv (today's register
 *                                    only: as_at is refused with 422 AS_AT_NOT_SUPPORTED, never answered from today)
 */
import type { Request, RequestHandler } from 'express';
import type { MultiPolygon, Polygon } from 'geojson';
import { registerInstant } from '../conflicts/as-at';
import { runCheck } from '../conflicts/engine';
import { registerCsv } from '../conflicts/csv';
import { registerPage } from '../conflicts/register';
import { buildSubject, todayInChina, type StoredBlock } from '../conflicts/subject';
import type { Config } from '../config';
import type { Db } from '../db';
import { notFound, unprocessable } from '../errors';
import { implement, originOf, pageLinks } from '../http/contract-route';
import { lazyGeoJson, rawJson } from '../http/raw-json';
import { singleFileUpload } from '../http/upload';
import type { ParseResult } from '../parse/index';
import { resolveLimits, type ParseLimits } from '../parse/limits';
import type { WorkPool } from '../work/pool';
import { readCheckInputOffThread } from '../work/read-check-input';

export interface ChecksRouterDeps {
  db: Db;
  /** the whole-register list (read replica when configured; checks read the primary: a check may be stored) */
  reads?: Db;
  config: Config;
  limits?: Partial<ParseLimits>;
  /** Worker pool reading and validating the input; without it that runs on the main thread (unit tests). */
  work?: WorkPool;
  /** Gate counting uploads in progress (429 BUSY beyond). */
  uploads?: RequestHandler;
}

const KNOWN = ['applicant', 'application', 'mineral', 'block_id', 'regime', 'as_of', 'as_at', 'format', 'zone', 'crs'];
/**
 * The check's parameters among a body's top-level members (form fields, or GeoJSON foreign members); objects such as
 * a legacy GeoJSON `crs` member are not parameters. Shared with the report form of the check (server/routes/reports.ts).
 */
export const checkFormFields = (o: unknown) =>
  Object.fromEntries(
    Object.entries((o && typeof o === 'object' ? o : {}) as Record<string, unknown>).filter(
      ([k, v]) => KNOWN.includes(k) && (typeof v === 'string' || typeof v === 'number'),
    ),
  );

const serverTiming = (t: { sql_ms: number; total_ms: number }) => `sql;dur=${t.sql_ms.toFixed(1)}, check;dur=${t.total_ms.toFixed(1)}`;

/** A stored block as it stands, or as it stood at `asAt` (its history, 012). */
async function storedBlock(
  db: Db,
  id: string,
  asAt: string | null,
): Promise<(StoredBlock & { geometry: string; name: string; area_km2: number }) | null> {
  const { rows } = await db.named<StoredBlock & { geometry: string; name: string; area_km2: number }>('conflicts_subject_block', [
    id,
    asAt,
  ]);
  return rows[0] ?? null;
}

/** The whole-register list is read from pairs kept for today's register (conflict_pairs, 023: no history is kept for them). */
const asAtNotSupported = () =>
  unprocessable(
    'AS_AT_NOT_SUPPORTED',
    'as_at is not supported by the whole-register conflict list: it is computed from the register as it stands. Check one block as at a date with GET /api/blocks/{id}/conflicts?as_at= or POST /api/checks?as_at=',
    '全库冲突清单不支持 as_at：该清单只按登记库现状计算。如需按某一日期的登记库核查，请对单个区块使用 GET /api/blocks/{id}/conflicts?as_at= 或 POST /api/checks?as_at=',
    [{ field: 'as_at' }],
  );

export function checksRoutes({ db, reads, config, limits: lim, work, uploads }: ChecksRouterDeps) {
  const limits = resolveLimits(lim);
  return implement({
    check: {
      before: [...(uploads ? [uploads] : []), singleFileUpload(limits)],
      // parameters come as query, form fields or top-level JSON members
      queryFrom: (req) => ({ ...(req.query as object), ...checkFormFields(req.body) }),
      handler: async ({ query: p, body, req }) => {
        const at = await registerInstant(db, p.as_at);
        const block = p.block_id ? await storedBlock(db, p.block_id, at) : null;
        if (p.block_id && !block)
          throw unprocessable(
            'CHECK_BLOCK_NOT_FOUND',
            `Block '${p.block_id}' is not in the register${p.as_at ? ` as at ${p.as_at}` : ''}`,
            `登记库中没有区块 '${p.block_id}'${p.as_at ? `（截至 ${p.as_at}）` : ''}`,
            [{ field: 'block_id' }],
          );
        const file = (req as Request & { file?: Express.Multer.File }).file;
        const input = await readCheckInputOffThread(
          work,
          { file, body },
          { format: p.format, zone: p.zone, crs: p.crs },
          limits,
          config.MAX_VERTICES,
        );
        const { subject, province_registered } = buildSubject(p, block);
        const result = await runCheck(
          db,
          {
            geometry_json: input.geometry_json,
            area_km2: input.head.area_km2,
            subject,
            block_id: p.block_id ?? null,
            province_registered,
            as_at: at,
          },
          // overlap geometries stay PostGIS's text, written into the answer as it is (a 200,000-corner input wholly
          // outside the province comes back as a 7 MB "outside" geometry: parsing and writing it again held the main
          // thread 0.3–0.5 s)
          { readGeometry: lazyGeoJson },
        );
        return {
          status: 200,
          headers: { 'Server-Timing': serverTiming(result.timing) },
          // the input's geometry and parcels go back as the worker wrote them, the overlaps as PostGIS did (raw-json.ts)
          rawJson: true,
          body: {
            input: {
              ...input.head,
              parcels: rawJson<ParseResult['parcels']>(input.parcels_json),
              geometry: rawJson<Polygon | MultiPolygon>(input.geometry_json),
              warnings: [...input.head.warnings, ...result.warnings],
            },
            subject,
            conflicts: result.conflicts,
            summary: result.summary,
            verdict: result.verdict,
            regime: subject.regime,
            as_at: at,
          },
        };
      },
    },

    blockConflicts: {
      handler: async ({ params, query: p }) => {
        const id = params.id;
        const at = await registerInstant(db, p.as_at);
        const block = await storedBlock(db, id, at);
        if (!block) throw notFound('block', id);
        const { subject, province_registered } = buildSubject(p, block);
        const geometry = JSON.parse(block.geometry);
        const result = await runCheck(
          db,
          { geometry, area_km2: Number(block.area_km2), subject, block_id: id, province_registered, as_at: at },
          { readGeometry: lazyGeoJson },
        );
        return {
          status: 200,
          headers: { 'Server-Timing': serverTiming(result.timing) },
          // the overlaps' geometries go back as PostGIS wrote them (server/http/raw-json.ts)
          rawJson: true,
          body: {
            input: {
              format: 'register' as const,
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
            verdict: result.verdict,
            regime: subject.regime,
            as_at: at,
          },
        };
      },
    },

    conflictsRegister: {
      handler: async ({ query: p, req }) => {
        if (p.as_at !== undefined) throw asAtNotSupported();
        const limit = Math.min(p.limit ?? (p.format === 'csv' ? config.PAGE_LIMIT_MAX : 100), config.PAGE_LIMIT_MAX);
        const page = await registerPage(reads ?? db, p.collection, {
          limit,
          offset: p.offset,
          asOf: p.as_of ?? todayInChina(),
          regime: p.regime,
        });
        if (p.format === 'csv') {
          return {
            status: 200,
            headers: { 'X-Total-Count': String(page.matched) },
            file: { buffer: registerCsv(page.rows), contentType: 'text/csv; charset=utf-8', filename: `conflicts-${p.collection}.csv` },
          };
        }
        return {
          status: 200,
          body: {
            collection: p.collection,
            numberMatched: page.matched,
            numberReturned: page.rows.length,
            limit,
            offset: p.offset,
            rows: page.rows,
            // every parameter of the query is kept (as_of, regime), so following `next` keeps the date and the regime
            links: pageLinks(
              `${originOf(req)}${req.path}`,
              p,
              { offset: p.offset, limit, returned: page.rows.length, matched: page.matched },
              {
                type: 'application/json',
                alternates: [{ type: 'text/csv', set: { format: 'csv' } }],
              },
            ),
          },
        };
      },
    },
  });
}
