/**
 * The synthetic sample block every file in data/samples/ encodes: corners written as a licence would give them,
 * CGCS2000 3° Gauss-Krüger zone 38 (EPSG:4526, CM 114°E), X = northing, Y = easting with the zone prefix, in mm.
 * It lies in Shanxi's 沁水 basin (~112.60–112.69°E, 35.77–35.83°N), about 44 km², with one hole.
 */
import type { Polygon } from 'geojson';
import { gkConverter, gkCrsForZone } from '../../server/geodesy/crs';

export const SAMPLE_NAME = 'SAMPLE 样例区块 (synthetic)';
export const SAMPLE_ZONE = 38;
export const SAMPLE_EPSG = 4526;

/** [X northing, Y easting] per ring, ring 1 outer (clockwise in X/Y as licences list it), ring 2 a hole. */
export const SAMPLE_GK: [number, number][][] = [
  [
    [3966200.125, 38375300.250],
    [3966500.375, 38379800.500],
    [3964100.625, 38382100.750],
    [3960400.875, 38381500.125],
    [3959800.250, 38378200.375],
    [3960900.500, 38374600.625],
    [3963200.750, 38373900.875],
  ],
  [
    [3962800.000, 38377200.000],
    [3963800.000, 38377200.000],
    [3963800.000, 38378400.000],
    [3962800.000, 38378400.000],
  ],
];

/** The same corners in lon/lat CGCS2000 (full double precision), as an RFC 7946 polygon (closed rings). */
export function sampleLonLat(): Polygon {
  const conv = gkConverter(gkCrsForZone(SAMPLE_ZONE)!);
  return {
    type: 'Polygon',
    coordinates: SAMPLE_GK.map((ring) => {
      const r = ring.map(([x, y]) => conv(x, y));
      return [...r, r[0]];
    }),
  };
}
