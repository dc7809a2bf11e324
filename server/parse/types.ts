import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Message, MessageParams } from '../i18n/message';

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
  /** The values that filled the sentence (warnings built with server/i18n/message.ts). */
  params?: MessageParams;
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
  /** The ring's number as written in the file (圈号), when it has one. */
  no?: number;
}

/** An area stated in the file (国土 TXT 地块面积, a table's 面积 row), as written. */
export interface DeclaredArea {
  value: number;
  unit: 'ha' | 'km2' | 'm2' | 'mu';
  /** Decimals as written: the rounding the figure carries. */
  decimals: number;
  line?: number;
}

/** One parcel as read: rings[0] is the outer ring, the rest are holes. */
export interface RawParcel {
  name: string;
  rings: RawRing[];
  /** Area declared in the file, in hectares (国土 TXT 地块面积). Compared by validation with the ellipsoidal area: unused by the readers, which give `declared`. */
  declaredHa?: number;
  /** Area stated in the file for this parcel (or for its `group`), compared like with like (planar Gauss-Krüger). */
  declared?: DeclaredArea;
  /** The 地块 this part belongs to, when one 地块 has several parts (its declared area covers them all). */
  group?: string;
  /** 界址点数 larger than the points listed: kept only if the listed rings close and reproduce the declared area. */
  pointsShort?: { declared: number; found: number; closed: boolean };
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
  /** Planar Gauss-Krüger area (km², unrounded) in `crs`: the file's own projection, else the 3° zone of the parcel. */
  planar_gk?: { area_km2: number; crs: number };
  /** The area the file states, next to the planar and ellipsoidal areas, with the comparison explained. */
  declared_area?: {
    value: number;
    unit: DeclaredArea['unit'];
    area_km2: number;
    line?: number;
    /** Several parts of one 地块: the declared figure covers these parcels together. */
    parts?: string[];
    /** Equal to the planar GK area at the declared figure's rounding. */
    agrees: boolean;
    note: Message;
  };
}

export interface ParseResult {
  format: FormatName;
  crs: number;
  parcels: ParsedParcel[];
  area_km2: number;
  geometry: Polygon | MultiPolygon;
  warnings: ParseWarning[];
}
