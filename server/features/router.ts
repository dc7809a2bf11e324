import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Db } from '../db';
import { AppError, notFound, unprocessable } from '../errors';
import { route } from '../http/async';
import { authorizeFeatureWrite } from '../auth/feature-access';
import { isoDay } from '../http/iso-day';
import { publicOrigin } from '../http/public-url';
import { fromZod } from '../http/error-middleware';
import { COLLECTIONS, findCollection, type CollectionDef } from './collections';
import { checkGeometry, type GeometryKind } from '../geometry/validate';
import type { WorkPool } from '../work/pool';

export interface FeatureRouterDeps {
  db: Db;
  adminToken: string;
  pageLimitDefault: number;
  pageLimitMax: number;
  maxVertices: number;
  /** called after every successful write (tile ETags, caches) */
  onWrite?: (collection: string) => void;
  /** upload worker pool: geometry validation of writes runs there; without it, on the main thread */
  work?: WorkPool;
}

const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete',
];

const base = (req: Request) => publicOrigin(req);

function collectionOr404(id: string): CollectionDef {
  const c = findCollection(id);
  if (!c) throw notFound('collection', id);
  return c;
}

function describe(c: CollectionDef, req: Request, extent?: { minx: number; miny: number; maxx: number; maxy: number } | null) {
  const url = `${base(req)}/collections/${c.id}`;
  return {
    id: c.id,
    title: c.title,
    title_zh: c.titleZh,
    description: c.description,
    itemType: 'feature',
    crs: ['http://www.opengis.net/def/crs/OGC/1.3/CRS84'],
    storageCrs: 'http://www.opengis.net/def/crs/EPSG/0/4490',
    ...(extent && extent.minx !== null ? { extent: { spatial: { bbox: [[extent.minx, extent.miny, extent.maxx, extent.maxy]] } } } : {}),
    filters: c.filters,
    links: [
      { rel: 'self', type: 'application/json', href: url },
      { rel: 'items', type: 'application/geo+json', href: `${url}/items` },
      ...(c.tiles ? [{ rel: 'tiles', type: 'application/json', href: `${base(req)}/tiles/${c.id}.json` }] : []),
    ],
  };
}

const ItemsQuery = z.object({
  bbox: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return [-180, -90, 180, 90] as [number, number, number, number];
      const n = s.split(',').map(Number);
      if (
        n.length !== 4 ||
        n.some((v) => !Number.isFinite(v)) ||
        n[0] > n[2] ||
        n[1] > n[3] ||
        n[0] < -180 ||
        n[2] > 180 ||
        n[1] < -90 ||
        n[3] > 90
      ) {
        ctx.addIssue({ code: 'custom', message: 'bbox must be minLon,minLat,maxLon,maxLat in CRS84' });
        return z.NEVER;
      }
      return n as [number, number, number, number];
    }),
  limit: z.coerce.number().int().min(1).optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  as_at: z.string().datetime({ offset: true }).or(isoDay).optional(),
});

/** Turn a row's Feature (properties include id) into an RFC 7946 Feature with a top-level id. */
function toFeature(f: { type: string; geometry: unknown; properties: Record<string, unknown> }) {
  const { id, sys_period, ...properties } = f.properties ?? {};
  return { type: 'Feature', id, geometry: f.geometry, properties: sys_period ? { ...properties, recorded: sys_period } : properties };
}

/** Parse a write body: a GeoJSON Feature whose properties fit the collection's schema. */
type GeometryCheck = (geometry: unknown, kind: GeometryKind, maxVertices: number) => Promise<unknown>;

async function parseFeatureBody(c: CollectionDef, body: unknown, maxVertices: number, check: GeometryCheck, idFromPath?: string) {
  const b = body as { type?: string; id?: unknown; geometry?: unknown; properties?: unknown } | undefined;
  if (!b || typeof b !== 'object' || b.type !== 'Feature') {
    throw new AppError(400, 'BODY_NOT_FEATURE', 'The body must be a GeoJSON Feature', '请求体必须是 GeoJSON Feature');
  }
  await check(b.geometry, c.geometry, maxVertices);
  const geometry = b.geometry;
  const parsed = c.properties.safeParse(b.properties ?? {});
  if (!parsed.success) throw fromZod(parsed.error, 'INVALID_PROPERTY');
  const id = idFromPath ?? (b.id !== undefined ? String(b.id) : (b.properties as Record<string, unknown> | undefined)?.id);
  if (id !== undefined && !/^[\w.\-:\u4e00-\u9fa5]{1,100}$/.test(String(id))) {
    throw unprocessable(
      'INVALID_ID',
      'Feature id may hold letters, digits, Chinese characters and . - _ : (at most 100)',
      '要素编号只能包含字母、数字、汉字及 . - _ :（最多 100 个字符）',
      [{ field: 'id' }],
    );
  }
  return { type: 'Feature', geometry, properties: { ...parsed.data, ...(id !== undefined ? { id: String(id) } : {}) } };
}

/** OGC API – Features Part 1 (read) and Part 4 (create/replace/delete) for every layer. */
export function featureRouter(deps: FeatureRouterDeps): Router {
  const { db, work } = deps;
  const r = Router();
  const check: GeometryCheck = work
    ? (geometry, kind, maxVertices) => work.run('geometry', { geometry, kind, maxVertices })
    : async (geometry, kind, maxVertices) => checkGeometry(geometry, kind, maxVertices);

  r.get('/conformance', (_req, res) => {
    res.json({ conformsTo: CONFORMANCE });
  });

  r.get(
    '/collections',
    route(async (req, res) => {
      const collections = [];
      for (const c of COLLECTIONS) {
        const ext = (await db.named(`${c.table}_extent`)).rows[0] as any;
        collections.push(describe(c, req, ext));
      }
      res.json({ links: [{ rel: 'self', href: `${base(req)}/collections` }], collections });
    }),
  );

  r.get(
    '/collections/:id',
    route(async (req, res) => {
      const c = collectionOr404(String(req.params.id));
      const ext = (await db.named(`${c.table}_extent`)).rows[0] as any;
      res.json(describe(c, req, ext));
    }),
  );

  r.get(
    '/collections/:id/items',
    route(async (req, res) => {
      const c = collectionOr404(String(req.params.id));
      const q = ItemsQuery.safeParse(req.query);
      if (!q.success) throw fromZod(q.error, 'INVALID_QUERY');
      const limit = Math.min(q.data.limit ?? deps.pageLimitDefault, deps.pageLimitMax);
      const filters: Record<string, string> = {};
      for (const f of c.filters) {
        const v = req.query[f];
        if (typeof v === 'string' && v !== '') filters[f] = v;
      }
      const [minx, miny, maxx, maxy] = q.data.bbox;
      const params: unknown[] = [minx, miny, maxx, maxy, limit, q.data.offset, JSON.stringify(filters)];
      if (c.history) params.push(q.data.as_at ?? null);
      const rows = (await db.named<{ matched: number; feature: any }>(`${c.table}_items`, params)).rows;
      const matched = rows.length ? Number(rows[0].matched) : undefined;
      const self = new URL(`${base(req)}${req.originalUrl}`);
      const links: { rel: string; type: string; href: string }[] = [{ rel: 'self', type: 'application/geo+json', href: self.toString() }];
      if (matched !== undefined && q.data.offset + rows.length < matched) {
        const next = new URL(self);
        next.searchParams.set('offset', String(q.data.offset + rows.length));
        next.searchParams.set('limit', String(limit));
        links.push({ rel: 'next', type: 'application/geo+json', href: next.toString() });
      }
      res.type('application/geo+json').json({
        type: 'FeatureCollection',
        features: rows.map((row) => toFeature(row.feature)),
        numberMatched: matched ?? (q.data.offset === 0 ? 0 : undefined),
        numberReturned: rows.length,
        timeStamp: new Date().toISOString(),
        links,
      });
    }),
  );

  r.get(
    '/collections/:id/items/:fid',
    route(async (req, res) => {
      const c = collectionOr404(String(req.params.id));
      const row = (await db.named<{ feature: any }>(`${c.table}_get`, [req.params.fid])).rows[0];
      if (!row) throw notFound('feature', String(req.params.fid));
      res.type('application/geo+json').json({
        ...toFeature(row.feature),
        links: [{ rel: 'collection', href: `${base(req)}/collections/${c.id}` }],
      });
    }),
  );

  r.post(
    '/collections/:id/items',
    authorizeFeatureWrite(db),
    route(async (req, res) => {
      const c = collectionOr404(String(req.params.id));
      const feature = await parseFeatureBody(c, req.body, deps.maxVertices, check);
      const id = await db.transaction(async (tx) => {
        const out = await tx.named<{ id: string }>(`${c.table}_insert`, [JSON.stringify([feature])]);
        return out.rows[0].id;
      });
      deps.onWrite?.(c.id);
      const row = (await db.named<{ feature: any }>(`${c.table}_get`, [id])).rows[0];
      res
        .status(201)
        .location(`/collections/${c.id}/items/${encodeURIComponent(id)}`)
        .type('application/geo+json')
        .json(toFeature(row.feature));
    }),
  );

  r.put(
    '/collections/:id/items/:fid',
    authorizeFeatureWrite(db),
    route(async (req, res) => {
      const c = collectionOr404(String(req.params.id));
      const fid = String(req.params.fid);
      const feature = await parseFeatureBody(c, req.body, deps.maxVertices, check, fid);
      const updated = await db.transaction(async (tx) => (await tx.named(`${c.table}_update`, [fid, JSON.stringify(feature)])).rows.length);
      if (!updated) throw notFound('feature', fid);
      deps.onWrite?.(c.id);
      const row = (await db.named<{ feature: any }>(`${c.table}_get`, [fid])).rows[0];
      res.type('application/geo+json').json(toFeature(row.feature));
    }),
  );

  r.delete(
    '/collections/:id/items/:fid',
    authorizeFeatureWrite(db),
    route(async (req, res) => {
      const c = collectionOr404(String(req.params.id));
      const fid = String(req.params.fid);
      const deleted = await db.transaction(async (tx) => (await tx.named(`${c.table}_delete`, [fid])).rows.length);
      if (!deleted) throw notFound('feature', fid);
      deps.onWrite?.(c.id);
      res.status(204).end();
    }),
  );

  return r;
}
