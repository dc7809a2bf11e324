import { kinks } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import { unprocessable, type ErrorDetail } from '../errors';
import type { GeometryKind } from './collections';

/** China's extent, generously (lon 73–136, lat 3–54). A point outside it is a coordinate error here. */
const CHINA = { minLon: 73, maxLon: 136, minLat: 3, maxLat: 54 };

const TYPES: Record<GeometryKind, string[]> = {
  polygon: ['Polygon', 'MultiPolygon'],
  point: ['Point'],
  line: ['LineString', 'MultiLineString'],
};

function checkPosition(p: unknown, where: ErrorDetail): Position {
  if (!Array.isArray(p) || p.length < 2 || !p.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw unprocessable('GEOMETRY_BAD_POSITION', 'A position is not a pair of finite numbers', '坐标不是有效的数值对', [where]);
  }
  const [lon, lat] = p as number[];
  if (lon < CHINA.minLon || lon > CHINA.maxLon || lat < CHINA.minLat || lat > CHINA.maxLat) {
    throw unprocessable(
      'GEOMETRY_OUTSIDE_CHINA',
      `Position ${lon}, ${lat} is outside China: coordinates must be CGCS2000 longitude, latitude`,
      `坐标 ${lon}, ${lat} 不在中国范围内：应为 CGCS2000 经度、纬度`,
      [{ ...where, lon, lat }],
    );
  }
  return p as Position;
}

function checkRing(ring: unknown, polygon: number, ringNo: number): void {
  if (!Array.isArray(ring) || ring.length < 4) {
    throw unprocessable('GEOMETRY_TOO_FEW_POINTS', 'A ring needs at least 3 distinct corners and must be closed',
      '每个环至少需要 3 个不同的界址点并且闭合', [{ parcel: polygon + 1, ring: ringNo + 1 }]);
  }
  ring.forEach((p, i) => checkPosition(p, { parcel: polygon + 1, ring: ringNo + 1, point: i + 1 }));
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    throw unprocessable('GEOMETRY_RING_NOT_CLOSED', 'A ring is not closed (first and last positions differ)',
      '环未闭合（首末点不同）', [{ parcel: polygon + 1, ring: ringNo + 1 }]);
  }
  const distinct = new Set(ring.map((p) => `${(p as number[])[0]},${(p as number[])[1]}`));
  if (distinct.size < 3) {
    throw unprocessable('GEOMETRY_TOO_FEW_POINTS', 'A ring needs at least 3 distinct corners',
      '每个环至少需要 3 个不同的界址点', [{ parcel: polygon + 1, ring: ringNo + 1 }]);
  }
}

/**
 * Validate a GeoJSON geometry before it reaches SQL: type, finite lon/lat inside China,
 * closed rings of ≥ 3 distinct corners, and no self-intersection (reported with its location).
 * The embedded engine can be silent on invalid geometry, so this check runs for both engines.
 */
export function checkGeometry(geometry: unknown, kind: GeometryKind, maxVertices = 200_000): Geometry {
  const g = geometry as Geometry | null;
  if (!g || typeof g !== 'object' || !('type' in g) || !TYPES[kind].includes(g.type)) {
    throw unprocessable('GEOMETRY_WRONG_TYPE', `Geometry must be ${TYPES[kind].join(' or ')}`,
      `几何类型应为 ${TYPES[kind].join(' 或 ')}`, [{ field: 'geometry' }]);
  }
  const coords = (g as { coordinates?: unknown }).coordinates;
  if (!Array.isArray(coords)) {
    throw unprocessable('GEOMETRY_BAD_POSITION', 'Geometry has no coordinates', '几何缺少坐标', [{ field: 'geometry' }]);
  }
  let vertices = 0;
  if (g.type === 'Point') {
    checkPosition(coords, { point: 1 });
    return g;
  }
  if (g.type === 'LineString' || g.type === 'MultiLineString') {
    const lines = (g.type === 'LineString' ? [coords] : coords) as unknown[];
    lines.forEach((line, li) => {
      if (!Array.isArray(line) || line.length < 2) {
        throw unprocessable('GEOMETRY_TOO_FEW_POINTS', 'A line needs at least 2 positions', '线至少需要 2 个点', [{ parcel: li + 1 }]);
      }
      line.forEach((p, i) => checkPosition(p, { parcel: li + 1, point: i + 1 }));
      vertices += line.length;
    });
  } else {
    const polygons = (g.type === 'Polygon' ? [coords] : coords) as unknown[];
    polygons.forEach((poly, pi) => {
      if (!Array.isArray(poly) || poly.length === 0) {
        throw unprocessable('GEOMETRY_TOO_FEW_POINTS', 'A polygon has no ring', '多边形缺少环', [{ parcel: pi + 1 }]);
      }
      poly.forEach((ring, ri) => {
        checkRing(ring, pi, ri);
        vertices += (ring as unknown[]).length;
      });
    });
  }
  if (vertices > maxVertices) {
    throw unprocessable('TOO_MANY_VERTICES', `Geometry has ${vertices} vertices; the limit is ${maxVertices}`,
      `几何有 ${vertices} 个顶点，超过上限 ${maxVertices}`, [{ vertices, limit: maxVertices }]);
  }
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    const k = kinks(g as any);
    if (k.features.length > 0) {
      const [lon, lat] = k.features[0].geometry.coordinates;
      throw unprocessable('GEOMETRY_SELF_INTERSECTION',
        `The boundary crosses itself near ${lon.toFixed(6)}, ${lat.toFixed(6)} (${k.features.length} crossing(s))`,
        `边界自相交，位置约在 ${lon.toFixed(6)}, ${lat.toFixed(6)}（共 ${k.features.length} 处）`,
        k.features.slice(0, 20).map((f) => ({ lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] })));
    }
  }
  return g;
}
