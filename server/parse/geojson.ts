/**
 * GeoJSON: Feature, FeatureCollection, bare geometry or GeometryCollection. Polygons and MultiPolygons become
 * parcels (one per polygon). Legacy `crs` members naming a CGCS2000 GK code, and projected numbers without one,
 * go through the Gauss-Krüger resolver; lat/lon swaps are detected.
 */
import { badRequest, unprocessable } from '../errors';
import type { ParseLimits } from './limits';
import { VertexBudget } from './limits';
import { notNumeric } from './numbers';
import { isProjectedPair, lonLatSwapped, resolveGk, swappedLonLatWarning, unsupportedCrs, type PlanarPoint } from './projected';
import { gkCrsByEpsg } from '../geodesy/crs';
import type { FormatOutput, ParseHints, ParseWarning, RawParcel, VertexRef } from './types';

interface Poly {
  name: string;
  rings: { pos: [number, number][]; refs: VertexRef[] }[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function nameOf(props: unknown, fallback: string): string {
  if (!isObj(props)) return fallback;
  for (const k of ['name', 'Name', 'NAME', '名称', '地块名称', 'title', 'XMMC', 'KQMC'])
    if (typeof props[k] === 'string' && (props[k] as string).trim()) return (props[k] as string).trim();
  return fallback;
}

export function epsgFromCrsMember(crs: unknown): number | undefined {
  if (!isObj(crs) || !isObj(crs.properties)) return undefined;
  const name = String((crs.properties as Record<string, unknown>).name ?? '');
  if (/CRS84$/i.test(name)) return 4326;
  const m = /EPSG:{1,2}(\d+)$/i.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** Collect polygons from parsed GeoJSON (or a togeojson result). */
export function collectPolygons(doc: unknown, budget: VertexBudget, warnings: ParseWarning[], baseName: string): Poly[] {
  const polys: Poly[] = [];
  let ignored = 0;
  const ringsOf = (coords: unknown, feature: number, polyIdx: number): Poly['rings'] => {
    if (!Array.isArray(coords)) throw badGeom(feature, 'Polygon coordinates are not an array');
    return coords.map((ring, r) => {
      if (!Array.isArray(ring)) throw badGeom(feature, 'ring is not an array');
      const pos: [number, number][] = [];
      const refs: VertexRef[] = [];
      ring.forEach((p: unknown, i: number) => {
        const ref = { point: i + 1, feature: feature + 1, ring: r + 1, polygon: polyIdx + 1 };
        if (!Array.isArray(p) || p.length < 2) throw notNumeric(JSON.stringify(p)?.slice(0, 40), ref);
        const [x, y] = p;
        if (typeof x !== 'number' || !Number.isFinite(x)) throw notNumeric(x, ref);
        if (typeof y !== 'number' || !Number.isFinite(y)) throw notNumeric(y, ref);
        budget.addVertex();
        pos.push([x, y]);
        refs.push({ point: i + 1 });
      });
      return { pos, refs };
    });
  };
  const visitGeometry = (g: unknown, props: unknown, feature: number) => {
    if (g === null) return void ignored++;
    if (!isObj(g) || typeof g.type !== 'string') throw badGeom(feature, 'not a geometry object');
    const name = nameOf(props, baseName);
    switch (g.type) {
      case 'Polygon':
        budget.addParcel();
        polys.push({ name, rings: ringsOf(g.coordinates, feature, 0) });
        return;
      case 'MultiPolygon': {
        if (!Array.isArray(g.coordinates)) throw badGeom(feature, 'MultiPolygon coordinates are not an array');
        const n = g.coordinates.length;
        g.coordinates.forEach((pc: unknown, i: number) => {
          budget.addParcel();
          polys.push({ name: n > 1 ? `${name}-${i + 1}` : name, rings: ringsOf(pc, feature, i) });
        });
        return;
      }
      case 'GeometryCollection':
        if (!Array.isArray(g.geometries)) throw badGeom(feature, 'GeometryCollection without geometries');
        g.geometries.forEach((sub: unknown) => visitGeometry(sub, props, feature));
        return;
      case 'Point':
      case 'MultiPoint':
      case 'LineString':
      case 'MultiLineString':
        ignored++;
        return;
      default:
        throw badGeom(feature, `unknown geometry type '${String(g.type).slice(0, 30)}'`);
    }
  };
  if (!isObj(doc)) throw badRequest('PARSE_UNREADABLE', 'GeoJSON must be an object', 'GeoJSON 必须是对象');
  if (doc.type === 'FeatureCollection') {
    if (!Array.isArray(doc.features))
      throw badRequest('PARSE_UNREADABLE', 'FeatureCollection without features array', 'FeatureCollection 缺少 features 数组');
    doc.features.forEach((f: unknown, i: number) => {
      if (!isObj(f)) throw badGeom(i, 'feature is not an object');
      visitGeometry(f.geometry, f.properties, i);
    });
  } else if (doc.type === 'Feature') visitGeometry(doc.geometry, doc.properties, 0);
  else visitGeometry(doc, undefined, 0);
  if (ignored)
    warnings.push({
      code: 'PARSE_IGNORED_FEATURES',
      message: `${ignored} non-polygon feature(s) ignored`,
      message_zh: `已忽略 ${ignored} 个非面要素`,
    });
  if (!polys.length)
    throw unprocessable('PARSE_TOO_FEW_POINTS', 'No Polygon or MultiPolygon in the file', '文件中没有面（Polygon/MultiPolygon）', [
      { ignored },
    ]);
  return polys;
}

const badGeom = (feature: number, why: string) =>
  badRequest('PARSE_UNREADABLE', `Feature ${feature + 1}: ${why}`, `第 ${feature + 1} 个要素：${why}`, [{ feature: feature + 1 }]);

/**
 * Positions in GIS order (x = easting/lon, y = northing/lat) → lon/lat parcels. `declaredEpsg` comes from a crs
 * member or a .prj; hints override nothing that the data contradicts.
 */
const isGeographic = (epsg: number) => epsg === 4490 || epsg === 4326;

export function polygonsToParcels(polys: Poly[], hints: ParseHints, declaredEpsg: number | undefined): FormatOutput {
  const warnings: ParseWarning[] = [];
  const allPos = polys.flatMap((p) => p.rings.flatMap((r) => r.pos));
  const projected = allPos.some(([a, b]) => isProjectedPair(a, b));
  if (
    hints.crs !== undefined &&
    declaredEpsg !== undefined &&
    hints.crs !== declaredEpsg &&
    !(isGeographic(hints.crs) && isGeographic(declaredEpsg))
  )
    throw unprocessable(
      'PARSE_CRS_MISMATCH',
      `The request says EPSG:${hints.crs} but the file declares EPSG:${declaredEpsg}`,
      `请求指定 EPSG:${hints.crs}，但文件声明为 EPSG:${declaredEpsg}`,
      [{ crs: hints.crs, declared: declaredEpsg }],
    );
  const epsg = declaredEpsg ?? hints.crs;
  if (epsg !== undefined && epsg !== 4490 && epsg !== 4326 && !gkCrsByEpsg(epsg)) throw unsupportedCrs(epsg);
  if (projected) {
    const pts = new Map<[number, number], PlanarPoint>();
    for (const pos of allPos) pts.set(pos, { x: pos[1], y: pos[0], ref: {} });
    const gk = resolveGk([...pts.values()], { ...hints, crs: epsg });
    warnings.push(...gk.warnings);
    return {
      crs: gk.crs.epsg,
      warnings,
      parcels: polys.map((p) => ({
        name: p.name,
        rings: p.rings.map((r) => ({ coords: r.pos.map((pos, i) => gk.toLonLat({ ...pts.get(pos)!, ref: r.refs[i] })), refs: r.refs })),
      })),
    };
  }
  if (epsg !== undefined && gkCrsByEpsg(epsg))
    throw unprocessable(
      'PARSE_CRS_MISMATCH',
      `EPSG:${epsg} is projected but the coordinates are degrees`,
      `坐标系 EPSG:${epsg} 为投影坐标，但坐标为经纬度`,
      [{ crs: epsg }],
    );
  const swapped = lonLatSwapped(allPos);
  if (swapped) warnings.push(swappedLonLatWarning());
  const parcels: RawParcel[] = polys.map((p) => ({
    name: p.name,
    rings: p.rings.map((r) => ({ coords: r.pos.map(([a, b]) => (swapped ? [b, a] : [a, b]) as [number, number]), refs: r.refs })),
  }));
  return { crs: epsg ?? 4490, parcels, warnings };
}

export function parseGeojsonText(text: string, hints: ParseHints, limits: ParseLimits, name: string): FormatOutput {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw badRequest('PARSE_UNREADABLE', `Invalid JSON: ${(e as Error).message}`, `JSON 格式错误：${(e as Error).message}`, [
      { reason: (e as Error).message },
    ]);
  }
  const budget = new VertexBudget(limits);
  const warnings: ParseWarning[] = [];
  const polys = collectPolygons(doc, budget, warnings, name);
  const out = polygonsToParcels(polys, hints, isObj(doc) ? epsgFromCrsMember(doc.crs) : undefined);
  return { ...out, warnings: [...warnings, ...out.warnings] };
}
