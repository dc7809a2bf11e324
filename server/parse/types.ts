import type { MultiPolygon, Polygon, Position } from 'geojson';

export const FORMATS = ['guotu-txt', 'csv', 'xlsx', 'geojson', 'kml', 'kmz', 'shp'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface ParseHints {
  /** Overrides content detection. */
  format?: string;
  /** Gauss-Krüger zone (3°: 25–45, 6°: 13–23) for eastings written without their zone prefix. */
  zone?: number;
  /** EPSG code of the input (4490, 4326, 4491–4554). */
  crs?: number;
  /** Central meridian (degrees) for eastings without prefix. */
  centralMeridian?: number;
}

export interface ParseWarning {
  code: string;
  message: string;
  message_zh: string;
  parcel?: number | string;
  point?: number | string;
  line?: number;
}

/** Where a vertex came from, for error details. */
export interface VertexRef {
  line?: number;
  point?: number | string;
}

/** One ring in lon/lat CGCS2000 as read (closed or not, either orientation). */
export interface RawRing {
  coords: [number, number][];
  refs: VertexRef[];
}

/** One parcel as read: rings[0] is the outer ring, the rest are holes. */
export interface RawParcel {
  name: string;
  rings: RawRing[];
  /** Area declared in the file, in hectares (国土 TXT 地块面积). */
  declaredHa?: number;
  line?: number;
}

/** What a format reader hands to validation. */
export interface FormatOutput {
  /** EPSG code of the source coordinates. */
  crs: number;
  parcels: RawParcel[];
  warnings: ParseWarning[];
  /** The format fixes ring orientation (Shapefile: outer clockwise), so re-orienting is not worth a warning. */
  orientationByConvention?: boolean;
}

export interface ParsedParcel {
  name: string;
  /** Closed rings, lon/lat, outer counter-clockwise, holes clockwise (RFC 7946). */
  rings: Position[][];
  /** Distinct corners over all rings (closing vertices not counted). */
  vertex_count: number;
  /** Ellipsoidal CGCS2000 area, km², unrounded. */
  area_km2: number;
}

export interface ParseResult {
  format: FormatName;
  crs: number;
  parcels: ParsedParcel[];
  area_km2: number;
  geometry: Polygon | MultiPolygon;
  warnings: ParseWarning[];
}
