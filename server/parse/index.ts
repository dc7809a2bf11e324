/**
 * parseUpload: bytes of an uploaded coordinate file → validated CGCS2000 lon/lat parcels with ellipsoidal areas.
 * Every refusal is an AppError (4xx); anything else thrown by a reader is reported as PARSE_UNREADABLE.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { AppError, badRequest } from '../errors';
import { reportAreas } from './areas';
import { parseCsv } from './csv';
import { detectFormat, formatFromHint } from './detect';
import { parseGeojsonText } from './geojson';
import { parseGuotuTxt } from './guotu-txt';
import { parseKml, parseKmz } from './kml';
import { checkLineLength, checkUploadSize, resolveLimits, type ParseLimits } from './limits';
import { parseShapefileZip } from './shapefile';
import { decodeText } from './text';
import type { FormatName, FormatOutput, ParseHints, ParseResult } from './types';
import { buildParcels } from './validate';
import { parseXlsx } from './xlsx';

export type { ParseHints, ParseResult } from './types';
export type { ParseLimits } from './limits';

const baseName = (filename: string) => (filename.split(/[\\/]/).pop() || 'parcel').replace(/\.[^.]+$/, '') || 'parcel';

async function readFormat(format: FormatName, buf: Buffer, hints: ParseHints, limits: ParseLimits, name: string): Promise<FormatOutput> {
  switch (format) {
    case 'guotu-txt':
      return parseGuotuTxt(buf, hints, limits);
    case 'csv':
      return parseCsv(buf, hints, limits, name);
    case 'xlsx':
      return parseXlsx(buf, hints, limits, name);
    case 'geojson':
      return parseGeojsonText(decodeText(buf).text, hints, limits, name);
    case 'kml':
      return parseKml(buf, hints, limits, name);
    case 'kmz':
      return parseKmz(buf, hints, limits, name);
    case 'shp':
      return parseShapefileZip(buf, hints, limits, name);
  }
}

export async function parseUpload(
  buf: Buffer,
  filename: string,
  hints: ParseHints = {},
  limits?: Partial<ParseLimits>,
): Promise<ParseResult> {
  const lim = resolveLimits(limits);
  checkUploadSize(buf.length, lim);
  try {
    const format = hints.format ? formatFromHint(hints.format) : detectFormat(buf, filename);
    // a corner table's lines are short: refuse a huge line before a reader splits it into cells
    if (format === 'csv' || format === 'guotu-txt') checkLineLength(buf, lim);
    const out = await readFormat(format, buf, hints, lim, baseName(filename));
    const { parcels, warnings } = buildParcels(out.parcels, { quietOrientation: out.orientationByConvention });
    warnings.push(...reportAreas(parcels, out.parcels, out.crs));
    const geometry: Polygon | MultiPolygon =
      parcels.length === 1
        ? { type: 'Polygon', coordinates: parcels[0].rings }
        : { type: 'MultiPolygon', coordinates: parcels.map((p) => p.rings) };
    return {
      format,
      crs: out.crs,
      parcels,
      area_km2: parcels.reduce((s, p) => s + p.area_km2, 0),
      geometry,
      warnings: [...out.warnings, ...warnings],
    };
  } catch (e) {
    if (e instanceof AppError) throw e;
    const why = String((e as Error)?.message ?? e).slice(0, 200);
    throw badRequest('PARSE_UNREADABLE', `The file could not be read: ${why}`, `文件无法读取：${why}`, [{ reason: why }]);
  }
}
