import type { Geometry, Position } from 'geojson';
import { unprocessable, type ErrorDetail } from '../errors';
import type { GeometryKind } from './collections';
import { findCrossings } from '../parse/intersections';

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
    throw unprocessable(
      'GEOMETRY_TOO_FEW_POINTS',
      'A ring needs at least 3 distinct corners and must be closed',
      '每个环至少需要 3 个不同的界址点并且闭合',
      [{ parcel: polygon + 1, ring: ringNo + 1 }],
    );
  }
  ring.forEach((p, i) => checkPosition(p, { parcel: polygon + 1, ring: ringNo + 1, point: i + 1 }));
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    throw unprocessable('GEOMETRY_RING_NOT_CLOSED', 'A ring is not closed (first and last positions differ)', '环未闭合（首末点不同）', [
      { parcel: polygon + 1, ring: ringNo + 1 },
    ]);
  }
  const distinct = new Set(ring.map((p) => `${(p as number[])[0]},${(p as number[])[1]}`));
  if (distinct.size < 3) {
    throw unprocessable('GEOMETRY_TOO_FEW_POINTS', 'A ring needs at least 3 distinct corners', '每个环至少需要 3 个不同的界址点', [
      { parcel: polygon + 1, ring: ringNo + 1 },
    ]);
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
    throw unprocessable('GEOMETRY_WRONG_TYPE', `Geometry must be ${TYPES[kind].join(' or ')}`, `几何类型应为 ${TYPES[kind].join(' 或 ')}`, [
      { field: 'geometry' },
    ]);
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
    throw unprocessable(
      'TOO_MANY_VERTICES',
      `Geometry has ${vertices} vertices; the limit is ${maxVertices}`,
      `几何有 ${vertices} 个顶点，超过上限 ${maxVertices}`,
      [{ vertices, limit: maxVertices }],
    );
  }
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    // the parsers' sweep-and-prune segment search (near n log n), not Turf's quadratic kinks
    const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
    polygons.forEach((rings, pi) => {
      const open = rings.map((r) => r.slice(0, -1).map((p) => [p[0], p[1]] as [number, number]));
      const found = findCrossings(open, 20);
      if (!found.length) return;
      const [lon, lat] = found[0].at;
      throw unprocessable(
        'GEOMETRY_SELF_INTERSECTION',
        `The boundary crosses itself near ${lon.toFixed(6)}, ${lat.toFixed(6)} (${found.length} crossing(s))`,
        `边界自相交，位置约在 ${lon.toFixed(6)}, ${lat.toFixed(6)}（共 ${found.length} 处）`,
        found.map((c) => ({
          parcel: pi + 1,
          ring: c.a.ring + 1,
          point: c.a.i + 1,
          other_point: c.b.i + 1,
          kind: c.kind,
          lon: c.at[0],
          lat: c.at[1],
        })),
      );
    });
  }
  return g;
}
