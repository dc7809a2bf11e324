/**
 * GET /api/blocks/{id}/export?format=guotu-txt|csv|geojson|kml|shp[&encoding=utf-8|gbk][&crs=…]
 * A stored block's corners as a file (国土 TXT in GBK by default; the CSV has the contract-annex columns).
 * The same exporters serve POST /api/export for an uploaded or drawn geometry.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { Db } from '../db';
import { notFound } from '../errors';
import { exportGeometry } from '../export/index';
import { implement } from '../http/contract-route';

export function blockExportRoutes(db: Db) {
  return implement({
    blockExport: {
      handler: async ({ params, query }) => {
        const row = (
          await db.named<{ name: string; licence_no: string | null; geometry: Polygon | MultiPolygon }>('block_export', [params.id])
        ).rows[0];
        if (!row) throw notFound('block', params.id);
        return {
          status: 200,
          file: exportGeometry(row.geometry, {
            format: query.format,
            name: query.name ?? row.name,
            encoding: query.encoding,
            crs: query.crs,
          }),
        };
      },
    },
  });
}
