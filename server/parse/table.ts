/**
 * Corner tables (CSV and XLSX rows): column roles come from the header (经度/纬度/lon/lat/东经/北纬, X/Y,
 * 度/分/秒 columns, 地块/圈号/点号) and, where the header is silent or ambiguous, from the value ranges.
 */
import { badRequest, unprocessable } from '../errors';
import { dmsPartsToDegrees, parseDms } from '../geodesy/dms';
import type { ParseLimits } from './limits';
import { VertexBudget } from './limits';
import { notNumeric, requireNumber, toNumber } from './numbers';
import { isProjectedPair, lonLatSwapped, resolveGk, swappedLonLatWarning, unsupportedCrs, type PlanarPoint } from './projected';
import { gkCrsByEpsg } from '../geodesy/crs';
import type { FormatOutput, ParseHints, ParseWarning, RawParcel, VertexRef } from './types';

export interface TableRow {
  /** 1-based line (CSV) or row number (XLSX). */
  line: number;
  cells: string[];
}

type Role = 'parcel' | 'ring' | 'point' | 'lon' | 'lat' | 'lonD' | 'lonM' | 'lonS' | 'latD' | 'latM' | 'latS' | 'x' | 'y' | 'x6' | 'y6';

const norm = (h: string) =>
  h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-()（）[\]【】:：.。"'`°]/g, '');

const ROLE_NAMES: [Role, RegExp][] = [
  ['parcel', /^(地块|地块名称|地块名|名称|区块|区块名称|矿区|矿权|name|parcel|block)$/],
  ['ring', /^(圈号|圈|环|环号|ring|part)$/],
  ['point', /^(序号|点号|拐点|拐点号|拐点编号|界址点|界址点号|编号|点|id|no|pt|point|index)$/],
  ['lonD', /^(经度|东经|lon|lng|longitude|e)(度|d|deg|degree)$/],
  ['lonM', /^(经度|东经|lon|lng|longitude|e)(分|m|min|minute)$/],
  ['lonS', /^(经度|东经|lon|lng|longitude|e)(秒|s|sec|second)$/],
  ['latD', /^(纬度|北纬|lat|latitude|n)(度|d|deg|degree)$/],
  ['latM', /^(纬度|北纬|lat|latitude|n)(分|m|min|minute)$/],
  ['latS', /^(纬度|北纬|lat|latitude|n)(秒|s|sec|second)$/],
  ['lon', /^(经度|东经|lon|lng|long|longitude|e|东经dms|经度dms)$/],
  ['lat', /^(纬度|北纬|lat|latitude|n|北纬dms|纬度dms)$/],
  ['x6', /^(6度带|六度带|6度)(x|x坐标|北坐标|纵坐标)$/],
  ['y6', /^(6度带|六度带|6度)(y|y坐标|东坐标|横坐标)$/],
  ['x', /^(3度带|三度带|3度)?(x|x坐标|北坐标|纵坐标|northing|北|xm)$/],
  ['y', /^(3度带|三度带|3度)?(y|y坐标|东坐标|横坐标|easting|东|ym)$/],
];

function roleOf(header: string): Role | undefined {
  const h = norm(header);
  for (const [role, re] of ROLE_NAMES) if (re.test(h)) return role;
  return undefined;
}

const unreadable = (message: string, zh: string, details: Record<string, unknown>[] = []) =>
  badRequest('PARSE_UNREADABLE', message, zh, details);

interface Columns {
  [k: string]: number | undefined;
}

function findHeader(rows: TableRow[]): { headerIdx: number; cols: Columns } | undefined {
  for (let r = 0; r < Math.min(rows.length, 20); r++) {
    const cols: Columns = {};
    rows[r].cells.forEach((c, i) => {
      const role = roleOf(c);
      if (role && cols[role] === undefined) cols[role] = i;
    });
    const coordRoles = ['lon', 'lat', 'lonD', 'latD', 'x', 'y'].filter((k) => cols[k] !== undefined);
    if (coordRoles.length >= 2) return { headerIdx: r, cols };
  }
  return undefined;
}

/** No header: the last two numeric-looking columns are the coordinates, a leading column the point number. */
function guessColumns(rows: TableRow[]): Columns {
  const first = rows.find((r) => r.cells.some((c) => c.trim()));
  if (!first) throw unreadable('The table is empty', '表格为空');
  const numericIdx = first.cells.map((c, i) => (toNumber(c) !== undefined || parseDms(c) ? i : -1)).filter((i) => i >= 0);
  if (numericIdx.length < 2)
    throw unreadable(
      `Line ${first.line}: no header (经度/纬度, X/Y …) and fewer than two numeric columns`,
      `第 ${first.line} 行：没有表头（经度/纬度、X/Y 等），且数值列少于两列`,
      [{ line: first.line }],
    );
  const a = numericIdx[numericIdx.length - 2];
  const b = numericIdx[numericIdx.length - 1];
  const cols: Columns = { a, b };
  if (numericIdx.length >= 3 && numericIdx[0] < a) cols.point = 0;
  return cols;
}

interface Corner {
  parcel: string;
  ring: number;
  a: number;
  b: number;
  ref: VertexRef;
}

export function parseTable(rows: TableRow[], hints: ParseHints, limits: ParseLimits, sourceName: string): FormatOutput {
  const budget = new VertexBudget(limits);
  const warnings: ParseWarning[] = [];
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!nonEmpty.length) throw unreadable('The table is empty', '表格为空');
  const header = findHeader(nonEmpty);
  const cols = header ? header.cols : guessColumns(nonEmpty);
  const body = header ? nonEmpty.slice(header.headerIdx + 1) : nonEmpty;

  // Which kind of coordinates: degrees (text or D/M/S columns), or X/Y (degrees or metres by range).
  type Mode = 'lonlat' | 'dmsCols' | 'xy' | 'ab';
  const mode: Mode =
    cols.lon !== undefined && cols.lat !== undefined
      ? 'lonlat'
      : cols.lonD !== undefined && cols.latD !== undefined
        ? 'dmsCols'
        : cols.x !== undefined && cols.y !== undefined
          ? 'xy'
          : cols.x6 !== undefined && cols.y6 !== undefined
            ? 'xy'
            : cols.a !== undefined
              ? 'ab'
              : (() => {
                  throw unreadable(
                    'The header names no usable coordinate columns (经度/纬度, X/Y, 度/分/秒)',
                    '表头中没有可用的坐标列（经度/纬度、X/Y、度/分/秒）',
                  );
                })();
  const xCol = cols.x ?? cols.x6;
  const yCol = cols.y ?? cols.y6;

  const cell = (r: TableRow, i: number | undefined) => (i === undefined ? '' : (r.cells[i] ?? '').trim());
  const angle = (r: TableRow, i: number | undefined, field: string) => {
    const s = cell(r, i);
    const v = parseDms(s);
    if (!v) throw notNumeric(s, { line: r.line, field });
    return v.value;
  };
  const dmsCols = (r: TableRow, d?: number, m?: number, s?: number, field = '') => {
    const dv = requireNumber(cell(r, d), { line: r.line, field: `${field}度` });
    const mv = m === undefined || cell(r, m) === '' ? 0 : requireNumber(cell(r, m), { line: r.line, field: `${field}分` });
    const sv = s === undefined || cell(r, s) === '' ? 0 : requireNumber(cell(r, s), { line: r.line, field: `${field}秒` });
    const v = dmsPartsToDegrees(dv, mv, sv);
    if (v === undefined) throw notNumeric(`${dv}°${mv}′${sv}″`, { line: r.line, field });
    return v;
  };

  const corners: Corner[] = [];
  let lastParcel = '';
  for (const r of body) {
    const pointLabel = cell(r, cols.point);
    // Skip trailing notes such as "面积：…" rows that carry no coordinate at all.
    const ref: VertexRef = { line: r.line, ...(pointLabel ? { point: pointLabel } : {}) };
    let a: number;
    let b: number;
    if (mode === 'lonlat') {
      a = angle(r, cols.lon, '经度');
      b = angle(r, cols.lat, '纬度');
    } else if (mode === 'dmsCols') {
      a = dmsCols(r, cols.lonD, cols.lonM, cols.lonS, '经度');
      b = dmsCols(r, cols.latD, cols.latM, cols.latS, '纬度');
    } else if (mode === 'xy') {
      a = requireNumber(cell(r, xCol), ref, 'X');
      b = requireNumber(cell(r, yCol), ref, 'Y');
    } else {
      const sa = cell(r, cols.a);
      const sb = cell(r, cols.b);
      a = toNumber(sa) ?? parseDms(sa)?.value ?? NaN;
      b = toNumber(sb) ?? parseDms(sb)?.value ?? NaN;
      if (!Number.isFinite(a)) throw notNumeric(sa, { ...ref });
      if (!Number.isFinite(b)) throw notNumeric(sb, { ...ref });
    }
    budget.addVertex(r.line);
    const parcelName = cell(r, cols.parcel) || lastParcel;
    lastParcel = parcelName;
    const ringStr = cell(r, cols.ring);
    const ring = ringStr ? requireNumber(ringStr, { ...ref, field: '圈号' }) : 1;
    if (!Number.isInteger(ring) || ring < 1) throw notNumeric(ringStr, { ...ref, field: '圈号' });
    corners.push({ parcel: parcelName, ring, a, b, ref });
  }
  if (!corners.length) throw unreadable('The table has a header but no coordinate rows', '表格只有表头，没有坐标行');

  // Convert to lon/lat.
  let crs = 4490;
  let toLonLat: (c: Corner) => [number, number];
  const projected = mode === 'xy' || mode === 'ab' ? corners.some((c) => isProjectedPair(c.a, c.b)) : false;
  if (projected) {
    if (corners.some((c) => !isProjectedPair(c.a, c.b))) {
      const bad = corners.find((c) => !isProjectedPair(c.a, c.b))!;
      throw unprocessable(
        'PARSE_ZONE_MISMATCH',
        `Line ${bad.ref.line}: degrees mixed with projected metres`,
        `第 ${bad.ref.line} 行：经纬度与投影坐标混用`,
        [{ ...bad.ref, x: bad.a, y: bad.b }],
      );
    }
    const pts: PlanarPoint[] = corners.map((c) => ({ x: c.a, y: c.b, ref: c.ref }));
    const gk = resolveGk(pts, hints, cols.x6 !== undefined && cols.x === undefined ? { family: '6' } : {});
    warnings.push(...gk.warnings);
    crs = gk.crs.epsg;
    const map = new Map(corners.map((c, i) => [c, pts[i]]));
    toLonLat = (c) => gk.toLonLat(map.get(c)!);
  } else {
    if (hints.crs !== undefined && hints.crs !== 4490 && hints.crs !== 4326) {
      if (!gkCrsByEpsg(hints.crs)) throw unsupportedCrs(hints.crs);
      throw unprocessable(
        'PARSE_CRS_MISMATCH',
        `The request says EPSG:${hints.crs} (metres) but the coordinates are degrees`,
        `请求指定 EPSG:${hints.crs}（投影坐标），但坐标是经纬度`,
        [{ ...corners[0].ref }],
      );
    }
    // X/Y or unlabelled pairs in degrees: GIS order (lon, lat) unless the ranges say otherwise.
    const pairs = corners.map((c) => [c.a, c.b] as [number, number]);
    const swapped = lonLatSwapped(pairs);
    if (swapped) warnings.push(swappedLonLatWarning());
    crs = hints.crs ?? 4490;
    toLonLat = (c) => (swapped ? [c.b, c.a] : [c.a, c.b]);
  }

  const parcels = new Map<string, Map<number, Corner[]>>();
  for (const c of corners) {
    let p = parcels.get(c.parcel);
    if (!p) {
      budget.addParcel(c.ref.line);
      parcels.set(c.parcel, (p = new Map()));
    }
    let ring = p.get(c.ring);
    if (!ring) p.set(c.ring, (ring = []));
    ring.push(c);
  }
  const raw: RawParcel[] = [...parcels.entries()].map(([name, rings], i) => {
    const nos = [...rings.keys()].sort((a, b) => a - b);
    if (nos[0] !== 1)
      throw unprocessable('PARSE_TOO_FEW_POINTS', `Parcel '${name}' has no outer ring (圈号 1)`, `地块“${name}”缺少外环（圈号 1）`, [
        { parcel: name },
      ]);
    return {
      name: name || (parcels.size > 1 ? `${sourceName}-${i + 1}` : sourceName),
      line: rings.get(1)![0].ref.line,
      rings: nos.map((n) => {
        const cs = rings.get(n)!;
        return { coords: cs.map(toLonLat), refs: cs.map((c) => c.ref) };
      }),
    };
  });
  return { crs, parcels: raw, warnings };
}
