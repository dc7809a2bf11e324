import { Router } from 'express';
import { COLLECTIONS } from '../features/collections';
import { publicOrigin } from './public-url';

const err = { $ref: '#/components/responses/Error' };

/** The OpenAPI 3 document (`/api/openapi.json`), built from the collection registry and the route list. */
export function openapiDocument() {
  const paths: Record<string, unknown> = {
    '/api/health': { get: { summary: 'Service and database health', responses: { 200: { description: 'ok' } } } },
    '/conformance': { get: { summary: 'OGC API conformance classes', responses: { 200: { description: 'ok' } } } },
    '/collections': { get: { summary: 'All feature collections', responses: { 200: { description: 'ok' } } } },
    '/collections/{collectionId}': {
      get: {
        summary: 'One collection',
        parameters: [{ $ref: '#/components/parameters/collectionId' }],
        responses: { 200: { description: 'ok' }, 404: err },
      },
    },
    '/collections/{collectionId}/items': {
      get: {
        summary: 'Features (GeoJSON, CRS84 lon/lat), paged',
        parameters: [
          { $ref: '#/components/parameters/collectionId' },
          { name: 'bbox', in: 'query', schema: { type: 'string' }, description: 'minLon,minLat,maxLon,maxLat' },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 10000, default: 10 } },
          { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0 } },
          {
            name: 'as_at',
            in: 'query',
            schema: { type: 'string' },
            description: 'the layer as at this date or instant (every collection keeps history)',
          },
          ...['mineral', 'kind', 'status', 'holder', 'q', 'category', 'zone', 'type', 'block_id', 'level'].map((n) => ({
            name: n,
            in: 'query',
            schema: { type: 'string' },
            description: 'filter (see the collection’s `filters`)',
          })),
        ],
        responses: { 200: { description: 'FeatureCollection with numberMatched, numberReturned, next link' }, 404: err, 422: err },
      },
      post: {
        summary: 'Create a feature (Bearer ADMIN_TOKEN)',
        security: [{ bearer: [] }],
        parameters: [{ $ref: '#/components/parameters/collectionId' }],
        requestBody: { content: { 'application/geo+json': { schema: { type: 'object' } } } },
        responses: { 201: { description: 'created; Location header' }, 400: err, 401: err, 409: err, 422: err },
      },
    },
    '/collections/{collectionId}/items/{featureId}': {
      get: {
        summary: 'One feature',
        parameters: [{ $ref: '#/components/parameters/collectionId' }, { $ref: '#/components/parameters/featureId' }],
        responses: { 200: { description: 'Feature' }, 404: err },
      },
      put: {
        summary: 'Replace a feature (Bearer ADMIN_TOKEN)',
        security: [{ bearer: [] }],
        parameters: [{ $ref: '#/components/parameters/collectionId' }, { $ref: '#/components/parameters/featureId' }],
        responses: { 200: { description: 'Feature' }, 401: err, 404: err, 422: err },
      },
      delete: {
        summary: 'Delete a feature (Bearer ADMIN_TOKEN)',
        security: [{ bearer: [] }],
        parameters: [{ $ref: '#/components/parameters/collectionId' }, { $ref: '#/components/parameters/featureId' }],
        responses: { 204: { description: 'deleted' }, 401: err, 404: err },
      },
    },
    '/tiles/{layer}.json': {
      get: {
        summary: 'TileJSON 3.0',
        parameters: [{ name: 'layer', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'TileJSON' } },
      },
    },
    '/tiles/{layer}/{z}/{x}/{y}.mvt': {
      get: {
        summary: 'Mapbox vector tile (204 when empty)',
        parameters: ['layer', 'z', 'x', 'y'].map((n) => ({
          name: n,
          in: 'path',
          required: true,
          schema: { type: n === 'layer' ? 'string' : 'integer' },
        })),
        responses: { 200: { description: 'application/vnd.mapbox-vector-tile' }, 204: { description: 'empty tile' } },
      },
    },
  };
  for (const [p, v] of EXTRA_PATHS) paths[p] = v;
  return {
    openapi: '3.0.3',
    info: {
      title: '矿权一张图 API — mining-rights map service',
      version: '0.1.0',
      description:
        'Licence blocks, protected areas, red lines, wells and pipelines (OGC API – Features), vector tiles, coordinate-file parsing, conflict checks and licence-extension assessments. Areas are ellipsoidal on the CGCS2000 ellipsoid.',
    },
    servers: [{ url: '/' }],
    tags: COLLECTIONS.map((c) => ({ name: c.id, description: `${c.titleZh} — ${c.title}` })),
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      parameters: {
        collectionId: { name: 'collectionId', in: 'path', required: true, schema: { type: 'string', enum: COLLECTIONS.map((c) => c.id) } },
        featureId: { name: 'featureId', in: 'path', required: true, schema: { type: 'string' } },
      },
      responses: {
        Error: {
          description: 'One error shape everywhere',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  error: {
                    type: 'object',
                    required: ['code', 'message', 'message_zh'],
                    properties: {
                      code: { type: 'string' },
                      message: { type: 'string' },
                      message_zh: { type: 'string' },
                      details: { type: 'array', items: { type: 'object' } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}

/** Routes registered by other modules (parse, checks, assessments) add their OpenAPI paths here. */
const EXTRA_PATHS = new Map<string, unknown>();
export function registerOpenApiPath(path: string, item: unknown) {
  EXTRA_PATHS.set(path, item);
}

export function openapiRouter(): Router {
  const r = Router();
  r.get('/api/openapi.json', (_req, res) => {
    res.json(openapiDocument());
  });
  r.get('/api', (req, res) => {
    const o = publicOrigin(req);
    res.json({
      title: '矿权一张图 API',
      links: [
        { rel: 'service-desc', type: 'application/vnd.oai.openapi+json;version=3.0', href: `${o}/api/openapi.json` },
        { rel: 'conformance', href: `${o}/conformance` },
        { rel: 'data', href: `${o}/collections` },
      ],
    });
  });
  return r;
}
