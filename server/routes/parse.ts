/**
 * POST /api/parse   multipart `file` (+ optional `format`, `zone`, `crs`, `centralMeridian` as fields or query)
 *                   → { format, crs, parcels, area_km2, geometry, warnings }
 * POST /api/export?format=guotu-txt|csv|geojson|kml|shp[&name=…][&encoding=utf-8|gbk][&crs=…]
 *                   body: GeoJSON Polygon/MultiPolygon or a Feature with one → the file as an attachment
 */
import express, { type Request } from 'express';
import { z } from 'zod';
import { badRequest } from '../errors';
import { exportGeometry } from '../export/index';
import { geometryOf } from '../export/geometry';
import { route } from '../http/async';
import { singleFileUpload } from '../http/upload';
import { fromZod } from '../http/error-middleware';
import { parseUpload } from '../parse/index';
import { resolveLimits, type ParseLimits } from '../parse/limits';

const optInt = z.preprocess((v) => (v === '' || v === undefined ? undefined : v), z.coerce.number().int().optional());
const ParseParams = z.object({
  format: z.string().trim().min(1).max(20).optional(),
  zone: optInt,
  crs: optInt,
  centralMeridian: optInt,
});
const ExportParams = z.object({
  format: z.string().trim().min(1).max(20),
  name: z.string().trim().min(1).max(200).optional(),
  encoding: z.enum(['utf-8', 'gbk']).optional(),
  crs: optInt,
});

export interface ParseRouterOptions {
  limits?: Partial<ParseLimits>;
  /** JSON body limit for /api/export, default '10mb'. */
  exportBodyLimit?: string;
}

const params = <T extends z.ZodType>(schema: T, req: Request): z.infer<T> => {
  const r = schema.safeParse({ ...(req.query as object), ...((req.body as object) ?? {}) });
  if (!r.success) throw fromZod(r.error, 'PARSE_BAD_PARAMETER');
  return r.data;
};

export function parseRouter(opts: ParseRouterOptions = {}): express.Router {
  const limits = resolveLimits(opts.limits);
  const router = express.Router();

  router.post(
    '/api/parse',
    singleFileUpload(limits, { fields: 10, fieldSize: 1024 }),
    route(async (req, res) => {
      const file = (req as Request & { file?: Express.Multer.File }).file;
      if (!file) throw badRequest('PARSE_NO_FILE', "Send the file as multipart field 'file'", "请以 multipart 字段 'file' 上传文件");
      const p = params(ParseParams, req);
      const result = await parseUpload(file.buffer, file.originalname ?? '', p, limits);
      res.json(result);
    }),
  );

  router.post(
    '/api/export',
    express.json({ limit: opts.exportBodyLimit ?? '10mb', type: ['application/json', 'application/geo+json'] }),
    route(async (req, res) => {
      const r = ExportParams.safeParse(req.query);
      if (!r.success) throw fromZod(r.error, 'EXPORT_BAD_PARAMETER');
      const body = req.body as { properties?: { name?: unknown } } | undefined;
      const name = r.data.name ?? (typeof body?.properties?.name === 'string' ? body.properties.name : 'export');
      const file = exportGeometry(geometryOf(req.body), { format: r.data.format, name, encoding: r.data.encoding, crs: r.data.crs });
      res.setHeader('Content-Type', file.contentType);
      res.setHeader('Content-Disposition', `attachment; filename="${encodeURIComponent(file.filename).replace(/%20/g, ' ').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
      res.send(file.buffer);
    }),
  );
  return router;
}
