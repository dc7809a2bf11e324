/**
 * Zipped Shapefile. The archive is size-checked with fflate before anything is parsed; shpjs reads the .shp
 * geometry *without* reprojection and parsedbf the attributes (with the .cpg, or GBK when the DBF says code
 * page 936 or its bytes are not UTF-8). The .prj is honoured here: CGCS2000 geographic, CGCS2000 Gauss-Krüger
 * (ESRI or OGC WKT, prefixed or not), or any other CRS proj4 can read.
 */
import proj4 from 'proj4';
import { combine, parseDbf, parseShp } from 'shpjs';
import { badRequest, unprocessable } from '../errors';
import { allGkCrs } from '../geodesy/crs';
import { collectPolygons, polygonsToParcels } from './geojson';
import type { ParseLimits } from './limits';
import { VertexBudget } from './limits';
import type { FormatOutput, ParseHints, ParseWarning } from './types';
import { findEntries, safeUnzip } from './zip';

const unreadable = (why: string, details: Record<string, unknown>[] = []) =>
  badRequest('PARSE_UNREADABLE', `Shapefile is unreadable or truncated: ${why}`, `Shapefile 无法读取或不完整：${why}`, details);

/** Map a .cpg / DBF language driver to a WHATWG encoding label. */
export function dbfEncoding(dbf: Uint8Array, cpg?: string): string {
  const c = (cpg ?? '').trim().toLowerCase();
  if (/936|gbk|gb2312|gb18030|cp936/.test(c)) return 'gbk';
  if (/utf-?8|65001/.test(c)) return 'utf-8';
  if (c) return c;
  if (dbf.length > 29 && dbf[29] === 0x4d) return 'gbk';
  // No declaration: UTF-8 if the records decode as UTF-8, else GBK.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf.subarray(Math.min(dbf.length, 32)));
    return 'utf-8';
  } catch {
    return 'gbk';
  }
}

/** Refuse a DBF whose header claims more records than the file holds (parsedbf would loop over them). */
export function checkDbfHeader(dbf: Uint8Array, entry: string): void {
  if (dbf.length < 32) throw unreadable('DBF header truncated', [{ entry }]);
  const v = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const records = v.getUint32(4, true);
  const headerLen = v.getUint16(8, true);
  const recordLen = v.getUint16(10, true);
  if (headerLen < 33 || recordLen < 1 || headerLen + records * recordLen > dbf.length)
    throw unreadable(`DBF header claims ${records} records of ${recordLen} bytes but the file has ${dbf.length} bytes`, [
      { entry, records, recordLen, headerLen, size: dbf.length },
    ]);
}

export type PrjKind =
  | { kind: 'geographic' }
  | { kind: 'gk'; epsg: number }
  | { kind: 'other'; convert: (p: [number, number]) => [number, number]; name: string };

export function interpretPrj(wkt: string): PrjKind {
  if (/xian|beijing|1980|1954|krassowsky|iag.?1975/i.test(wkt) && !/2000/.test(wkt))
    throw unprocessable(
      'PARSE_CRS_UNSUPPORTED',
      'The .prj is Xian 1980 or Beijing 1954, not CGCS2000; convert first (datum shifts are up to ~100 m)',
      '.prj 为西安80或北京54坐标系，不是CGCS2000，请先转换（基准差异可达约100米）',
      [{ prj: wkt.slice(0, 200) }],
    );
  let proj: Record<string, unknown>;
  try {
    proj = proj4.Proj(wkt) as unknown as Record<string, unknown>;
  } catch (e) {
    throw unprocessable('PARSE_CRS_UNSUPPORTED', `The .prj cannot be read: ${(e as Error)?.message ?? e}`, '.prj 坐标系定义无法识别', [
      { prj: wkt.slice(0, 200) },
    ]);
  }
  const projName = String(proj.projName ?? '');
  if (projName === 'longlat') return { kind: 'geographic' };
  const deg = (r: unknown) => (Number(r) * 180) / Math.PI;
  if (
    /tmerc|gauss|etmerc/i.test(projName) &&
    Number(proj.a) === 6378137 &&
    (proj.k0 === undefined || Number(proj.k0) === 1) &&
    !Number(proj.y0) &&
    !Number(proj.lat0)
  ) {
    const cm = Math.round(deg(proj.long0) * 1e6) / 1e6;
    const x0 = Number(proj.x0 ?? 0);
    const match = allGkCrs().find((c) => c.centralMeridian === cm && c.falseEasting === x0);
    if (match) return { kind: 'gk', epsg: match.epsg };
  }
  let conv: proj4.Converter;
  try {
    conv = proj4(wkt, '+proj=longlat +ellps=GRS80 +no_defs');
  } catch (e) {
    throw unprocessable('PARSE_CRS_UNSUPPORTED', `The .prj cannot be used: ${(e as Error)?.message ?? e}`, '.prj 坐标系无法使用', [
      { prj: wkt.slice(0, 200) },
    ]);
  }
  return { kind: 'other', convert: (p) => conv.forward(p) as [number, number], name: /^\w+\["([^"]*)"/.exec(wkt)?.[1] ?? projName };
}

export function parseShapefileZip(buf: Uint8Array, hints: ParseHints, limits: ParseLimits, name: string): FormatOutput {
  const entries = safeUnzip(buf, limits);
  const shps = findEntries(entries, '.shp');
  if (!shps.length) throw unreadable('no .shp in the archive');
  const budget = new VertexBudget(limits);
  const warnings: ParseWarning[] = [];
  const outputs: FormatOutput[] = [];
  const lookup = (base: string, ext: string) => {
    const key = Object.keys(entries).find((k) => k.toLowerCase() === `${base}${ext}`.toLowerCase());
    return key ? entries[key] : undefined;
  };
  for (const shpName of shps) {
    const base = shpName.slice(0, -4);
    const layer = base.split('/').pop() || name;
    const shp = entries[shpName];
    const dbf = lookup(base, '.dbf');
    const cpg = lookup(base, '.cpg');
    const prj = lookup(base, '.prj');
    if (dbf) checkDbfHeader(dbf, `${base}.dbf`);
    let fc: unknown;
    try {
      const geoms = parseShp(new DataView(shp.buffer, shp.byteOffset, shp.byteLength));
      const attrs = dbf
        ? parseDbf(new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength), dbfEncoding(dbf, cpg && new TextDecoder().decode(cpg)))
        : undefined;
      fc = combine([geoms, attrs]);
    } catch (e) {
      throw unreadable(String((e as Error)?.message ?? e).slice(0, 200), [{ entry: shpName }]);
    }
    const polys = collectPolygons(fc, budget, warnings, layer);
    if (!prj) {
      warnings.push({
        code: 'PARSE_NO_PRJ',
        message: `${layer}: no .prj; CRS inferred from the coordinates`,
        message_zh: `${layer}：缺少 .prj，坐标系按坐标值推断`,
      });
      outputs.push(polygonsToParcels(polys, hints, undefined));
      continue;
    }
    const kind = interpretPrj(new TextDecoder().decode(prj));
    if (kind.kind === 'geographic') outputs.push(polygonsToParcels(polys, hints, 4490));
    else if (kind.kind === 'gk') outputs.push(polygonsToParcels(polys, hints, kind.epsg));
    else {
      warnings.push({
        code: 'PARSE_CRS_REPROJECTED',
        message: `${layer}: reprojected from '${kind.name}' with proj4`,
        message_zh: `${layer}：已由“${kind.name}”投影转换`,
      });
      for (const p of polys) for (const r of p.rings) r.pos = r.pos.map(kind.convert);
      outputs.push(polygonsToParcels(polys, { format: hints.format }, 4490));
    }
  }
  const crsSet = new Set(outputs.map((o) => o.crs));
  return {
    crs: crsSet.size === 1 ? outputs[0].crs : 4490,
    parcels: outputs.flatMap((o) => o.parcels),
    warnings: [...warnings, ...outputs.flatMap((o) => o.warnings)],
    orientationByConvention: true,
  };
}
