/**
 * POST /api/parse   multipart `file` (+ optional `format`, `zone`, `crs`, `centralMeridian` as fields or query)
 *                   → { format, crs, parcels, area_km2, geometry, warnings }
 * POST /api/export?format=guotu-txt|csv|geojson|kml|shp[&name=…][&encoding=utf-8|gbk][&crs=…]
 *                   body: GeoJSON Polygon/MultiPolygon or a Feature with one → the file as an attachment
 */
import express, { type Request, type RequestHandler } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { badRequest, tooLarge } from '../errors';
import { exportGeometry } from '../export/index';
import { geometryOf } from '../export/geometry';
import { route } from '../http/async';
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

function upload(limits: ParseLimits): RequestHandler {
  const m = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: limits.maxUploadBytes, files: 1, fields: 10, parts: 12, fieldSize: 1024 },
  }).single('file');
  return (req, res, next) =>
    m(req, res, (err: unknown) => {
      if (!err) return next();
      const e = err as { code?: string; message?: string };
      if (e.code === 'LIMIT_FILE_SIZE')
        return next(tooLarge('UPLOAD_TOO_LARGE', `File is larger than the limit of ${limits.maxUploadBytes} bytes`, `文件超过上限 ${limits.maxUploadBytes} 字节`, [{ limit: limits.maxUploadBytes }]));
      if (e.code?.startsWith('LIMIT_'))
        return next(badRequest('UPLOAD_REJECTED', `Upload refused: ${e.message}`, `上传被拒绝：${e.message}`, [{ reason: e.code }]));
      next(badRequest('UPLOAD_REJECTED', `Upload could not be read: ${e.message ?? err}`, `上传内容无法读取`));
    });
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
    upload(limits),
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
