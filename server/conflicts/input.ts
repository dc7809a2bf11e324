/**
 * The block a check is about, from a request's file or JSON body, validated before any SQL.
 * No express here: the route hands over the uploaded file (if any), the JSON body and the hints.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { AppError, badRequest, unprocessable } from '../errors';
import { checkGeometry } from '../geometry/validate';
import { ellipsoidalAreaKm2 } from '../geodesy/area';
import { parseUpload, type ParseResult } from '../parse/index';
import type { ParseLimits } from '../parse/limits';

/** The input, validated; `describe()` gives the parse result (parcels, areas), computed once, on demand. */
export interface CheckInput {
  geometry: Polygon | MultiPolygon;
  describe: () => ParseResult;
}

export interface InputHints {
  format?: string;
  zone?: number;
  crs?: number;
}

/** The GeoJSON document in a JSON body: a Feature, FeatureCollection or geometry, or `{ geometry: … }`. */
export function geojsonOf(body: unknown): unknown {
  const b = body as Record<string, unknown> | null;
  if (!b || typeof b !== 'object')
    throw badRequest(
      'CHECK_NO_INPUT',
      'Send a file (multipart `file`) or a GeoJSON Feature or geometry as JSON',
      '请上传文件（multipart 字段 file）或以 JSON 发送 GeoJSON 要素或几何',
    );
  if (typeof b.type === 'string') return b;
  if (b.geometry && typeof b.geometry === 'object') return b.geometry;
  throw unprocessable('CHECK_NO_GEOMETRY', 'The JSON body holds no GeoJSON geometry', 'JSON 请求体中没有 GeoJSON 几何', [
    { field: 'geometry' },
  ]);
}

const once = <T>(f: () => T): (() => T) => {
  let v: T | undefined;
  return () => (v ??= f());
};

/**
 * A lon/lat Polygon or MultiPolygon (bare or in a Feature) with no hints takes the fast path: checkGeometry
 * validates it (type, closed rings, inside China, no self-intersection) before any SQL, and the parcel
 * areas (GeographicLib) are measured while the queries run. Anything else — files, FeatureCollections,
 * projected coordinates, hints — goes through parseUpload.
 */
export function lonLatPolygon(doc: unknown, maxVertices: number): CheckInput | null {
  const d = doc as { type?: string; geometry?: unknown; properties?: { name?: unknown } };
  const g = (d.type === 'Feature' ? d.geometry : d) as Polygon | MultiPolygon | null;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return null;
  try {
    checkGeometry(g, 'polygon', maxVertices);
  } catch (e) {
    if (e instanceof AppError && e.code === 'GEOMETRY_OUTSIDE_CHINA') return null; // maybe Gauss-Krüger numbers: let the parser resolve them
    throw e;
  }
  const name = typeof d.properties?.name === 'string' ? d.properties.name : 'input';
  const describe = once((): ParseResult => {
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const parcels = polys.map((rings, i) => ({
      name: polys.length > 1 ? `${name}-${i + 1}` : name,
      rings,
      vertex_count: rings.reduce((n, r) => n + r.length - 1, 0),
      area_km2: ellipsoidalAreaKm2({ type: 'Polygon', coordinates: rings }),
    }));
    return { format: 'geojson', crs: 4490, parcels, area_km2: parcels.reduce((a, p) => a + p.area_km2, 0), geometry: g, warnings: [] };
  });
  return { geometry: g, describe };
}

/** Read the check's block from an uploaded file or a JSON body; every path validates before SQL. */
export async function readCheckInput(
  src: { file?: { buffer: Buffer; originalname?: string }; body: unknown },
  hints: InputHints,
  limits: ParseLimits,
  maxVertices: number,
): Promise<CheckInput> {
  const parsed = async (buf: Buffer, name: string, h: InputHints): Promise<CheckInput> => {
    const r = await parseUpload(buf, name, h, limits);
    checkGeometry(r.geometry, 'polygon', maxVertices);
    return { geometry: r.geometry, describe: () => r };
  };
  if (src.file) return parsed(src.file.buffer, src.file.originalname ?? '', hints);
  const doc = geojsonOf(src.body);
  const fast = hints.format || hints.zone || hints.crs ? null : lonLatPolygon(doc, maxVertices);
  return fast ?? parsed(Buffer.from(JSON.stringify(doc)), 'input.geojson', { ...hints, format: 'geojson' });
}
