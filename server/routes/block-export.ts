/**
 * GET /api/blocks/{id}/export?format=guotu-txt|csv|geojson|kml|shp[&encoding=utf-8|gbk][&crs=…]
 * A stored block's corners as a file (国土 TXT in GBK by default; the CSV has the contract-annex columns).
 * The same exporters serve POST /api/export for an uploaded or drawn geometry.
 */
import { Router } from 'express';
import type { Db } from '../db';
import { notFound } from '../errors';
import { exportGeometry } from '../export/index';
import { sendAttachment } from '../http/attachment';
import { route } from '../http/async';
import { fromZod } from '../http/error-middleware';
import { registerOpenApiPath } from '../http/openapi';
import { ExportParams } from './parse';

export function blockExportRouter(db: Db): Router {
  const r = Router();
  r.get(
    '/api/blocks/:id/export',
    route(async (req, res) => {
      const p = ExportParams.safeParse(req.query);
      if (!p.success) throw fromZod(p.error, 'EXPORT_BAD_PARAMETER');
      const id = String(req.params.id);
      const row = (await db.named<{ name: string; licence_no: string | null; geometry: any }>('block_export', [id])).rows[0];
      if (!row) throw notFound('block', id);
      sendAttachment(
        res,
        exportGeometry(row.geometry, { format: p.data.format, name: p.data.name ?? row.name, encoding: p.data.encoding, crs: p.data.crs }),
      );
    }),
  );
  registerOpenApiPath('/api/blocks/{id}/export', {
    get: {
      summary: 'A stored block as 国土 TXT (GBK by default), contract-annex CSV, GeoJSON, KML or zipped Shapefile',
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'format', in: 'query', required: true, schema: { type: 'string', enum: ['guotu-txt', 'csv', 'geojson', 'kml', 'shp'] } },
        { name: 'encoding', in: 'query', schema: { type: 'string', enum: ['gbk', 'utf-8'] } },
      ],
      responses: {
        200: { description: 'the file' },
        400: { $ref: '#/components/responses/Error' },
        404: { $ref: '#/components/responses/Error' },
      },
    },
  });
  return r;
}
