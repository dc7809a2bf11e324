/**
 * The one geometry validator, used by file parsing (server/parse/validate.ts builds parcels with it), conflict
 * checks and feature writes (checkGeometry), all of them in the upload worker (server/work). One stable code
 * per reason:
 *
 *   GEOMETRY_WRONG_TYPE         not the geometry type the layer holds
 *   GEOMETRY_BAD_POSITION       a position that is not a pair of finite numbers
 *   GEOMETRY_OUTSIDE_CHINA      a position outside China (coordinates must be CGCS2000 lon/lat)
 *   GEOMETRY_RING_NOT_CLOSED    a GeoJSON ring whose first and last positions differ
 *   GEOMETRY_TOO_FEW_POINTS     a ring with fewer than 3 distinct corners, a line with fewer than 2 positions
 *   GEOMETRY_SELF_INTERSECTION  edges that cross, overlap or (within a ring) touch, with the corners and place
 *   GEOMETRY_HOLE_OUTSIDE       a hole not inside its outer ring
 *   TOO_MANY_VERTICES (413)     more vertices than MAX_VERTICES
 *
 * The embedded engine can be silent on invalid geometry, so this runs before SQL for both engines.
 */
import type { Geometry, Position } from 'geojson';
import { tooLarge, unprocessable, type ErrorDetail } from '../errors';
import { inChina } from '../geodesy/crs';
import { defineMessages, say, type Message } from '../i18n/message';
import { findCrossings } from './intersections';

export type GeometryKind = 'polygon' | 'point' | 'line';

/** Where a corner came from (file line, point name), for error details. */
export interface CornerRef {
  line?: number;
  point?: number | string;
}

/** A ring as read: corners in lon/lat, closed or not, with where each came from. */
export interface RingInput {
  coords: [number, number][];
  refs: CornerRef[];
}

/** A ring cleaned: no closing corner, no repeated consecutive corners (those are listed in `repeated`). */
export interface CleanRing {
  coords: [number, number][];
  refs: CornerRef[];
  repeated: { index: number; ref: CornerRef }[];
}

const SAY = defineMessages({
  GEOMETRY_WRONG_TYPE: {
    en: (p: { expected: string }) => `Geometry must be ${p.expected.replace('|', ' or ')}`,
    zh: (p: { expected: string }) => `几何类型应为 ${p.expected.replace('|', ' 或 ')}`,
  },
  GEOMETRY_NO_COORDINATES: { en: () => 'Geometry has no coordinates', zh: () => '几何缺少坐标' },
  GEOMETRY_BAD_POSITION: {
    en: (p: { point: string | number }) => `Point ${p.point} is not a pair of finite numbers`,
    zh: (p: { point: string | number }) => `第 ${p.point} 点坐标不是有限数值对`,
  },
  GEOMETRY_OUTSIDE_CHINA: {
    en: (p: { point: string | number; lon: number; lat: number }) =>
      `Point ${p.point} (${p.lon}, ${p.lat}) is outside China: coordinates must be CGCS2000 longitude, latitude`,
    zh: (p: { point: string | number; lon: number; lat: number }) =>
      `第 ${p.point} 点（${p.lon}, ${p.lat}）不在中国范围内：应为 CGCS2000 经度、纬度`,
  },
  GEOMETRY_RING_NOT_CLOSED: {
    en: (p: { parcel: string | number; ring: number }) =>
      `Parcel ${p.parcel} ring ${p.ring} is not closed (first and last positions differ)`,
    zh: (p: { parcel: string | number; ring: number }) => `地块 ${p.parcel} 第 ${p.ring} 圈未闭合（首末点不同）`,
  },
  GEOMETRY_TOO_FEW_POINTS: {
    en: (p: { parcel: string | number; ring: number; corners: number }) =>
      `Parcel ${p.parcel} ring ${p.ring} has ${p.corners} distinct corners; at least 3 are needed`,
    zh: (p: { parcel: string | number; ring: number; corners: number }) =>
      `地块 ${p.parcel} 第 ${p.ring} 圈只有 ${p.corners} 个不同的拐点，至少需要 3 个`,
  },
  GEOMETRY_LINE_TOO_SHORT: {
    en: (p: { line: number }) => `Line ${p.line} needs at least 2 positions`,
    zh: (p: { line: number }) => `第 ${p.line} 条线至少需要 2 个点`,
  },
  GEOMETRY_NO_RING: {
    en: (p: { parcel: number }) => `Polygon ${p.parcel} has no ring`,
    zh: (p: { parcel: number }) => `第 ${p.parcel} 个多边形缺少环`,
  },
  GEOMETRY_SELF_INTERSECTION: {
    en: (p: { parcel: string | number; edge: string; other_edge: string; lon: string; lat: string; count: number }) =>
      `Parcel ${p.parcel} intersects itself: edge ${p.edge} meets edge ${p.other_edge} near (${p.lon}, ${p.lat}) (${p.count} finding(s))`,
    zh: (p: { parcel: string | number; edge: string; other_edge: string; lon: string; lat: string; count: number }) =>
      `地块 ${p.parcel} 自相交：边 ${p.edge} 与边 ${p.other_edge} 相交于 (${p.lon}, ${p.lat}) 附近（共 ${p.count} 处）`,
  },
  GEOMETRY_HOLE_OUTSIDE: {
    en: (p: { parcel: string | number; ring: number }) => `Parcel ${p.parcel} ring ${p.ring} (a hole) lies outside ring 1`,
    zh: (p: { parcel: string | number; ring: number }) => `地块 ${p.parcel} 第 ${p.ring} 圈（内环）不在第 1 圈之内`,
  },
  TOO_MANY_VERTICES: {
    en: (p: { vertices: number; limit: number }) => `Geometry has ${p.vertices} vertices; the limit is ${p.limit}`,
    zh: (p: { vertices: number; limit: number }) => `几何有 ${p.vertices} 个顶点，超过上限 ${p.limit}`,
  },
});

const refuse = (m: Message, details: ErrorDetail[], status: 413 | 422 = 422) =>
  status === 413 ? tooLarge(m.code, m.message, m.message_zh, details) : unprocessable(m.code, m.message, m.message_zh, details);
/** A parcel as named in messages: “'name'” for files, its number for GeoJSON. */
const parcelName = (p: string | number) => (typeof p === 'string' ? `'${p}'` : p);
const label = (ref: CornerRef | undefined, i: number) => ref?.point ?? i + 1;
const withLine = (ref: CornerRef | undefined) => (ref?.line ? { line: ref.line } : {});

/** One position: a pair of finite numbers inside China. */
export function checkPosition(c: unknown, ref: CornerRef | undefined, i: number, where: ErrorDetail): [number, number] {
  const point = label(ref, i);
  if (
    !Array.isArray(c) ||
    c.length < 2 ||
    typeof c[0] !== 'number' ||
    typeof c[1] !== 'number' ||
    !Number.isFinite(c[0]) ||
    !Number.isFinite(c[1])
  )
    throw refuse(say(SAY, 'GEOMETRY_BAD_POSITION', { point }), [{ ...where, ...withLine(ref), point }]);
  const [lon, lat] = c as [number, number];
  if (!inChina(lon, lat))
    throw refuse(say(SAY, 'GEOMETRY_OUTSIDE_CHINA', { point, lon, lat }), [{ ...where, ...withLine(ref), point, lon, lat }]);
  return [lon, lat];
}

/**
 * Check a ring's positions and clean it: repeated consecutive corners and the closing corner(s) are dropped,
 * and at least 3 distinct corners must remain. `parcel` and `ring` (1-based) name it in errors.
 */
export function cleanRing(ring: RingInput, parcel: string | number, ringNo: number): CleanRing {
  const coords: [number, number][] = [];
  const refs: CornerRef[] = [];
  const repeated: CleanRing['repeated'] = [];
  ring.coords.forEach((c, i) => {
    const ref = ring.refs[i] ?? {};
    const p = checkPosition(c, ref, i, { parcel, ring: ringNo });
    const prev = coords[coords.length - 1];
    if (prev && prev[0] === p[0] && prev[1] === p[1]) {
      repeated.push({ index: i, ref });
      return;
    }
    coords.push(p);
    refs.push(ref);
  });
  while (coords.length > 1 && coords[0][0] === coords[coords.length - 1][0] && coords[0][1] === coords[coords.length - 1][1]) {
    coords.pop();
    refs.pop();
  }
  if (coords.length < 3)
    throw refuse(say(SAY, 'GEOMETRY_TOO_FEW_POINTS', { parcel: parcelName(parcel), ring: ringNo, corners: coords.length }), [
      { parcel, ring: ringNo, corners: coords.length, ...withLine(ring.refs[0]) },
    ]);
  return { coords, refs, repeated };
}

function pointInRing(p: [number, number], ring: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function onBoundary(p: [number, number], ring: [number, number][]): boolean {
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    const cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
    if (
      cross === 0 &&
      Math.min(a[0], b[0]) <= p[0] &&
      p[0] <= Math.max(a[0], b[0]) &&
      Math.min(a[1], b[1]) <= p[1] &&
      p[1] <= Math.max(a[1], b[1])
    )
      return true;
  }
  return false;
}

/**
 * The rings of one parcel (cleaned; rings[0] outer, the rest holes) must not cross, overlap or (within a ring)
 * touch themselves, and every hole must lie inside the outer ring.
 */
export function checkParcelRings(rings: Pick<CleanRing, 'coords' | 'refs'>[], parcel: string | number): void {
  // O(n log n) on any shape (a sweep); findings listed in ring order when that is cheap, else the sweep's one
  const crossings = findCrossings(rings.map((r) => r.coords));
  if (crossings.length) {
    const edge = (ring: number, i: number) => {
      const r = rings[ring];
      const j = (i + 1) % r.coords.length;
      return `${label(r.refs[i], i)}–${label(r.refs[j], j)}`;
    };
    const first = crossings[0];
    throw refuse(
      say(SAY, 'GEOMETRY_SELF_INTERSECTION', {
        parcel: parcelName(parcel),
        edge: edge(first.a.ring, first.a.i),
        other_edge: edge(first.b.ring, first.b.i),
        lon: first.at[0].toFixed(6),
        lat: first.at[1].toFixed(6),
        count: crossings.length,
      }),
      crossings.map((c) => ({
        parcel,
        ring: c.a.ring + 1,
        point: label(rings[c.a.ring].refs[c.a.i], c.a.i),
        ...withLine(rings[c.a.ring].refs[c.a.i]),
        edge: edge(c.a.ring, c.a.i),
        other_ring: c.b.ring + 1,
        other_point: label(rings[c.b.ring].refs[c.b.i], c.b.i),
        other_edge: edge(c.b.ring, c.b.i),
        kind: c.kind,
        at: c.at,
        lon: c.at[0],
        lat: c.at[1],
      })),
    );
  }
  const outer = rings[0].coords;
  for (let h = 1; h < rings.length; h++) {
    const hole = rings[h].coords;
    const inside = hole.some((p) => pointInRing(p, outer)) && !hole.some((p) => !pointInRing(p, outer) && !onBoundary(p, outer));
    if (!inside)
      throw refuse(say(SAY, 'GEOMETRY_HOLE_OUTSIDE', { parcel: parcelName(parcel), ring: h + 1 }), [
        { parcel, ring: h + 1, point: label(rings[h].refs[0], 0), ...withLine(rings[h].refs[0]) },
      ]);
  }
}

const TYPES: Record<GeometryKind, string[]> = {
  polygon: ['Polygon', 'MultiPolygon'],
  point: ['Point'],
  line: ['LineString', 'MultiLineString'],
};

const arrayOrRefuse = (v: unknown, m: Message, where: ErrorDetail): unknown[] => {
  if (!Array.isArray(v)) throw refuse(m, [where]);
  return v;
};

/**
 * Validate a GeoJSON geometry (feature writes, checks of a GeoJSON body) before it reaches SQL: type, finite
 * lon/lat inside China, closed rings of ≥ 3 distinct corners, at most `maxVertices`, no self-intersection
 * (with its place) and holes inside their polygon. Parcels are numbered from 1, points by position in the ring.
 */
export function checkGeometry(geometry: unknown, kind: GeometryKind, maxVertices = 200_000): Geometry {
  const g = geometry as Geometry | null;
  if (!g || typeof g !== 'object' || !('type' in g) || !TYPES[kind].includes(g.type))
    throw refuse(say(SAY, 'GEOMETRY_WRONG_TYPE', { expected: TYPES[kind].join('|') }), [{ field: 'geometry' }]);
  const coords = arrayOrRefuse((g as { coordinates?: unknown }).coordinates, say(SAY, 'GEOMETRY_NO_COORDINATES'), { field: 'geometry' });
  if (g.type === 'Point') {
    checkPosition(coords, undefined, 0, {});
    return g;
  }
  let vertices = 0;
  const count = (n: number) => {
    vertices += n;
    if (vertices > maxVertices)
      throw refuse(say(SAY, 'TOO_MANY_VERTICES', { vertices, limit: maxVertices }), [{ vertices, limit: maxVertices }], 413);
  };
  if (g.type === 'LineString' || g.type === 'MultiLineString') {
    const lines = g.type === 'LineString' ? [coords] : coords;
    lines.forEach((line, li) => {
      const l = arrayOrRefuse(line, say(SAY, 'GEOMETRY_LINE_TOO_SHORT', { line: li + 1 }), { parcel: li + 1 });
      if (l.length < 2) throw refuse(say(SAY, 'GEOMETRY_LINE_TOO_SHORT', { line: li + 1 }), [{ parcel: li + 1 }]);
      count(l.length);
      l.forEach((p, i) => checkPosition(p, undefined, i, { parcel: li + 1 }));
    });
    return g;
  }
  const polygons = g.type === 'Polygon' ? [coords] : coords;
  // Structure and counts first (cheap), so a huge input is refused before any geometry work.
  const parsed = polygons.map((poly, pi) => {
    const rings = arrayOrRefuse(poly, say(SAY, 'GEOMETRY_NO_RING', { parcel: pi + 1 }), { parcel: pi + 1 });
    if (!rings.length) throw refuse(say(SAY, 'GEOMETRY_NO_RING', { parcel: pi + 1 }), [{ parcel: pi + 1 }]);
    return rings.map((ring, ri) => {
      const r = arrayOrRefuse(ring, say(SAY, 'GEOMETRY_TOO_FEW_POINTS', { parcel: pi + 1, ring: ri + 1, corners: 0 }), {
        parcel: pi + 1,
        ring: ri + 1,
      });
      count(r.length);
      return r;
    });
  });
  parsed.forEach((rings, pi) => {
    const clean = rings.map((r, ri) => {
      if (r.length < 4) {
        const corners = Math.max(0, r.length - 1);
        throw refuse(say(SAY, 'GEOMETRY_TOO_FEW_POINTS', { parcel: pi + 1, ring: ri + 1, corners }), [
          { parcel: pi + 1, ring: ri + 1, corners },
        ]);
      }
      r.forEach((p, i) => checkPosition(p, undefined, i, { parcel: pi + 1, ring: ri + 1 }));
      const first = r[0] as Position;
      const last = r[r.length - 1] as Position;
      if (first[0] !== last[0] || first[1] !== last[1])
        throw refuse(say(SAY, 'GEOMETRY_RING_NOT_CLOSED', { parcel: pi + 1, ring: ri + 1 }), [{ parcel: pi + 1, ring: ri + 1 }]);
      const input: RingInput = { coords: r as [number, number][], refs: r.map((_, i) => ({ point: i + 1 })) };
      return cleanRing(input, pi + 1, ri + 1);
    });
    checkParcelRings(clean, pi + 1);
  });
  return g;
}
