import type { Request, Response } from 'express';
import type { Db } from '../db';
import { AppError, notFound, unprocessable } from '../errors';
import { authorizeFeatureWrite } from '../auth/feature-access';
import { requestIdOf } from '../http/request-id';
import { implement, originOf, pageLinks } from '../http/contract-route';
import { OGC_BASE } from '../contract';
import { COLLECTIONS, findCollection, type CollectionDef } from './collections';
import { toFeature, type RowFeature } from './feature-out';
import { checkGeometry, type GeometryKind } from '../geometry/validate';
import type { WorkPool } from '../work/pool';
import { appendAudit } from '../audit/audit';
import { mayReadAudit } from '../audit/access';
import { principalOf } from '../auth/principal';
import { say } from '../i18n/message';
import { etagOf, flagsDigest, ifMatchHolds, parseIfMatch } from './etag';
import { applyMergePatch } from './merge-patch';
import { errorOf, FEATURE_SAY, preconditionFailed, preconditionRequired } from './messages';
import { buildHistory, publicProperties, type AuditRow, type VersionRow } from './versions';
import { toChange, type ChangeRow } from './changes';
import { flagsInForce } from '../records/flags';
import { auditFeature, currentRow, parseProperties, updateAtVersion, versionOf, withoutNulls } from './write';

export interface FeatureRouterDeps {
  db: Db;
  /**
   * Item lists and collections (read replica when configured). A single item, its history and everything a write reads
   * stay on `db`: an item's ETag is what the next write's If-Match names, and a client reading its own write back must
   * find it.
   */
  reads?: Db;
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

/** A query parameter as the client wrote it (the parsed query holds e.g. bbox as numbers): what a page link repeats. */
const askedText = (req: Request, name: string) => new URLSearchParams(req.url.split('?')[1] ?? '').get(name) ?? undefined;

/**
 * A page of a GeoJSON list: numberMatched from the rows' window count (unknown on an empty page past the first),
 * numberReturned, and the self and next links repeating `keep`.
 */
function page(req: Request, rows: { matched: string | number }[], keep: Record<string, unknown>, at: { offset: number; limit: number }) {
  const matched = rows.length ? Number(rows[0].matched) : at.offset === 0 ? 0 : undefined;
  return {
    numberMatched: matched,
    numberReturned: rows.length,
    links: pageLinks(
      `${originOf(req)}${req.baseUrl}${req.path}`,
      keep,
      { ...at, returned: rows.length, matched },
      { type: 'application/geo+json' },
    ),
  };
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
    properties: { ...properties, id: current.properties?.id },
  };
  if (p.geometry !== undefined) {
    feature.geometry = applyMergePatch(current.geometry, p.geometry);
    await check(feature.geometry, c.geometry, maxVertices);
  }
  return feature;
}

/** OGC API – Features Part 1 (read) and Part 4 (create/replace/delete) for every layer, under `/api`. */
export function featureRoutes(deps: FeatureRouterDeps) {
  const { db, work } = deps;
  const reads = deps.reads ?? db;
  const check: GeometryCheck = work
    ? (geometry, kind, maxVertices) => work.run('geometry', { geometry, kind, maxVertices })
    : async (geometry, kind, maxVertices) => checkGeometry(geometry, kind, maxVertices);
  const extentOf = async (c: CollectionDef) => (await reads.named<NonNullable<Extent>>(`${c.table}_extent`)).rows[0];

  /** Who wrote, for the audit row of a write. */
  const auditOf = (req: Request, operation: string, c: CollectionDef, id: string, before?: RowFeature, after?: RowFeature) => ({
    principal: principalOf(req),
    operation,
    collection: c.id,
    item_id: id,
    before: before ? auditFeature(before) : null,
    after: after ? auditFeature(after) : null,
    request_id: requestIdOf(req),
  });

  /** A block's flags in force shown on its item, as their digest (null: none); undefined for other collections. */
  const flagsOf = async (c: CollectionDef, fid: string) => (c.id === 'blocks' ? flagsDigest(await flagsInForce(db, fid)) : undefined);
  /** The item's ETag: its version, and for a block the flags it shows (etag.ts). */
  const tagOf = async (c: CollectionDef, row: RowFeature) => etagOf(versionOf(row), await flagsOf(c, String(row.properties?.id)));

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
    const flags = await flagsOf(c, fid);
    if (!ifMatchHolds(m, versionOf(cur), flags)) {
      const tag = etagOf(versionOf(cur), flags);
      res.setHeader('ETag', tag);
      throw preconditionFailed(fid, tag);
    }
    return cur;
  }

  /** After a write found no row at the version it started from: the item is gone (404) or changed (412). */
  async function lostRace(res: Response, c: CollectionDef, fid: string): Promise<never> {
    const now = await currentRow(db, c, fid);
    if (!now) throw notFound('feature', fid);
    const tag = await tagOf(c, now);
    res.setHeader('ETag', tag);
    throw preconditionFailed(fid, tag);
  }

  /** Replace (PUT) or merge (PATCH) one item at the version the client read; audit row in the same transaction. */
  async function change(req: Request, res: Response, c: CollectionDef, fid: string, feature: (cur: RowFeature) => Promise<unknown>) {
    const cur = await precondition(req, res, c, fid);
    const next = await feature(cur);
    const after = await db.transaction((tx) =>
      updateAtVersion(tx, c, fid, next, cur, { principal: principalOf(req), request_id: requestIdOf(req) }),
    );
    if (!after) return lostRace(res, c, fid);
    deps.onWrite?.(c.id);
    return { status: 200 as const, headers: { ETag: await tagOf(c, after) }, body: toFeature(after) };
  }

  const authorize = authorizeFeatureWrite(db);
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
        sqlParams.push(query.as_at ?? null);
        const rows = (await reads.named<{ matched: number; feature: RowFeature }>(`${c.table}_items`, sqlParams)).rows;
        return {
          status: 200,
          body: {
            type: 'FeatureCollection' as const,
            features: rows.map((row) => toFeature(row.feature)),
            timeStamp: new Date().toISOString(),
            ...page(req, rows, { ...query, bbox: askedText(req, 'bbox') }, { offset: query.offset, limit }),
          },
        };
      },
    },
    item: {
      handler: async ({ params, req }) => {
        const c = collectionOr404(params.collectionId);
        const row = await currentRow(db, c, params.featureId);
        if (!row) throw notFound('feature', params.featureId);
        const out = toFeature(row);
        // a right's seizures and mortgages in force (issue 14 item 6; published like transfers, 000 L2267): read-only,
        // not part of the item's version (a write takes no such property back) but part of its ETag (etag.ts)
        const flags = c.id === 'blocks' ? await flagsInForce(db, params.featureId) : null;
        if (flags) out.properties = { ...out.properties, register_flags: flags };
        return {
          status: 200,
          headers: { ETag: etagOf(versionOf(row), flags ? flagsDigest(flags) : undefined) },
          body: {
            ...out,
            links: [{ rel: 'collection', type: 'application/json', href: `${apiBase(req)}/collections/${c.id}` }],
          },
        };
      },
    },
    changes: {
      // on the primary: a replica may not have every change up to `until` yet, and `until` reads the primary's
      // transactions in progress (sql/queries/register_changes_until.sql)
      handler: async ({ query, req }) => {
        const { since, until } = (
          await db.named<{ since: string; until: string }>('register_changes_until', [query.since, query.until ?? null])
        ).rows[0];
        const [minx, miny, maxx, maxy] = query.bbox;
        const params = [since, until, query.collections, minx, miny, maxx, maxy, query.limit, query.offset];
        const rows = (await db.named<ChangeRow>('register_changes', params)).rows;
        // the next page lists the same changes: up to the same `until`
        const keep = {
          since: askedText(req, 'since') ?? since,
          until,
          bbox: askedText(req, 'bbox'),
          collections: askedText(req, 'collections'),
        };
        return {
          status: 200,
          body: {
            type: 'FeatureCollection' as const,
            since,
            until,
            features: rows.map(toChange),
            ...page(req, rows, keep, { offset: query.offset, limit: query.limit }),
          },
        };
      },
    },
    itemHistory: {
      handler: async ({ params, req }) => {
        const c = collectionOr404(params.collectionId);
        const fid = params.featureId;
        const versions = (await db.named<VersionRow>(`${c.table}_versions`, [fid])).rows;
        if (!versions.length) throw notFound('feature', fid);
        const audit = (await db.named<AuditRow>('audit_item', [c.id, fid])).rows;
        // who changed what is for regulators and administrators; everyone else sees the versions without actors
        const full = mayReadAudit(principalOf(req));
        const entries = buildHistory(versions, audit).map((e) => {
          const geometry = e.geometry as RowFeature['geometry'];
          const out = { ...e, geometry: geometry ? toFeature({ type: 'Feature', geometry, properties: {} }).geometry : null };
          return full ? out : { ...out, actor: null, role: null, request_id: null };
        });
        return { status: 200, body: { id: fid, collection: c.id, versions: entries } };
      },
    },
    createItem: {
      before: [authorize],
      handler: async ({ params, body, req }) => {
        const c = collectionOr404(params.collectionId);
        const feature = await parseFeatureBody(c, body, deps.maxVertices, check);
        const created = await db.transaction(async (tx) => {
          const id = (await tx.named<{ id: string }>(`${c.table}_insert`, [JSON.stringify([feature])])).rows[0].id;
          const row = (await currentRow(tx, c, id))!;
          await appendAudit(tx, auditOf(req, 'create', c, id, undefined, row));
          return row;
        });
        deps.onWrite?.(c.id);
        const id = String(created.properties?.id);
        return {
          status: 201,
          headers: { Location: `${OGC_BASE}/collections/${c.id}/items/${encodeURIComponent(id)}`, ETag: etagOf(versionOf(created)) },
          body: toFeature(created),
        };
      },
    },
    replaceItem: {
      before: [authorize],
      handler: async ({ params, body, req, res }) => {
        const c = collectionOr404(params.collectionId);
        const fid = params.featureId;
        return change(req, res, c, fid, () => parseFeatureBody(c, body, deps.maxVertices, check, fid));
      },
    },
    patchItem: {
      before: [authorize],
      handler: async ({ params, body, req, res }) => {
        const c = collectionOr404(params.collectionId);
        return change(req, res, c, params.featureId, (cur) => patchedFeature(c, cur, body, deps.maxVertices, check));
      },
    },
    deleteItem: {
      before: [authorize],
      handler: async ({ params, req, res }) => {
        const c = collectionOr404(params.collectionId);
        const fid = params.featureId;
        const cur = await precondition(req, res, c, fid);
        const deleted = await db.transaction(async (tx) => {
          const out = await tx.named(`${c.table}_delete`, [fid, versionOf(cur)]);
          if (!out.rows.length) return false;
          await appendAudit(tx, auditOf(req, 'delete', c, fid, cur, undefined));
          return true;
        });
        if (!deleted) return lostRace(res, c, fid);
        deps.onWrite?.(c.id);
        return { status: 204 };
      },
    },
  });
}
