/**
 * A stored row's Feature → the published RFC 7946 Feature (pure): the id at the top, no `crs` member in
 * the geometry (RFC 7946 §4 removed it; PostGIS writes one for SRID 4490), and the register's version
 * period as two ISO instants instead of PostgreSQL range text.
 */
import type { Geometry, GeometryCollection } from 'geojson';

/** `["2001-03-08 16:00:00+00",)` (PostgreSQL tstzrange text) → ISO instants; null bounds stay null. */
export function rangeBounds(text: string): { from: string | null; to: string | null } {
  const m = /^[[(]\s*"?([^",]*)"?\s*,\s*"?([^",\])]*)"?\s*[\])]$/.exec(text.trim());
  if (!m) throw new RangeError(`not a range: ${text}`);
  return { from: instant(m[1]), to: instant(m[2]) };
}

/** PostgreSQL timestamptz text (`2001-03-08 16:00:00.123456+00`, `…+05:30`, `infinity`) → ISO 8601 UTC, or null. */
export function instant(s: string): string | null {
  const t = s.trim();
  if (t === '' || /^-?infinity$/i.test(t)) return null;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?([+-]\d{2})(?::?(\d{2}))?(?::?(\d{2}))?$/.exec(t);
  if (!m) throw new RangeError(`not a timestamp: ${s}`);
  const frac = (m[3] ?? '').slice(0, 4).padEnd(m[3] ? 4 : 0, '0');
  const d = new Date(`${m[1]}T${m[2]}${frac}${m[4]}:${m[5] ?? '00'}`);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a timestamp: ${s}`);
  return d.toISOString();
}

/** Stored layers hold points, lines and polygons (never collections); PostGIS may add a `crs` member. */
type StoredGeometry = Exclude<Geometry, GeometryCollection> & { crs?: unknown };

export interface RowFeature {
  type: string;
  geometry: StoredGeometry | null;
  properties: Record<string, unknown> | null;
}

export function toFeature(f: RowFeature) {
  const { id, sys_period, ...properties } = f.properties ?? {};
  let geometry: Exclude<Geometry, GeometryCollection> | null = f.geometry;
  if (f.geometry && 'crs' in f.geometry) {
    const { crs: _crs, ...rest } = f.geometry;
    geometry = rest;
  }
  const recorded = typeof sys_period === 'string' ? rangeBounds(sys_period) : null;
  return {
    type: 'Feature' as const,
    id: String(id),
    geometry,
    properties: recorded ? { ...properties, recorded_from: recorded.from, recorded_to: recorded.to } : properties,
  };
}
