/**
 * Turning Gauss-Krüger X/Y (X = northing, Y = easting, usually with the zone number in front of Y) into lon/lat,
 * with the zone taken from the prefix, the request (zone / crs / central meridian) or the file header — and
 * refused when none of these says it, or when they disagree. Swapped axes are detected from the prefix.
 */
import { badRequest, unprocessable } from '../errors';
import {
  bandHalfWidth,
  CHINA_BOUNDS,
  gkConverter,
  gkCrsByEpsg,
  gkCrsForCentralMeridian,
  gkCrsForZone,
  zonePrefixOf,
  type GkCrs,
  type ZoneFamily,
} from '../geodesy/crs';
import { texts } from './angles';
import type { ParseHints, ParseWarning, VertexRef } from './types';

export interface PlanarPoint {
  /** Northing as labelled in the file (X). */
  x: number;
  /** Easting as labelled in the file (Y). */
  y: number;
  ref: VertexRef;
}

export interface GkResolution {
  crs: GkCrs;
  swapped: boolean;
  warnings: ParseWarning[];
  toLonLat: (p: PlanarPoint) => [number, number];
}

/** What the file itself declares (国土 TXT header 带号 / 几度分带, a .prj). */
export interface DeclaredZone {
  zone?: number;
  family?: ZoneFamily;
}

/** Degrees beyond the band edge accepted (with a warning) for blocks straddling a zone boundary. */
export const ZONE_EDGE_TOLERANCE_DEG = 0.25;

const at = (p: PlanarPoint) => ({ ...p.ref, x: p.x, y: p.y });

const zoneMismatch = (message: string, zh: string, details: Record<string, unknown>[]) =>
  unprocessable('PARSE_ZONE_MISMATCH', message, zh, details);

/** True when a pair of numbers cannot be degrees. */
export const isProjectedPair = (a: number, b: number) => Math.abs(a) > 360 || Math.abs(b) > 360;

/** The GK CRS a request hint names, or undefined; geographic/unknown codes are reported by the caller. */
export function crsFromHint(epsg?: number): GkCrs | undefined {
  return epsg === undefined ? undefined : gkCrsByEpsg(epsg);
}

export function unsupportedCrs(epsg: number) {
  return badRequest(
    'PARSE_CRS_UNSUPPORTED',
    `EPSG:${epsg} is not supported; use 4490 (CGCS2000), 4326 or 4491–4554 (CGCS2000 Gauss-Krüger)`,
    `不支持的坐标系 EPSG:${epsg}；支持 4490（CGCS2000）、4326 及 4491–4554（CGCS2000 高斯-克吕格）`,
    [{ field: 'crs', value: epsg }],
  );
}

export function resolveGk(points: PlanarPoint[], hints: ParseHints, declared: DeclaredZone = {}): GkResolution {
  const warnings: ParseWarning[] = [];
  if (hints.crs !== undefined && hints.crs !== 4490 && hints.crs !== 4326 && !gkCrsByEpsg(hints.crs)) throw unsupportedCrs(hints.crs);
  if (hints.crs === 4490 || hints.crs === 4326)
    throw unprocessable(
      'PARSE_CRS_MISMATCH',
      `The request says EPSG:${hints.crs} (degrees) but the coordinates are projected metres`,
      `请求指定 EPSG:${hints.crs}（经纬度），但坐标是投影坐标（米）`,
      [at(points[0])],
    );
  const n = points.length;
  let yPrefixed = 0;
  let xPrefixed = 0;
  for (const p of points) {
    if (zonePrefixOf(p.y) !== undefined) yPrefixed++;
    if (zonePrefixOf(p.x) !== undefined) xPrefixed++;
  }
  let swapped = false;
  let prefixed = false;
  if (yPrefixed === n && xPrefixed === 0) prefixed = true;
  else if (xPrefixed === n && yPrefixed === 0) prefixed = swapped = true;
  else if (xPrefixed === 0 && yPrefixed === 0) swapped = points.every((p) => p.x < 1e6 && p.y >= 1e6);
  else {
    const bad = points.find((p) => zonePrefixOf(p.y) === undefined) ?? points[0];
    throw zoneMismatch(
      'Some eastings carry a zone prefix and others do not (or X and Y are mixed up)',
      '部分横坐标(Y)带有带号、部分没有（或X/Y混排）',
      [at(bad)],
    );
  }
  const get = (p: PlanarPoint) => (swapped ? { x: p.y, y: p.x } : { x: p.x, y: p.y });
  if (swapped)
    warnings.push({
      code: 'PARSE_AXES_SWAPPED',
      message: 'X and Y were swapped (Y must be the easting with the zone prefix); corrected',
      message_zh: 'X、Y 坐标顺序颠倒（Y 应为带带号的横坐标），已自动更正',
    });

  let crs: GkCrs | undefined;
  if (prefixed) {
    const zones = new Map<number, PlanarPoint>();
    for (const p of points) {
      const z = zonePrefixOf(get(p).y)!;
      if (!zones.has(z)) zones.set(z, p);
    }
    if (zones.size > 1)
      throw zoneMismatch(
        `Points carry different zone prefixes: ${[...zones.keys()].join(', ')}`,
        `坐标中的带号不一致：${[...zones.keys()].join('、')}`,
        [...zones.entries()].map(([zone, p]) => ({ ...at(p), zone })),
      );
    const zone = [...zones.keys()][0];
    crs = gkCrsForZone(zone)!;
    const hinted = crsFromHint(hints.crs);
    const claims: [string, number | undefined][] = [
      ['zone', hints.zone],
      ['crs', hinted?.zone],
      ['带号', declared.zone],
    ];
    for (const [src, z] of claims)
      if (z !== undefined && z !== zone)
        throw zoneMismatch(
          `Coordinates carry zone ${zone} but ${src} says ${z}`,
          `坐标带号为 ${zone}，但${src === '带号' ? '文件头带号' : `参数 ${src}`}为 ${z}`,
          [{ ...at(points[0]), zone, declared: z, source: src }],
        );
    if (hinted && hinted.zone === undefined)
      throw zoneMismatch(
        `Coordinates carry zone prefix ${zone} but EPSG:${hinted.epsg} has none`,
        `坐标带有带号 ${zone}，但 EPSG:${hinted.epsg} 为不带带号的坐标系`,
        [{ ...at(points[0]), zone, crs: hinted.epsg }],
      );
    if (declared.family && declared.family !== crs.family)
      throw zoneMismatch(
        `Zone ${zone} is a ${crs.family}° zone but the file says ${declared.family}° zones`,
        `带号 ${zone} 属于 ${crs.family} 度带，但文件声明为 ${declared.family} 度带`,
        [{ ...at(points[0]), zone, family: declared.family }],
      );
  } else {
    const fromHint = crsFromHint(hints.crs);
    const zone = hints.zone ?? declared.zone;
    if (hints.zone !== undefined && !gkCrsForZone(hints.zone))
      throw badRequest(
        'PARSE_ZONE_UNKNOWN',
        `Zone ${hints.zone} is not a CGCS2000 zone (3°: 25–45, 6°: 13–23)`,
        `带号 ${hints.zone} 无效（3度带 25–45，6度带 13–23）`,
        [{ field: 'zone', value: hints.zone }],
      );
    if (fromHint) crs = gkCrsForCentralMeridian(fromHint.centralMeridian, fromHint.family);
    else if (zone !== undefined && gkCrsForZone(zone)) {
      const z = gkCrsForZone(zone)!;
      crs = gkCrsForCentralMeridian(z.centralMeridian, z.family);
    } else if (hints.centralMeridian !== undefined) {
      crs = gkCrsForCentralMeridian(hints.centralMeridian, declared.family);
      if (!crs)
        throw badRequest(
          'PARSE_ZONE_UNKNOWN',
          `Central meridian ${hints.centralMeridian} is not a CGCS2000 GK meridian (75–135, multiple of 3)`,
          `中央经线 ${hints.centralMeridian} 无效（75–135，3 的倍数）`,
          [{ field: 'centralMeridian', value: hints.centralMeridian }],
        );
    }
    if (!crs)
      throw unprocessable('PARSE_ZONE_UNKNOWN', ...texts('PARSE_ZONE_NEEDED'), [
        { ...at(points[0]), accepts: 'zone | crs | centralMeridian' },
      ]);
  }

  const conv = gkConverter(crs);
  const half = bandHalfWidth(crs);
  let edgeWarned = false;
  const toLonLat = (p: PlanarPoint): [number, number] => {
    const { x, y } = get(p);
    const [lon, lat] = conv(x, y);
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || lat < CHINA_BOUNDS.minLat - 10 || lat > CHINA_BOUNDS.maxLat + 10)
      throw unprocessable(
        'PARSE_OUTSIDE_CHINA',
        `Point does not project to a place in China in EPSG:${crs!.epsg} (X must be the northing, Y the easting)`,
        `该点在 EPSG:${crs!.epsg} 中无法投影到中国境内（X 应为纵坐标/北，Y 为横坐标/东）`,
        [at(p)],
      );
    const off = Math.abs(lon - crs!.centralMeridian);
    if (off > half + ZONE_EDGE_TOLERANCE_DEG)
      throw zoneMismatch(
        `Point lies ${off.toFixed(3)}° from the central meridian ${crs!.centralMeridian}°E, outside the ${crs!.family}° band of EPSG:${crs!.epsg}`,
        `该点距中央经线 ${crs!.centralMeridian}° ${off.toFixed(3)}°，超出 EPSG:${crs!.epsg} 的 ${crs!.family} 度带范围`,
        [{ ...at(p), lon, lat, centralMeridian: crs!.centralMeridian }],
      );
    if (off > half && !edgeWarned) {
      edgeWarned = true;
      warnings.push({
        code: 'PARSE_ZONE_EDGE',
        message: `Some points lie just outside the band of EPSG:${crs!.epsg} (≤ ${ZONE_EDGE_TOLERANCE_DEG}°)`,
        message_zh: `部分点略超出 EPSG:${crs!.epsg} 的带边界（≤ ${ZONE_EDGE_TOLERANCE_DEG}°）`,
        ...(p.ref.point !== undefined ? { point: p.ref.point } : {}),
        ...(p.ref.line !== undefined ? { line: p.ref.line } : {}),
      });
    }
    return [lon, lat];
  };
  return { crs, swapped, warnings, toLonLat };
}

/** Pairs read as (lon, lat): true when every one is clearly (lat, lon) instead. */
export function lonLatSwapped(pairs: [number, number][]): boolean {
  const isLon = (v: number) => v >= CHINA_BOUNDS.minLon && v <= CHINA_BOUNDS.maxLon;
  const isLat = (v: number) => v >= CHINA_BOUNDS.minLat && v <= CHINA_BOUNDS.maxLat;
  return pairs.length > 0 && pairs.every(([a, b]) => isLat(a) && isLon(b)) && !pairs.every(([a, b]) => isLon(a) && isLat(b));
}

export const swappedLonLatWarning = (): ParseWarning => ({
  code: 'PARSE_AXES_SWAPPED',
  message: 'Longitude and latitude were swapped; corrected',
  message_zh: '经度、纬度顺序颠倒，已自动更正',
});
