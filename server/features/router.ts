import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Db, Queryable } from '../db';
import { AppError, notFound, unprocessable } from '../errors';
import { route } from '../http/async';
import { authorizeFeatureWrite } from '../auth/feature-access';
import { isoDay } from '../http/iso-day';
import { publicOrigin } from '../http/public-url';
import { fromZod } from '../http/error-middleware';
import { COLLECTIONS, findCollection, type CollectionDef } from './collections';
import { checkGeometry, type GeometryKind } from '../geometry/validate';
import type { WorkPool } from '../work/pool';
import { appendAudit } from '../audit/audit';
import { identifyOnRead, mayReadAudit } from '../audit/access';
import { principalOf } from '../auth/principal';
import { say } from '../i18n/message';
import { etagOf, ifMatchHolds, parseIfMatch } from './etag';
import { applyMergePatch } from './merge-patch';
import { errorOf, FEATURE_SAY, preconditionFailed, preconditionRequired } from './messages';
import { buildHistory, publicProperties, type AuditRow, type VersionRow } from './versions';

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

interface RowFeature {
  type: string;
  geometry: unknown;
  properties: Record<string, unknown>;
}

/** Turn a row's Feature (properties include id, version and sys_period) into an RFC 7946 Feature with a top-level id. */
function toFeature(f: RowFeature) {
  const { id, sys_period, version: _version, ...properties } = f.properties ?? {};
  return { type: 'Feature', id, geometry: f.geometry, properties: sys_period ? { ...properties, recorded: sys_period } : properties };
}

/** The item as the audit trail keeps it (before/after of every write): a Feature with its version, no period. */
function auditFeature(f: RowFeature) {
  return {
    type: 'Feature',
    id: f.properties.id,
    version: String(f.properties.version),
    geometry: f.geometry,
    properties: publicProperties(f.properties),
  };
}

/** Parse a write body: a GeoJSON Feature whose properties fit the collection's schema. */
type GeometryCheck = (geometry: unknown, kind: GeometryKind, maxVertices: number) => Promise<unknown>;

/** A property sent as null is a property not given (GET prints unset properties as null; PUT takes them back). */
const withoutNulls = (p: unknown): Record<string, unknown> =>
  Object.fromEntries(Object.entries(p && typeof p === 'object' && !Array.isArray(p) ? p : {}).filter(([, v]) => v !== null));

function parseProperties(c: CollectionDef, properties: unknown) {
  const parsed = c.properties.safeParse(withoutNulls(properties));
  if (!parsed.success) throw fromZod(parsed.error, 'INVALID_PROPERTY');
  return parsed.data as Record<string, unknown>;
}

async function parseFeatureBody(c: CollectionDef, body: unknown, maxVertices: number, check: GeometryCheck, idFromPath?: string) {
  const b = body as { type?: string; id?: unknown; geometry?: unknown; properties?: unknown } | undefined;
  if (!b || typeof b !== 'object' || b.type !== 'Feature') {
    throw new AppError(400, 'BODY_NOT_FEATURE', 'The body must be a GeoJSON Feature', '请求体必须是 GeoJSON Feature');
  }
  await check(b.geometry, c.geometry, maxVertices);
  const geometry = b.geometry;
  const properties = parseProperties(c, b.properties);
  const id = idFromPath ?? (b.id !== undefined ? String(b.id) : (b.properties as Record<string, unknown> | undefined)?.id);
  if (id !== undefined && !/^[\w.\-:\u4e00-\u9fa5]{1,100}$/.test(String(id))) {
    throw unprocessable(
      'INVALID_ID',
      'Feature id may hold letters, digits, Chinese characters and . - _ : (at most 100)',
      '要素编号只能包含字母、数字、汉字及 . - _ :（最多 100 个字符）',
      [{ field: 'id' }],
    );
  }
  return { type: 'Feature', geometry, properties: { ...properties, ...(id !== undefined ? { id: String(id) } : {}) } };
}

/**
 * A PATCH body (JSON merge patch, RFC 7396) applied to the current item: properties merge member by member
 * (null removes one); a geometry in the patch is merged onto the current one and validated. Without a geometry
 * in the patch the stored geometry is kept exactly (the feature sent to SQL has none).
 */
async function patchedFeature(c: CollectionDef, current: RowFeature, patch: unknown, maxVertices: number, check: GeometryCheck) {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) throw errorOf(400, say(FEATURE_SAY, 'PATCH_NOT_OBJECT'));
  const p = patch as Record<string, unknown>;
  for (const member of Object.keys(p)) {
    if (member === 'type' && p.type === 'Feature') continue;
    if (member !== 'properties' && member !== 'geometry')
      throw errorOf(422, say(FEATURE_SAY, 'PATCH_MEMBER_NOT_ALLOWED', { member }), [{ field: member }]);
  }
  if (p.geometry === null) throw errorOf(422, say(FEATURE_SAY, 'PATCH_REMOVES_GEOMETRY'), [{ field: 'geometry' }]);
  const base = withoutNulls(publicProperties(current.properties));
  const properties = parseProperties(c, p.properties === undefined ? base : applyMergePatch(base, p.properties));
  const feature: { type: string; properties: Record<string, unknown>; geometry?: unknown } = {
    type: 'Feature',
    properties: { ...properties, id: current.properties.id },
  };
  if (p.geometry !== undefined) {
    feature.geometry = applyMergePatch(current.geometry, p.geometry);
    await check(feature.geometry, c.geometry, maxVertices);
  }
  return feature;
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
      params.push(q.data.as_at ?? null);
      const rows = (await db.named<{ matched: number; feature: RowFeature }>(`${c.table}_items`, params)).rows;
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

  /** The current row of an item (or none), read with `q` — the transaction of a write, or the pool. */
  const currentRow = async (q: Queryable, c: CollectionDef, fid: string) =>
    (await q.named<{ feature: RowFeature }>(`${c.table}_get`, [fid])).rows[0]?.feature;

  r.get(
    '/collections/:id/items/:fid',
    route(async (req, res) => {
      const c = collectionOr404(String(req.params.id));
      const f = await currentRow(db, c, String(req.params.fid));
      if (!f) throw notFound('feature', String(req.params.fid));
      res
        .setHeader('ETag', etagOf(String(f.properties.version)))
        .type('application/geo+json')
        .json({ ...toFeature(f), links: [{ rel: 'collection', href: `${base(req)}/collections/${c.id}` }] });
    }),
  );

  r.get(
    '/collections/:id/items/:fid/history',
    identifyOnRead(deps.adminToken),
    route(async (req, res) => {
      const c = collectionOr404(String(req.params.id));
      const fid = String(req.params.fid);
      const versions = (await db.named<VersionRow>(`${c.table}_versions`, [fid])).rows;
      if (!versions.length) throw notFound('feature', fid);
      const audit = (await db.named<AuditRow>('audit_item', [c.id, fid])).rows;
      // who changed what is for regulators and administrators; everyone else sees the versions without actors
      const full = mayReadAudit(principalOf(req));
      const entries = buildHistory(versions, audit).map((e) => (full ? e : { ...e, actor: null, role: null, request_id: null }));
      res.json({ id: fid, collection: c.id, versions: entries });
    }),
  );

  /** Who wrote, for the audit row of a write. */
  const auditOf = (
    req: Request,
    operation: string,
    c: CollectionDef,
    id: string,
    before: RowFeature | undefined,
    after: RowFeature | undefined,
  ) => ({
    principal: principalOf(req),
    operation,
    collection: c.id,
    item_id: id,
    before: before ? auditFeature(before) : null,
    after: after ? auditFeature(after) : null,
    request_id: req.id !== undefined ? String(req.id) : null,
  });

  r.post(
    '/collections/:id/items',
    authorizeFeatureWrite(db),
    route(async (req, res) => {
      const c = collectionOr404(String(req.params.id));
      const feature = await parseFeatureBody(c, req.body, deps.maxVertices, check);
      const created = await db.transaction(async (tx) => {
        const id = (await tx.named<{ id: string }>(`${c.table}_insert`, [JSON.stringify([feature])])).rows[0].id;
        const row = (await currentRow(tx, c, id))!;
        await appendAudit(tx, auditOf(req, 'create', c, id, undefined, row));
        return row;
      });
      deps.onWrite?.(c.id);
      const id = String(created.properties.id);
      res
        .status(201)
        .location(`/collections/${c.id}/items/${encodeURIComponent(id)}`)
        .setHeader('ETag', etagOf(String(created.properties.version)))
        .type('application/geo+json')
        .json(toFeature(created));
    }),
  );

  /**
   * The If-Match rule of every change (OGC API – Features Part 4): 428 without the header, 404 when the item is
   * gone, 412 (with the current ETag) when it names another version. Returns the item as it is now; the write
   * itself then repeats the version check inside its SQL statement.
   */
  async function precondition(req: Request, res: Response, c: CollectionDef, fid: string): Promise<RowFeature> {
    const m = parseIfMatch(req.get('if-match'));
    if (m.kind === 'missing' || m.kind === 'any') throw preconditionRequired(fid, m.kind === 'any');
    const cur = await currentRow(db, c, fid);
    if (!cur) throw notFound('feature', fid);
    const version = String(cur.properties.version);
    if (!ifMatchHolds(m, version)) {
      res.setHeader('ETag', etagOf(version));
      throw preconditionFailed(fid, etagOf(version));
    }
    return cur;
  }

  /** After a write found no row at the version it started from: the item is gone (404) or changed (412). */
  async function lostRace(res: Response, c: CollectionDef, fid: string): Promise<never> {
    const now = await currentRow(db, c, fid);
    if (!now) throw notFound('feature', fid);
    const tag = etagOf(String(now.properties.version));
    res.setHeader('ETag', tag);
    throw preconditionFailed(fid, tag);
  }

  /** Replace (PUT) or merge (PATCH) one item at the version the client read; audit row in the same transaction. */
  const change = (operation: 'update' | 'patch') =>
    route(async (req, res) => {
      const c = collectionOr404(String(req.params.id));
      const fid = String(req.params.fid);
      const cur = await precondition(req, res, c, fid);
      const feature =
        operation === 'update'
          ? await parseFeatureBody(c, req.body, deps.maxVertices, check, fid)
          : await patchedFeature(c, cur, req.body, deps.maxVertices, check);
      const after = await db.transaction(async (tx) => {
        const out = await tx.named(`${c.table}_update`, [fid, JSON.stringify(feature), String(cur.properties.version)]);
        if (!out.rows.length) return null;
        const row = (await currentRow(tx, c, fid))!;
        await appendAudit(tx, auditOf(req, 'update', c, fid, cur, row));
        return row;
      });
      if (!after) return lostRace(res, c, fid);
      deps.onWrite?.(c.id);
      res
        .setHeader('ETag', etagOf(String(after.properties.version)))
        .type('application/geo+json')
        .json(toFeature(after));
    });

  r.put('/collections/:id/items/:fid', authorizeFeatureWrite(db), change('update'));
  r.patch('/collections/:id/items/:fid', authorizeFeatureWrite(db), change('patch'));

  r.delete(
    '/collections/:id/items/:fid',
    authorizeFeatureWrite(db),
    route(async (req, res) => {
      const c = collectionOr404(String(req.params.id));
      const fid = String(req.params.fid);
      const cur = await precondition(req, res, c, fid);
      const deleted = await db.transaction(async (tx) => {
        const out = await tx.named(`${c.table}_delete`, [fid, String(cur.properties.version)]);
        if (!out.rows.length) return false;
        await appendAudit(tx, auditOf(req, 'delete', c, fid, cur, undefined));
        return true;
      });
      if (!deleted) return lostRace(res, c, fid);
      deps.onWrite?.(c.id);
      res.status(204).end();
    }),
  );

  return r;
}
