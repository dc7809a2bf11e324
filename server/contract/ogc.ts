/**
 * OGC API – Features (Part 1 core + GeoJSON + OpenAPI 3.0, Part 4 create/replace/delete) under one base
 * URL, `/api`: landing page `/api`, `/api/conformance`, `/api/collections`, `/api/collections/{id}/items`.
 * The first paths (`/conformance`, `/collections/…`) stay as aliases.
 */
import { z } from 'zod';
import { COLLECTIONS } from '../features/collections';
import { defineRoute } from './define';
import { errorsOf, Geometry, isoDay, Link, WORK_ERRORS } from './common';

const isoDayOrNull = isoDay.nullable().optional();

/** The documented base URL for GIS clients (QGIS, GDAL's OAPIF driver, OWSLib). */
export const OGC_BASE = '/api';

export const COLLECTION_IDS = COLLECTIONS.map((c) => c.id) as [string, ...string[]];

/** `f=json` asks for JSON explicitly (the only representation here besides the browser page). */
const f = z.enum(['json', 'geojson', 'html']).optional().describe('representation: json (default); html redirects to the map page');

const collectionId = z.string().meta({ enum: COLLECTION_IDS, description: 'collection id' });
const CollectionParams = z.object({ collectionId });
const FeatureParams = z.object({ collectionId, featureId: z.string().min(1).max(200) });

export const Landing = z
  .object({ title: z.string(), description: z.string().optional(), links: z.array(Link) })
  .meta({ id: 'LandingPage' });
export const Conformance = z.object({ conformsTo: z.array(z.string()) }).meta({ id: 'Conformance' });

export const Collection = z
  .object({
    id: z.string(),
    title: z.string(),
    title_zh: z.string(),
    description: z.string(),
    itemType: z.literal('feature'),
    crs: z.array(z.string()),
    storageCrs: z.string(),
    extent: z.object({ spatial: z.object({ bbox: z.array(z.array(z.number()).length(4)) }) }).optional(),
    filters: z
      .array(z.string())
      .describe('query parameters accepted as equality filters on /items (q: substring of name, holder, licence number)'),
    links: z.array(Link),
  })
  .meta({ id: 'Collection' });
export const Collections = z.object({ links: z.array(Link), collections: z.array(Collection) }).meta({ id: 'Collections' });

/**
 * A feature as published: RFC 7946 (no `crs` member; lon/lat CRS84 = CGCS2000 lon/lat), the id at the top.
 * Blocks carry `recorded_from` / `recorded_to` (ISO instants of the version's validity in the register,
 * `recorded_to` null for the current version) instead of PostgreSQL range text.
 */
export const Feature = z
  .object({
    type: z.literal('Feature'),
    id: z.union([z.string(), z.number()]),
    geometry: Geometry.nullable(),
    properties: z
      .record(z.string(), z.unknown())
      .refine((p) => !('sys_period' in p) && !('recorded' in p), 'no raw range text in properties')
      .refine((p) => !('version' in p), 'the row version is the ETag, not a property'),
    links: z.array(Link).optional(),
  })
  .meta({ id: 'Feature' });
export const FeatureCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(Feature),
    numberMatched: z.number().int().optional(),
    numberReturned: z.number().int(),
    timeStamp: z.string(),
    links: z.array(Link),
  })
  .meta({ id: 'FeatureCollection' });

/** Properties of a published block (`/api/collections/blocks/items`); the client reads these. */
export const BlockProperties = z
  .looseObject({
    name: z.string(),
    licence_no: z.string().nullable().optional(),
    holder: z.string().nullable().optional(),
    kind: z.string(),
    mineral: z.string(),
    status: z.string(),
    acquisition_method: z.string().nullable().optional(),
    authority: z.string().nullable().optional(),
    valid_from: isoDayOrNull,
    valid_to: isoDayOrNull,
    first_registration_date: isoDayOrNull,
    first_registration_area_km2: z.number().nullable().optional(),
    area_km2: z.number().nullable().optional(),
    basin: z.string().nullable().optional(),
    recorded_from: z.string().nullable().optional(),
    recorded_to: z.string().nullable().optional(),
  })
  .meta({ id: 'BlockProperties' });

/** Write body: a GeoJSON Feature whose properties fit the collection (validated by the collection's own schema). */
export const FeatureInput = z
  .object({
    type: z.literal('Feature'),
    id: z.union([z.string(), z.number()]).optional(),
    geometry: Geometry,
    properties: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'FeatureInput' });

const bboxText = z
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
  })
  .describe('minLon,minLat,maxLon,maxLat (CRS84)');

/** Every filter any collection accepts (each collection lists its own in `filters`). */
export const ITEM_FILTERS = ['mineral', 'kind', 'status', 'holder', 'q', 'category', 'zone', 'type', 'block_id', 'level'] as const;
const filterParams = Object.fromEntries(
  ITEM_FILTERS.map((k) => [k, z.string().max(200).optional().describe('filter (see the collection’s `filters`)')]),
) as {
  [K in (typeof ITEM_FILTERS)[number]]: z.ZodOptional<z.ZodString>;
};

export const ItemsQuery = z.object({
  bbox: bboxText,
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('page size; default PAGE_LIMIT_DEFAULT (10), capped at PAGE_LIMIT_MAX (10 000)'),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  as_at: z.iso
    .datetime({ offset: true })
    .or(isoDay)
    .optional()
    .describe('the layer as at this date or instant (every collection keeps history)'),
  f,
  ...filterParams,
});

/** A JSON merge patch (RFC 7396) of a feature: properties merge member by member (null removes one), geometry replaces or merges. */
const FeaturePatch = z
  .object({
    type: z.literal('Feature').optional(),
    geometry: Geometry.optional(),
    properties: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'FeaturePatch' });

/** One version of an item in its history (newest first); a deletion is an entry of its own. */
const HistoryEntry = z
  .object({
    version: z.string().nullable().describe('row version (ETag "v<version>"); null on a deletion entry'),
    valid_from: z.string(),
    valid_to: z.string().nullable(),
    properties: z.record(z.string(), z.unknown()).nullable(),
    geometry: Geometry.nullable(),
    actor: z.string().nullable().describe('who made this version (regulators and administrators only; else null)'),
    role: z.string().nullable(),
    operation: z.string().describe('create | update | delete'),
    request_id: z.string().nullable(),
  })
  .meta({ id: 'HistoryEntry' });
const ItemHistory = z.object({ id: z.string(), collection: z.string(), versions: z.array(HistoryEntry) }).meta({ id: 'ItemHistory' });

/** `collections` of the change list: a comma list of collection ids; default every collection. */
const collectionList = z
  .string()
  .optional()
  .transform((s, ctx) => {
    if (!s) return [...COLLECTION_IDS];
    const ids = [...new Set(s.split(',').map((x) => x.trim()))];
    const unknown = ids.filter((x) => !COLLECTION_IDS.includes(x));
    if (unknown.length) {
      ctx.addIssue({ code: 'custom', message: `unknown collection: ${unknown.join(', ')} (one of ${COLLECTION_IDS.join(', ')})` });
      return z.NEVER;
    }
    return ids;
  })
  .describe(`comma list of collection ids (${COLLECTION_IDS.join(', ')}); default all`);

export const ChangesQuery = z.object({
  since: z.iso
    .datetime({ offset: true })
    .or(isoDay)
    .describe('changes after this instant (a day: its first instant, as `as_at` reads it); ask again from the answer’s `until`'),
  until: z.iso
    .datetime({ offset: true })
    .optional()
    .describe(
      'list changes up to this instant (the next page’s link carries the first page’s); default, and at most: the answer’s `until`',
    ),
  bbox: bboxText,
  collections: collectionList,
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('page size (≤ 1000)'),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

/** One change of the register, as a GeoJSON Feature: its geometry after the change (before it, for a deletion). */
const Change = z
  .object({
    type: z.literal('Feature'),
    id: z.string().describe('<collection>/<feature id>@<at>'),
    geometry: Geometry.nullable(),
    properties: z.object({
      collection: z.string(),
      feature_id: z.string(),
      operation: z.enum(['create', 'update', 'delete']),
      at: z.string().describe('when the change took effect in the register (ISO 8601 UTC, microseconds)'),
      version: z.string().nullable().describe('the version it made (ETag "v<version>"); null on a deletion'),
      changed: z
        .array(z.string())
        .describe(
          'an update: the properties whose value changed (area_km2 follows the geometry); a creation or deletion: every property with a value',
        ),
      geometry_changed: z.boolean().describe('an update: any coordinate of the geometry changed'),
      after: z.record(z.string(), z.unknown()).nullable().describe('the properties after the change; null on a deletion'),
      before: z.record(z.string(), z.unknown()).nullable().describe('the properties before it; null on a creation'),
    }),
  })
  .meta({ id: 'RegisterChange' });

export const ChangeList = z
  .object({
    type: z.literal('FeatureCollection'),
    since: z.string().describe('the instant after which changes are listed (ISO 8601 UTC)'),
    until: z.string().describe('up to this instant every change is committed and listed (ISO 8601 UTC): ask again with since=until'),
    features: z.array(Change),
    numberMatched: z.number().int().optional(),
    numberReturned: z.number().int(),
    links: z.array(Link),
  })
  .meta({ id: 'RegisterChanges' });

const ogc = ['OGC API – Features'] as const;
const ETAG = { ETag: 'strong ETag "v<version>" of the item; send it back in If-Match to change the item' } as const;
const IF_MATCH = {
  'If-Match': { description: 'the ETag from GET of the item (428 without it, 412 when the item has changed since)', required: true },
} as const;
const locked = { 412: ['PRECONDITION_FAILED'], 428: ['PRECONDITION_REQUIRED'] } as const;
/** a seized block's holder, area or status is not changed until the seizure is released (issue 14 item 6) */
const SEIZED = { 409: ['RIGHT_SEIZED', 'RIGHT_MORTGAGED'] } as const;
const write = errorsOf(
  {
    400: ['BODY_NOT_FEATURE'],
    401: ['UNAUTHENTICATED'],
    403: ['FORBIDDEN', 'CSRF_FAILED', 'TOKEN_READ_ONLY'],
    404: ['NOT_FOUND'],
    409: ['CONFLICT_DUPLICATE_ID'],
    422: ['INVALID_PROPERTY', 'INVALID_ID', 'GEOMETRY_*'],
  },
  WORK_ERRORS,
);

export const ogcRoutes = {
  landing: defineRoute({
    method: 'get',
    path: OGC_BASE,
    summary: 'OGC API landing page (the base URL for GIS clients)',
    description:
      'JSON by default and for `f=json` / `Accept: application/json`; `f=html` redirects to the map page. `/` answers the same JSON to clients that ask for it.',
    tags: ogc,
    query: z.object({ f }),
    badInput: 'INVALID_QUERY',
    responses: {
      200: { description: 'links to the API definition, conformance and collections', json: Landing },
      303: { description: 'f=html: the map page' },
    },
    errors: { 422: ['INVALID_QUERY'] },
  }),
  conformance: defineRoute({
    method: 'get',
    path: `${OGC_BASE}/conformance`,
    aliases: ['/conformance'],
    summary: 'OGC API conformance classes',
    tags: ogc,
    query: z.object({ f }),
    badInput: 'INVALID_QUERY',
    responses: { 200: { description: 'conformance classes', json: Conformance } },
    errors: { 422: ['INVALID_QUERY'] },
  }),
  collections: defineRoute({
    method: 'get',
    path: `${OGC_BASE}/collections`,
    aliases: ['/collections'],
    summary: 'All feature collections',
    tags: ogc,
    query: z.object({ f }),
    badInput: 'INVALID_QUERY',
    responses: { 200: { description: 'collections with extent, filters and links', json: Collections } },
    errors: { 422: ['INVALID_QUERY'] },
  }),
  collection: defineRoute({
    method: 'get',
    path: `${OGC_BASE}/collections/:collectionId`,
    aliases: ['/collections/:collectionId'],
    summary: 'One collection',
    tags: ogc,
    params: CollectionParams,
    query: z.object({ f }),
    badInput: 'INVALID_QUERY',
    responses: { 200: { description: 'the collection', json: Collection } },
    errors: { 404: ['NOT_FOUND'], 422: ['INVALID_QUERY'] },
  }),
  items: defineRoute({
    method: 'get',
    path: `${OGC_BASE}/collections/:collectionId/items`,
    aliases: ['/collections/:collectionId/items'],
    summary: 'Features (GeoJSON, CRS84 lon/lat), paged',
    tags: ogc,
    params: CollectionParams,
    query: ItemsQuery,
    badInput: 'INVALID_QUERY',
    responses: {
      200: {
        description: 'FeatureCollection with numberMatched, numberReturned and a next link',
        json: FeatureCollection,
        type: 'application/geo+json',
      },
    },
    errors: { 404: ['NOT_FOUND'], 422: ['INVALID_QUERY'] },
  }),
  item: defineRoute({
    method: 'get',
    path: `${OGC_BASE}/collections/:collectionId/items/:featureId`,
    aliases: ['/collections/:collectionId/items/:featureId'],
    summary: 'One feature',
    tags: ogc,
    params: FeatureParams,
    query: z.object({ f }),
    badInput: 'INVALID_QUERY',
    responses: { 200: { description: 'the feature', json: Feature, type: 'application/geo+json', headers: ETAG } },
    errors: { 404: ['NOT_FOUND'], 422: ['INVALID_QUERY'] },
  }),
  itemHistory: defineRoute({
    method: 'get',
    path: `${OGC_BASE}/collections/:collectionId/items/:featureId/history`,
    aliases: ['/collections/:collectionId/items/:featureId/history'],
    summary: 'Every version of a feature, newest first (who made each: regulators and administrators only)',
    tags: ogc,
    params: FeatureParams,
    responses: { 200: { description: 'the versions of the feature', json: ItemHistory } },
    errors: { 401: ['UNAUTHORIZED'], 404: ['NOT_FOUND'] },
  }),
  createItem: defineRoute({
    method: 'post',
    path: `${OGC_BASE}/collections/:collectionId/items`,
    aliases: ['/collections/:collectionId/items'],
    summary: 'Create a feature (a regulator of the authority concerned, or an admin)',
    tags: ogc,
    auth: 'regulator',
    params: CollectionParams,
    body: { types: ['application/geo+json', 'application/json'], schema: FeatureInput, validate: false },
    responses: { 201: { description: 'created; Location header', json: Feature, type: 'application/geo+json', headers: ETAG } },
    errors: write,
  }),
  replaceItem: defineRoute({
    method: 'put',
    path: `${OGC_BASE}/collections/:collectionId/items/:featureId`,
    aliases: ['/collections/:collectionId/items/:featureId'],
    summary: 'Replace a feature (a regulator of the authority concerned, or an admin); blocks keep their history',
    tags: ogc,
    auth: 'regulator',
    params: FeatureParams,
    headers: IF_MATCH,
    body: { types: ['application/geo+json', 'application/json'], schema: FeatureInput, validate: false },
    responses: { 200: { description: 'the replaced feature', json: Feature, type: 'application/geo+json', headers: ETAG } },
    errors: errorsOf(write, locked, SEIZED),
  }),
  patchItem: defineRoute({
    method: 'patch',
    path: `${OGC_BASE}/collections/:collectionId/items/:featureId`,
    aliases: ['/collections/:collectionId/items/:featureId'],
    summary: 'Change a feature by JSON merge patch (RFC 7396) (Bearer ADMIN_TOKEN); the stored geometry is kept when the patch has none',
    tags: ogc,
    auth: 'admin',
    params: FeatureParams,
    headers: IF_MATCH,
    body: { types: ['application/merge-patch+json', 'application/json'], schema: FeaturePatch, validate: false },
    responses: { 200: { description: 'the changed feature', json: Feature, type: 'application/geo+json', headers: ETAG } },
    errors: errorsOf(write, locked, SEIZED, {
      400: ['PATCH_NOT_OBJECT'],
      422: ['PATCH_MEMBER_NOT_ALLOWED', 'PATCH_REMOVES_GEOMETRY'],
    }),
  }),
  changes: defineRoute({
    method: 'get',
    path: `${OGC_BASE}/changes`,
    summary:
      'What changed on the register in an area after an instant (created, changed, deleted), newest first: follow the rights, protected areas and red lines around a block',
    description:
      'Every collection keeps its history (GET …/items/{id}/history reads one item); this reads them all at once, by area and time. Poll with since = the previous answer’s `until`: no change is missed or listed twice.',
    tags: ogc,
    query: ChangesQuery,
    badInput: 'INVALID_QUERY',
    responses: { 200: { description: 'the changes as a FeatureCollection, paged', json: ChangeList, type: 'application/geo+json' } },
    errors: { 422: ['INVALID_QUERY'] },
  }),
  deleteItem: defineRoute({
    method: 'delete',
    path: `${OGC_BASE}/collections/:collectionId/items/:featureId`,
    aliases: ['/collections/:collectionId/items/:featureId'],
    summary: 'Delete a feature (a regulator of the authority concerned, or an admin)',
    tags: ogc,
    auth: 'regulator',
    params: FeatureParams,
    headers: IF_MATCH,
    responses: { 204: { description: 'deleted' } },
    errors: errorsOf({ 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN', 'CSRF_FAILED', 'TOKEN_READ_ONLY'], 404: ['NOT_FOUND'] }, locked),
  }),
};
