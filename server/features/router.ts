import type { Request } from 'express';
import type { Db } from '../db';
import { AppError, notFound, unprocessable } from '../errors';
import { fromZod } from '../http/error-middleware';
import { implement, originOf, pageLinks } from '../http/contract-route';
import { OGC_BASE } from '../contract';
import { COLLECTIONS, findCollection, type CollectionDef } from './collections';
import { toFeature, type RowFeature } from './feature-out';
import { checkGeometry, type GeometryKind } from '../geometry/validate';
import type { WorkPool } from '../work/pool';

export interface FeatureRouterDeps {
  db: Db;
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

/** Absolute URL of the OGC API base (`http://host:port/api`). */
const apiBase = (req: Request) => `${originOf(req)}${OGC_BASE}`;

function collectionOr404(id: string): CollectionDef {
  const c = findCollection(id);
  if (!c) throw notFound('collection', id);
  return c;
}

type Extent = { minx: number | null; miny: number; maxx: number; maxy: number } | undefined;

function describe(c: CollectionDef, req: Request, extent: Extent) {
  const url = `${apiBase(req)}/collections/${c.id}`;
  return {
    id: c.id,
    title: c.title,
    title_zh: c.titleZh,
    description: c.description,
    itemType: 'feature' as const,
    crs: ['http://www.opengis.net/def/crs/OGC/1.3/CRS84'],
    storageCrs: 'http://www.opengis.net/def/crs/EPSG/0/4490',
    ...(extent && extent.minx !== null
      ? { extent: { spatial: { bbox: [[Number(extent.minx), Number(extent.miny), Number(extent.maxx), Number(extent.maxy)]] } } }
      : {}),
    filters: c.filters,
    links: [
      { rel: 'self', type: 'application/json', href: url },
      { rel: 'items', type: 'application/geo+json', href: `${url}/items` },
      ...(c.tiles ? [{ rel: 'tiles', type: 'application/json', href: `${originOf(req)}/tiles/${c.id}.json` }] : []),
    ],
  };
}

/** The landing page: the one base URL GIS clients start from. */
export function landingPage(req: Request) {
  const base = apiBase(req);
  return {
    title: '矿权一张图 API',
    description: 'Mining rights, protected areas and red lines (OGC API – Features); base URL for GIS clients: ' + base,
    links: [
      { rel: 'self', type: 'application/json', href: base },
      { rel: 'service-desc', type: 'application/vnd.oai.openapi+json;version=3.0', href: `${base}/openapi.json` },
      { rel: 'conformance', type: 'application/json', href: `${base}/conformance` },
      { rel: 'data', type: 'application/json', href: `${base}/collections` },
      { rel: 'alternate', type: 'text/html', href: `${originOf(req)}/` },
    ],
  };
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

/** OGC API – Features Part 1 (read) and Part 4 (create/replace/delete) for every layer, under `/api`. */
export function featureRoutes(deps: FeatureRouterDeps) {
  const { db, work } = deps;
  const check: GeometryCheck = work
    ? (geometry, kind, maxVertices) => work.run('geometry', { geometry, kind, maxVertices })
    : async (geometry, kind, maxVertices) => checkGeometry(geometry, kind, maxVertices);
  const extentOf = async (c: CollectionDef) => (await db.named<NonNullable<Extent>>(`${c.table}_extent`)).rows[0];
  const getFeature = async (c: CollectionDef, id: string) => {
    const row = (await db.named<{ feature: RowFeature }>(`${c.table}_get`, [id])).rows[0];
    if (!row) throw notFound('feature', id);
    return toFeature(row.feature);
  };

  return implement({
    landing: {
      handler: ({ query, req }) =>
        query.f === 'html' ? { status: 303, headers: { Location: '/' } } : { status: 200, body: landingPage(req) },
    },
    conformance: { handler: () => ({ status: 200, body: { conformsTo: CONFORMANCE } }) },
    collections: {
      handler: async ({ req }) => {
        const collections = [];
        for (const c of COLLECTIONS) collections.push(describe(c, req, await extentOf(c)));
        return {
          status: 200,
          body: { links: [{ rel: 'self', type: 'application/json', href: `${apiBase(req)}/collections` }], collections },
        };
      },
    },
    collection: {
      handler: async ({ params, req }) => {
        const c = collectionOr404(params.collectionId);
        return { status: 200, body: describe(c, req, await extentOf(c)) };
      },
    },
    items: {
      handler: async ({ params, query, req }) => {
        const c = collectionOr404(params.collectionId);
        const limit = Math.min(query.limit ?? deps.pageLimitDefault, deps.pageLimitMax);
        const filters: Record<string, string> = {};
        for (const f of c.filters) {
          const v = query[f as keyof typeof query];
          if (typeof v === 'string' && v !== '') filters[f] = v;
        }
        const [minx, miny, maxx, maxy] = query.bbox;
        const sqlParams: unknown[] = [minx, miny, maxx, maxy, limit, query.offset, JSON.stringify(filters)];
        if (c.history) sqlParams.push(query.as_at ?? null);
        const rows = (await db.named<{ matched: number; feature: RowFeature }>(`${c.table}_items`, sqlParams)).rows;
        const matched = rows.length ? Number(rows[0].matched) : query.offset === 0 ? 0 : undefined;
        const given = new URLSearchParams(req.url.split('?')[1] ?? '');
        const keep = { ...query, bbox: given.get('bbox') ?? undefined };
        return {
          status: 200,
          body: {
            type: 'FeatureCollection' as const,
            features: rows.map((row) => toFeature(row.feature)),
            numberMatched: matched,
            numberReturned: rows.length,
            timeStamp: new Date().toISOString(),
            links: pageLinks(
              `${originOf(req)}${req.baseUrl}${req.path}`,
              keep,
              { offset: query.offset, limit, returned: rows.length, matched },
              { type: 'application/geo+json' },
            ),
          },
        };
      },
    },
    item: {
      handler: async ({ params, req }) => {
        const c = collectionOr404(params.collectionId);
        const f = await getFeature(c, params.featureId);
        return {
          status: 200,
          body: { ...f, links: [{ rel: 'collection', type: 'application/json', href: `${apiBase(req)}/collections/${c.id}` }] },
        };
      },
    },
    createItem: {
      handler: async ({ params, body }) => {
        const c = collectionOr404(params.collectionId);
        const feature = await parseFeatureBody(c, body, deps.maxVertices, check);
        const id = await db.transaction(
          async (tx) => (await tx.named<{ id: string }>(`${c.table}_insert`, [JSON.stringify([feature])])).rows[0].id,
        );
        deps.onWrite?.(c.id);
        return {
          status: 201,
          headers: { Location: `${OGC_BASE}/collections/${c.id}/items/${encodeURIComponent(id)}` },
          body: await getFeature(c, id),
        };
      },
    },
    replaceItem: {
      handler: async ({ params, body }) => {
        const c = collectionOr404(params.collectionId);
        const fid = params.featureId;
        const feature = await parseFeatureBody(c, body, deps.maxVertices, check, fid);
        const updated = await db.transaction(
          async (tx) => (await tx.named(`${c.table}_update`, [fid, JSON.stringify(feature)])).rows.length,
        );
        if (!updated) throw notFound('feature', fid);
        deps.onWrite?.(c.id);
        return { status: 200, body: await getFeature(c, fid) };
      },
    },
    deleteItem: {
      handler: async ({ params }) => {
        const c = collectionOr404(params.collectionId);
        const fid = params.featureId;
        const deleted = await db.transaction(async (tx) => (await tx.named(`${c.table}_delete`, [fid])).rows.length);
        if (!deleted) throw notFound('feature', fid);
        deps.onWrite?.(c.id);
        return { status: 204 };
      },
    },
  });
}
