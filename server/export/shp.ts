/**
 * Minimal polygon Shapefile writer (.shp/.shx/.dbf/.prj/.cpg), one record per polygon, zipped with fflate.
 * Shapefile rings: outer clockwise, holes counter-clockwise. Coordinates in EPSG:4490 (default) or a CGCS2000
 * Gauss-Krüger CRS (the .prj is then an ESRI Gauss_Kruger WKT).
 */
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { badRequest } from '../errors';
import { ellipsoidalAreaKm2 } from '../geodesy/area';
import { gkCrsByEpsg, lonLatToGkConverter, type GkCrs } from '../geodesy/crs';
import { type NamedPolygon, signedArea } from './geometry';

export const CGCS2000_GEOGCS_WKT =
  'GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

export function gkPrjWkt(c: GkCrs): string {
  const name =
    c.zone !== undefined ? `CGCS2000_${c.family}_Degree_GK_Zone_${c.zone}` : `CGCS2000_${c.family}_Degree_GK_CM_${c.centralMeridian}E`;
  return (
    `PROJCS["${name}",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],` +
    `PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${c.falseEasting.toFixed(1)}],` +
    `PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${c.centralMeridian.toFixed(1)}],PARAMETER["Scale_Factor",1.0],` +
    `PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`
  );
}

export interface ShpOptions {
  /** 'utf-8' (default) or 'gbk' for the DBF text; written to the .cpg. */
  encoding?: 'utf-8' | 'gbk';
  /** EPSG of the output coordinates: 4490 (default) or 4491–4554. */
  crs?: number;
  /** extra text attributes (DBF C, as wide as the longest value up to 254 bytes; names ≤ 10 ASCII characters), one value per polygon */
  fields?: { name: string; values: string[] }[];
}

export function writeShapefileZip(polys: NamedPolygon[], layer: string, opts: ShpOptions = {}): Uint8Array {
  const gk = opts.crs && opts.crs !== 4490 ? gkCrsByEpsg(opts.crs) : undefined;
  if (opts.crs && opts.crs !== 4490 && !gk)
    throw badRequest(
      'EXPORT_CRS_UNSUPPORTED',
      `Shapefile CRS EPSG:${opts.crs} is not supported (4490 or 4491–4554)`,
      `不支持的 Shapefile 坐标系 EPSG:${opts.crs}`,
    );
  const toGk = gk ? lonLatToGkConverter(gk) : undefined;
  const project = (p: [number, number]): [number, number] => {
    if (!toGk) return p;
    const { x, y } = toGk(p[0], p[1]);
    return [y, x];
  };
  const records = polys.map((p) =>
    p.rings.map((ring, i) => {
      const pts = ring.map(project);
      const cw = signedArea(pts) < 0;
      const oriented = cw === (i === 0) ? pts : pts.slice().reverse();
      return [...oriented, oriented[0]];
    }),
  );
  const bboxOf = (rings: [number, number][][]) => {
    const b = [Infinity, Infinity, -Infinity, -Infinity];
    for (const r of rings)
      for (const [x, y] of r) {
        b[0] = Math.min(b[0], x);
        b[1] = Math.min(b[1], y);
        b[2] = Math.max(b[2], x);
        b[3] = Math.max(b[3], y);
      }
    return b;
  };
  const contentLen = (rings: [number, number][][]) => 44 + 4 * rings.length + 16 * rings.reduce((s, r) => s + r.length, 0);
  const shpLen = 100 + records.reduce((s, r) => s + 8 + contentLen(r), 0);
  const shp = new DataView(new ArrayBuffer(shpLen));
  const shx = new DataView(new ArrayBuffer(100 + 8 * records.length));
  const all = bboxOf(records.flat());
  for (const [view, len] of [
    [shp, shpLen],
    [shx, 100 + 8 * records.length],
  ] as const) {
    view.setInt32(0, 9994);
    view.setInt32(24, len / 2);
    view.setInt32(28, 1000, true);
    view.setInt32(32, 5, true);
    all.forEach((v, i) => view.setFloat64(36 + 8 * i, v, true));
  }
  let off = 100;
  records.forEach((rings, i) => {
    const len = contentLen(rings);
    shx.setInt32(100 + 8 * i, off / 2);
    shx.setInt32(104 + 8 * i, len / 2);
    shp.setInt32(off, i + 1);
    shp.setInt32(off + 4, len / 2);
    let o = off + 8;
    shp.setInt32(o, 5, true);
    bboxOf(rings).forEach((v, k) => shp.setFloat64(o + 4 + 8 * k, v, true));
    shp.setInt32(o + 36, rings.length, true);
    shp.setInt32(
      o + 40,
      rings.reduce((s, r) => s + r.length, 0),
      true,
    );
    o += 44;
    let start = 0;
    for (const r of rings) {
      shp.setInt32(o, start, true);
      o += 4;
      start += r.length;
    }
    for (const r of rings)
      for (const [x, y] of r) {
        shp.setFloat64(o, x, true);
        shp.setFloat64(o + 8, y, true);
        o += 16;
      }
    off += 8 + len;
  });
  const enc = opts.encoding ?? 'utf-8';
  const extra = opts.fields ?? [];
  const dbf = writeDbf(
    polys.map((p, i) => [
      p.name,
      ellipsoidalAreaKm2({ type: 'Polygon', coordinates: p.rings.map((r) => [...r, r[0]]) }).toFixed(8),
      ...extra.map((f) => f.values[i] ?? ''),
    ]),
    enc,
    extra.map((f) => f.name),
  );
  return zipSync({
    [`${layer}.shp`]: new Uint8Array(shp.buffer),
    [`${layer}.shx`]: new Uint8Array(shx.buffer),
    [`${layer}.dbf`]: dbf,
    [`${layer}.prj`]: new TextEncoder().encode(gk ? gkPrjWkt(gk) : CGCS2000_GEOGCS_WKT),
    [`${layer}.cpg`]: new TextEncoder().encode(enc === 'gbk' ? 'GBK' : 'UTF-8'),
  });
}

/** The widest text a DBF C field holds, in bytes (dBASE III). */
export const DBF_TEXT_MAX = 254;

const encodeText = (s: string, enc: 'utf-8' | 'gbk'): Uint8Array => (enc === 'gbk' ? iconv.encode(s, 'gbk') : new TextEncoder().encode(s));

/**
 * A text value in at most `max` bytes of its encoding. A longer value is cut between characters (never inside one:
 * a cut UTF-8 or GBK sequence shows as a wrong character) and ends with "…", so a shortened value never passes for
 * the whole one; the CSV and XLSX exports carry it whole.
 */
export function dbfText(s: string, enc: 'utf-8' | 'gbk', max: number): Uint8Array {
  const whole = encodeText(s, enc);
  if (whole.length <= max) return whole;
  const room = max - encodeText('…', enc).length;
  let kept = '';
  let used = 0;
  for (const ch of s) {
    const n = encodeText(ch, enc).length;
    if (used + n > room) break;
    kept += ch;
    used += n;
  }
  return encodeText(kept + '…', enc);
}

/** The place of AREA_KM2 in a DBF row (after NAME). */
const AREA_FIELD = 1;

/** DBF III with NAME C(254), AREA_KM2 N(20,8) and any extra C fields, each as wide as its longest value (≤ 254 bytes). */
function writeDbf(rows: string[][], enc: 'utf-8' | 'gbk', extra: string[] = []): Uint8Array {
  // NAME and the extra fields are text (cut between characters past 254 bytes); AREA_KM2 a number, never cut
  const cells = rows.map((row) => row.map((v, i) => (i === AREA_FIELD ? encodeText(v, enc) : dbfText(v, enc, DBF_TEXT_MAX))));
  const width = (i: number) => Math.max(1, ...cells.map((c) => c[i].length));
  const fields: [string, 'C' | 'N', number, number][] = [
    ['NAME', 'C', DBF_TEXT_MAX, 0],
    ['AREA_KM2', 'N', 20, 8],
    ...extra.map((n, k): [string, 'C', number, number] => [n.slice(0, 10), 'C', width(AREA_FIELD + 1 + k), 0]),
  ];
  const headerLen = 32 + 32 * fields.length + 1;
  const recLen = 1 + fields.reduce((s, f) => s + f[2], 0);
  const buf = new Uint8Array(headerLen + recLen * rows.length + 1);
  const v = new DataView(buf.buffer);
  const now = new Date();
  buf[0] = 0x03;
  buf[1] = now.getUTCFullYear() - 1900;
  buf[2] = now.getUTCMonth() + 1;
  buf[3] = now.getUTCDate();
  v.setUint32(4, rows.length, true);
  v.setUint16(8, headerLen, true);
  v.setUint16(10, recLen, true);
  buf[29] = enc === 'gbk' ? 0x4d : 0x00;
  fields.forEach(([name, type, len, dec], i) => {
    const o = 32 + 32 * i;
    for (let k = 0; k < name.length; k++) buf[o + k] = name.charCodeAt(k);
    buf[o + 11] = type.charCodeAt(0);
    buf[o + 16] = len;
    buf[o + 17] = dec;
  });
  buf[headerLen - 1] = 0x0d;
  cells.forEach((row, r) => {
    let o = headerLen + r * recLen;
    buf[o++] = 0x20;
    fields.forEach(([, type, len], i) => {
      const bytes = row[i];
      // a number that does not fit its field would be read as another number: refuse rather than cut it
      if (bytes.length > len) throw new Error(`DBF field ${fields[i][0]}: ${bytes.length} bytes in a field of ${len}`);
      const cell = new Uint8Array(len).fill(0x20);
      if (type === 'N') cell.set(bytes, len - bytes.length);
      else cell.set(bytes, 0);
      buf.set(cell, o);
      o += len;
    });
  });
  buf[buf.length - 1] = 0x1a;
  return buf;
}
