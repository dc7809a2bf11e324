/**
 * The two parts of an overlap that a document on file covers in part (an agreement, issue 14 item 5; a commitment over a
 * proposed red line, PA-5) — pure, no I/O. The covered part is measured by the SQL; the remaining part is the overlap
 * less it, so C + R = overlap exactly (measuring the remaining polygon itself differs by the geodesic bulge of the
 * edges the document's boundary cuts, ~2e-4 km² for a 34 km² overlap cut once; test/api/agreements.test.ts). Each part
 * carries its area, its shares of the input and of the feature, and its geometry; the caller gives it its outcome.
 */
import { parseGeometry } from './entries';
import type { ConflictEntry } from './types';

/** Below this area (km²) a part is a sliver of the overlay, not an area (the same threshold as the layer queries). */
export const MIN_PART_KM2 = 1e-9;

/** The SQL's cut of one overlap: the covered area and both parts' geometries as GeoJSON text. */
export interface CoverCut {
  covered_geometry: string | null;
  remaining_geometry: string | null;
}

type Part = Pick<ConflictEntry, 'overlap_area_km2' | 'share_of_input' | 'share_of_feature' | 'geometry'>;

export interface CoverParts {
  split: { overlap_km2: number; covered_km2: number; remaining_km2: number };
  covered: Part;
  /** null when the covered part is all of the overlap (the rest is a sliver) */
  remaining: Part | null;
}

export function coverParts(e: ConflictEntry, cut: CoverCut, coveredKm2: number, inputKm2: number, read = parseGeometry): CoverParts {
  const overlap = e.overlap_area_km2;
  const remaining = cut.remaining_geometry ? Math.max(0, overlap - coveredKm2) : 0;
  const featureKm2 = e.share_of_feature ? overlap / e.share_of_feature : null;
  const part = (a: number, g: string | null): Part => ({
    overlap_area_km2: a,
    share_of_input: inputKm2 > 0 ? a / inputKm2 : 0,
    share_of_feature: featureKm2 ? a / featureKm2 : e.share_of_feature,
    geometry: g ? read(g) : null,
  });
  return {
    split: { overlap_km2: overlap, covered_km2: coveredKm2, remaining_km2: remaining },
    covered: part(coveredKm2, cut.covered_geometry),
    remaining: remaining <= MIN_PART_KM2 ? null : part(remaining, cut.remaining_geometry),
  };
}
