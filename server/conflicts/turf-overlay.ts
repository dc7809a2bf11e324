/**
 * The overlay in the browser (or anywhere without a database): the same overlaps as the PostGIS engine,
 * by Turf 7 (polyclip-ts), for instant feedback on small inputs. Areas are ellipsoidal (CGCS2000,
 * GeographicLib via server/geodesy/area) like ST_Area(geography), so the two agree to ~1e-9 relative
 * on the same vertices. Turf clipping is ~250× slower than GEOS on large polygons (engineering.md C3):
 * the authoritative answer stays the server's. Pure: no I/O, importable by the client.
 */
import { bbox, featureCollection, intersect, polygon as turfPolygon, multiPolygon as turfMultiPolygon, union } from '@turf/turf';
import type { BBox, Feature, MultiPolygon, Polygon } from 'geojson';
import { ellipsoidalAreaKm2 } from '../geodesy/area';

/** Same threshold as the SQL: a touching pair has no polygonal intersection; slivers below 1e-9 km² are dropped. */
export const MIN_OVERLAP_KM2 = 1e-9;

export interface OverlayFeature {
  collection: string;
  id: string;
  geometry: Polygon | MultiPolygon;
}

export interface TurfOverlap {
  collection: string;
  id: string;
  overlap_area_km2: number;
  geometry: Polygon | MultiPolygon;
}

export interface TurfOverlayResult {
  overlaps: TurfOverlap[];
  /** per collection: area of the union of its overlaps (a place covered twice counts once) */
  union_km2: Record<string, number>;
  input_area_km2: number;
}

const asFeature = (g: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> =>
  g.type === 'Polygon' ? turfPolygon(g.coordinates) : turfMultiPolygon(g.coordinates);

const boxesMeet = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Area of the union of several polygonal geometries, km². */
export function unionAreaKm2(geoms: (Polygon | MultiPolygon)[]): number {
  if (geoms.length === 0) return 0;
  if (geoms.length === 1) return ellipsoidalAreaKm2(geoms[0]);
  const u = union(featureCollection(geoms.map(asFeature)));
  return u ? ellipsoidalAreaKm2(u.geometry) : 0;
}

/** Every overlap of `input` with `features` (bbox prefilter, then Turf intersect), with collection unions. */
export function turfOverlay(input: Polygon | MultiPolygon, features: OverlayFeature[]): TurfOverlayResult {
  const inFeature = asFeature(input);
  const inBox = bbox(inFeature);
  const overlaps: TurfOverlap[] = [];
  for (const f of features) {
    const ff = asFeature(f.geometry);
    if (!boxesMeet(inBox, bbox(ff))) continue;
    const x = intersect(featureCollection([inFeature, ff]));
    if (!x || (x.geometry.type !== 'Polygon' && x.geometry.type !== 'MultiPolygon')) continue;
    const km2 = ellipsoidalAreaKm2(x.geometry);
    if (km2 > MIN_OVERLAP_KM2) overlaps.push({ collection: f.collection, id: f.id, overlap_area_km2: km2, geometry: x.geometry });
  }
  const byCollection = new Map<string, (Polygon | MultiPolygon)[]>();
  for (const o of overlaps) byCollection.set(o.collection, [...(byCollection.get(o.collection) ?? []), o.geometry]);
  const union_km2: Record<string, number> = {};
  for (const [c, gs] of byCollection) union_km2[c] = unionAreaKm2(gs);
  return { overlaps, union_km2, input_area_km2: ellipsoidalAreaKm2(input) };
}
