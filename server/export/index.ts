/** exportGeometry: a stored block or parsed geometry → a file in one of the formats users send. */
import type { MultiPolygon, Polygon } from 'geojson';
import iconv from 'iconv-lite';
import { badRequest } from '../errors';
import { writeCornerCsv } from './csv';
import { geometryOf, namedPolygons, signedArea } from './geometry';
import { writeGuotuTxt } from './guotu-txt';
import { writeKml } from './kml';
import { writeShapefileZip } from './shp';

export const EXPORT_FORMATS = ['guotu-txt', 'csv', 'geojson', 'kml', 'shp'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  format: ExportFormat | string;
  name: string;
  /** Text encoding: 国土 TXT defaults to GBK, CSV to UTF-8 with BOM, SHP's DBF to UTF-8. */
  encoding?: 'utf-8' | 'gbk';
  /** 数据产生日期 for 国土 TXT (default today). */
  date?: string;
  /** Shapefile output CRS: 4490 (default) or a CGCS2000 GK code. */
  crs?: number;
}

export interface ExportedFile {
  buffer: Buffer;
  contentType: string;
  filename: string;
}

/** Closed ring, outer counter-clockwise and holes clockwise (RFC 7946 right-hand rule). */
const rfc7946Ring = (r: [number, number][], outer: boolean) => {
  const o = signedArea(r) > 0 === outer ? r : r.slice().reverse();
  return [...o, o[0]];
};

const safeFileName = (s: string) => s.replace(/[\\/:*?"<>|\r\n]+/g, '_').trim() || 'export';

export function exportGeometry(geometry: Polygon | MultiPolygon, opts: ExportOptions): ExportedFile {
  const format = opts.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format))
    throw badRequest(
      'EXPORT_FORMAT_UNKNOWN',
      `Unknown export format '${opts.format}'; use ${EXPORT_FORMATS.join(', ')}`,
      `未知导出格式“${opts.format}”；可用：${EXPORT_FORMATS.join('、')}`,
      [{ field: 'format', value: opts.format }],
    );
  const polys = namedPolygons(geometry, opts.name);
  const base = safeFileName(opts.name);
  switch (format) {
    case 'guotu-txt': {
      const text = writeGuotuTxt(polys, { date: opts.date });
      const enc = opts.encoding ?? 'gbk';
      return {
        buffer: enc === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8'),
        contentType: `text/plain; charset=${enc === 'gbk' ? 'GBK' : 'utf-8'}`,
        filename: `${base}.txt`,
      };
    }
    case 'csv': {
      const text = writeCornerCsv(polys);
      const enc = opts.encoding ?? 'utf-8';
      return {
        buffer: enc === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
        contentType: `text/csv; charset=${enc === 'gbk' ? 'GBK' : 'utf-8'}`,
        filename: `${base}.csv`,
      };
    }
    case 'geojson': {
      const fc = {
        type: 'FeatureCollection',
        features: polys.map((p) => ({
          type: 'Feature',
          properties: { name: p.name },
          geometry: { type: 'Polygon', coordinates: p.rings.map((r, i) => rfc7946Ring(r, i === 0)) },
        })),
      };
      return { buffer: Buffer.from(JSON.stringify(fc), 'utf8'), contentType: 'application/geo+json', filename: `${base}.geojson` };
    }
    case 'kml':
      return {
        buffer: Buffer.from(writeKml(polys, opts.name), 'utf8'),
        contentType: 'application/vnd.google-earth.kml+xml',
        filename: `${base}.kml`,
      };
    case 'shp':
      return {
        buffer: Buffer.from(writeShapefileZip(polys, base, { encoding: opts.encoding, crs: opts.crs })),
        contentType: 'application/zip',
        filename: `${base}.shp.zip`,
      };
  }
}

/**
 * A POSTed body (a geometry or a Feature with one) as a file, named by `name`, else the Feature's properties.name, else
 * "export". Runs where the whole body is parsed (the upload worker): the main thread holds only its small members.
 */
export function exportPosted(body: unknown, opts: Omit<ExportOptions, 'name'> & { name?: string }): ExportedFile {
  const props = (body as { properties?: { name?: unknown } | null } | null)?.properties;
  const name = opts.name ?? (typeof props?.name === 'string' ? props.name : 'export');
  return exportGeometry(geometryOf(body), { ...opts, name });
}
