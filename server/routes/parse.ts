/**
 * POST /api/parse   multipart `file` (+ optional `format`, `zone`, `crs`, `centralMeridian` as fields or query)
 *                   → { format, crs, parcels, area_km2, geometry, warnings }
 * POST /api/export?format=guotu-txt|csv|geojson|kml|shp[&name=…][&encoding=utf-8|gbk][&crs=…]
 *                   body: GeoJSON Polygon/MultiPolygon or a Feature with one → the file as an attachment
 * Shapes and parameters: server/contract/files.ts.
 */
import type { Request, RequestHandler } from 'express';
import { badRequest } from '../errors';
import { exportPosted } from '../export/index';
import { implement } from '../http/contract-route';
import { inlineJson } from '../http/json-body';
import { singleFileUpload } from '../http/upload';
import { parseUpload } from '../parse/index';
import { resolveLimits, type ParseLimits } from '../parse/limits';
import { ownBytes, type WorkPool } from '../work/pool';

export interface ParseRouterOptions {
  limits?: Partial<ParseLimits>;
  /** JSON body limit for /api/export, default '10mb'. */
  exportBodyLimit?: string;
  /** Worker pool for parsing and export; without it the work runs on the main thread (unit tests). */
  work?: WorkPool;
  /** Gate counting uploads in progress (429 BUSY beyond). */
  uploads?: RequestHandler;
}

export function parseRoutes(opts: ParseRouterOptions = {}) {
  const limits = resolveLimits(opts.limits);
  const { work } = opts;
  const gate = opts.uploads ? [opts.uploads] : [];
  return implement({
    parse: {
      before: [...gate, singleFileUpload(limits, { fields: 10, fieldSize: 1024 })],
      // hints come as query or multipart form fields
      queryFrom: (req) => ({ ...(req.query as object), ...((req.body as object) ?? {}) }),
      handler: async ({ query, req }) => {
        const file = (req as Request & { file?: Express.Multer.File }).file;
        if (!file) throw badRequest('PARSE_NO_FILE', "Send the file as multipart field 'file'", "请以 multipart 字段 'file' 上传文件");
        const name = file.originalname ?? '';
        if (!work) return { status: 200, body: await parseUpload(file.buffer, name, query, limits) };
        const bytes = ownBytes(file.buffer);
        return {
          status: 200,
          body: await work.run('parse', { bytes, filename: name, hints: query, limits }, [bytes.buffer as ArrayBuffer]),
        };
      },
    },
    exportGeometry: {
      // the app reads every JSON body before the routes (this one then passes): here for the router on its own (tests)
      before: [...gate, inlineJson({ limit: opts.exportBodyLimit ?? '10mb', types: ['application/json', 'application/geo+json'] })],
      handler: async ({ query, body }) => {
        // the name may come from the Feature's properties: read where the whole body is (the worker's task)
        const exportOpts = { format: query.format, name: query.name, encoding: query.encoding, crs: query.crs };
        const file = work ? await work.run('export', { body, opts: exportOpts }) : exportPosted(body, exportOpts);
        return { status: 200, file };
      },
    },
  });
}
