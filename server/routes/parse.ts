/**
 * POST /api/parse   multipart `file` (+ optional `format`, `zone`, `crs`, `centralMeridian` as fields or query)
 *                   → { format, crs, parcels, area_km2, geometry, warnings }
 * POST /api/export?format=guotu-txt|csv|geojson|kml|shp[&name=…][&encoding=utf-8|gbk][&crs=…]
 *                   body: GeoJSON Polygon/MultiPolygon or a Feature with one → the file as an attachment
 */
import express, { type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { badRequest } from '../errors';
import { exportGeometry } from '../export/index';
import { geometryOf } from '../export/geometry';
import { route } from '../http/async';
import { sendAttachment } from '../http/attachment';
import { singleFileUpload } from '../http/upload';
import { fromZod } from '../http/error-middleware';
import { registerOpenApiPath } from '../http/openapi';
import { parseUpload } from '../parse/index';
import { resolveLimits, type ParseLimits } from '../parse/limits';
import type { WorkPool } from '../work/pool';

const optInt = z.preprocess((v) => (v === '' || v === undefined ? undefined : v), z.coerce.number().int().optional());
const ParseParams = z.object({
  format: z.string().trim().min(1).max(20).optional(),
  zone: optInt,
  crs: optInt,
  centralMeridian: optInt,
});
export const ExportParams = z.object({
  format: z.string().trim().min(1).max(20),
  name: z.string().trim().min(1).max(200).optional(),
  encoding: z.enum(['utf-8', 'gbk']).optional(),
  crs: optInt,
});

export interface ParseRouterOptions {
  limits?: Partial<ParseLimits>;
  /** JSON body limit for /api/export, default '10mb'. */
  exportBodyLimit?: string;
  /** Worker pool for parsing and export; without it the work runs on the main thread (unit tests). */
  work?: WorkPool;
  /** Gate counting uploads in progress (429 BUSY beyond). */
  uploads?: RequestHandler;
}

const pass: RequestHandler = (_req, _res, next) => next();
/** A copy of the bytes in their own buffer, to transfer to a worker (multer's buffer may share a pool slab). */
export const ownBytes = (buf: Uint8Array) => new Uint8Array(buf);

const params = <T extends z.ZodType>(schema: T, req: Request): z.infer<T> => {
  const r = schema.safeParse({ ...(req.query as object), ...((req.body as object) ?? {}) });
  if (!r.success) throw fromZod(r.error, 'PARSE_BAD_PARAMETER');
  return r.data;
};

export function parseRouter(opts: ParseRouterOptions = {}): express.Router {
  const limits = resolveLimits(opts.limits);
  const router = express.Router();
  const { work } = opts;
  const gate = opts.uploads ?? pass;

  router.post(
    '/api/parse',
    gate,
    singleFileUpload(limits, { fields: 10, fieldSize: 1024 }),
    route(async (req, res) => {
      const file = (req as Request & { file?: Express.Multer.File }).file;
      if (!file) throw badRequest('PARSE_NO_FILE', "Send the file as multipart field 'file'", "请以 multipart 字段 'file' 上传文件");
      const p = params(ParseParams, req);
      const name = file.originalname ?? '';
      let result;
      if (work) {
        const bytes = ownBytes(file.buffer);
        result = await work.run('parse', { bytes, filename: name, hints: p, limits }, [bytes.buffer as ArrayBuffer]);
      } else result = await parseUpload(file.buffer, name, p, limits);
      res.json(result);
    }),
  );

  router.post(
    '/api/export',
    gate,
    express.json({ limit: opts.exportBodyLimit ?? '10mb', type: ['application/json', 'application/geo+json'] }),
    route(async (req, res) => {
      const r = ExportParams.safeParse(req.query);
      if (!r.success) throw fromZod(r.error, 'EXPORT_BAD_PARAMETER');
      const body = req.body as { properties?: { name?: unknown } } | undefined;
      const name = r.data.name ?? (typeof body?.properties?.name === 'string' ? body.properties.name : 'export');
      const exportOpts = { format: r.data.format, name, encoding: r.data.encoding, crs: r.data.crs };
      const file = work ? await work.run('export', { body: req.body, opts: exportOpts }) : exportGeometry(geometryOf(req.body), exportOpts);
      sendAttachment(res, file);
    }),
  );
  registerOpenApiPath('/api/parse', {
    post: {
      summary:
        'Coordinate file → geometry: 国土 TXT, CSV/XLSX corner tables, GeoJSON, KML/KMZ, zipped Shapefile (format detected; hints format, zone, crs, centralMeridian)',
      requestBody: {
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: {
                file: { type: 'string', format: 'binary' },
                format: { type: 'string' },
                zone: { type: 'integer' },
                crs: { type: 'integer' },
              },
            },
          },
        },
      },
      responses: {
        200: { description: '{ format, crs, parcels, area_km2 (ellipsoidal), geometry, warnings }' },
        400: { $ref: '#/components/responses/Error' },
        413: { $ref: '#/components/responses/Error' },
        422: { $ref: '#/components/responses/Error' },
      },
    },
  });
  registerOpenApiPath('/api/export', {
    post: {
      summary: 'A GeoJSON Polygon/MultiPolygon (or Feature) → 国土 TXT, contract-annex CSV, GeoJSON, KML or zipped Shapefile',
      parameters: [
        { name: 'format', in: 'query', required: true, schema: { type: 'string', enum: ['guotu-txt', 'csv', 'geojson', 'kml', 'shp'] } },
        { name: 'encoding', in: 'query', schema: { type: 'string', enum: ['gbk', 'utf-8'] } },
        { name: 'name', in: 'query', schema: { type: 'string' } },
      ],
      responses: { 200: { description: 'the file' }, 400: { $ref: '#/components/responses/Error' } },
    },
  });
  return router;
}
