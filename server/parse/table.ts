/**
 * Corner tables (CSV and XLSX rows, whitespace point lists): column roles come from the header (经度/纬度/lon/lat/
 * 东经/北纬/B/L, X/Y, 度/分/秒 columns, 地块/圈号/点号), possibly several coordinate groups per row; without a header,
 * each row is scanned for [label] number number … (①4175560.923 40592990.799 ②…).
 *
 * Nothing is dropped silently: every numeric cell ends in a corner (or is its label, ring number, or an alternate
 * form of it that agrees), in the declared area, or in a warning that names it.
 */
import { badRequest, unprocessable } from '../errors';
import { dmsPartsToDegrees, parseDms } from '../geodesy/dms';
import { gkCrsByEpsg } from '../geodesy/crs';
import { angleRefusal, decidePacked, readAngle, texts, type AngleCell } from './angles';
import { columnLetter, coordColumns, headerGroups, type Group, type Mode } from './columns';
import { refuseOldDatum } from './datum';
import type { ParseLimits } from './limits';
import { VertexBudget } from './limits';
import { warn } from './messages';
import { ENCLOSED, notNumeric, requireNumber, toNumber } from './numbers';
import { splitParts } from './parts';
import { isProjectedPair, lonLatSwapped, resolveGk, swappedLonLatWarning, unsupportedCrs, type PlanarPoint } from './projected';
import type { DeclaredArea, FormatOutput, ParseHints, ParseWarning, RawParcel, RawRing, VertexRef } from './types';

export interface TableRow {
  /** 1-based line (CSV) or row number (XLSX). */
  line: number;
  cells: string[];
}

const unreadable = (message: string, zh: string, details: Record<string, unknown>[] = []) =>
  badRequest('PARSE_UNREADABLE', message, zh, details);

/** A cell that holds a number or an angle (what the "nothing dropped" guarantee counts). */
export const isNumericCell = (s: string) => {
  const t = s.trim();
  return !!t && !ENCLOSED.test(t) && (toNumber(t) !== undefined || !!parseDms(t));
};

/** Rows of notes, totals and areas under (or over) a table. */
const NOTE =
  /^(面积|总面积|合计|总计|共计|小计|备注|说明|注|附注|单位|制表|审核|日期|坐标系|投影|中央经线|中央子午线|带号|高程|total|area|note|sum)/i;

const AREA = /(?:面积|area)[^\d]*?([\d]+(?:\.(\d+))?)\s*(公顷|hm2|hm²|ha|平方千米|平方公里|km2|km²|平方米|m2|m²|亩)?/i;
const UNIT_OF: Record<string, DeclaredArea['unit']> = {
  公顷: 'ha',
  hm2: 'ha',
  'hm²': 'ha',
  ha: 'ha',
  平方千米: 'km2',
  平方公里: 'km2',
  km2: 'km2',
  'km²': 'km2',
  平方米: 'm2',
  m2: 'm2',
  'm²': 'm2',
  亩: 'mu',
};

/** 面积 stated in a note row (with its unit, in the row or its header), if any. */
function declaredIn(text: string, line: number): DeclaredArea | undefined {
  const t = text.normalize('NFKC');
  const m = AREA.exec(t);
  if (!m) return undefined;
  const unitWord = m[3] ?? /(公顷|hm2|hm²|ha|平方千米|平方公里|km2|km²|平方米|m2|m²|亩)/i.exec(t)?.[1];
  if (!unitWord) return undefined;
  return { value: Number(m[1]), unit: UNIT_OF[unitWord.toLowerCase()] ?? UNIT_OF[unitWord], decimals: m[2]?.length ?? 0, line };
}

/** Trailing integer of a point label (J12 → 12, ⑫ → 12, 12 → 12). */
export function labelNumber(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const t = s.trim();
  const c = t.codePointAt(0)!;
  if (c >= 0x2460 && c <= 0x2473) return c - 0x2460 + 1;
  if (c >= 0x3251 && c <= 0x325f) return c - 0x3251 + 21;
  if (c >= 0x32b1 && c <= 0x32bf) return c - 0x32b1 + 36;
  if (c >= 0x2776 && c <= 0x277f) return c - 0x2776 + 1;
  const m = /(\d+)\D*$/.exec(t.normalize('NFKC'));
  return m ? Number(m[1]) : undefined;
}

interface Pending {
  parcel: string;
  ring: number;
  label?: string;
  line: number;
  slot: number;
  row: number;
  /** Primary coordinate texts: [a, b] for pairs, [lonD, lonM, lonS, latD, latM, latS] for D/M/S columns. */
  texts: string[];
  mode: Mode | 'ab';
  group?: Group;
  /** The whole row, for alternate columns. */
  cells: string[];
}

interface Corner {
  parcel: string;
  ring: number;
  a: number;
  b: number;
  ref: VertexRef;
}

/** Split headerless cells into tokens: circled labels off their numbers, whitespace lists into items. */
function tokens(cells: string[]): string[] {
  const out: string[] = [];
  for (const c of cells) {
    const t = c.trim();
    if (!t) continue;
    if (/[°度′″'"]/.test(t) && parseDms(t)) {
      out.push(t);
      continue;
    }
    for (const piece of t.replace(new RegExp(`(${ENCLOSED.source})`, 'g'), ' $1 ').split(/[\s,，;；]+/)) if (piece) out.push(piece);
  }
  return out;
}

const LABEL = /^[A-Za-z]{1,3}[-_]?\d+[A-Za-z]?$/;

export function parseTable(rows: TableRow[], hints: ParseHints, limits: ParseLimits, sourceName: string): FormatOutput {
  const budget = new VertexBudget(limits);
  const warnings: ParseWarning[] = [];
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!nonEmpty.length) throw unreadable('The table is empty', '表格为空');

  // Header: as the cells are, else after splitting whitespace-separated cells (点号 X Y written with blanks).
  let table = nonEmpty;
  let headerIdx = -1;
  let groups: Group[] = [];
  const findHeader = (rs: TableRow[]) => {
    for (let r = 0; r < Math.min(rs.length, 20); r++) {
      const g = headerGroups(rs[r].cells);
      if (g.length) return { r, g };
    }
    return undefined;
  };
  let found = findHeader(table);
  if (!found) {
    const split = nonEmpty.map((r) => ({ line: r.line, cells: tokens(r.cells) }));
    found = findHeader(split);
    if (found) table = split;
  }
  if (found) {
    headerIdx = found.r;
    groups = found.g;
  }
  const header = headerIdx >= 0 ? table[headerIdx].cells : undefined;
  const colName = (i: number) => (header?.[i]?.trim() ? `${columnLetter(i)}(${header[i].trim()})` : columnLetter(i));

  const unused = new Map<number, string[]>(); // line → "C=12.5" items
  const note = (line: number, what: string) => {
    const l = unused.get(line) ?? [];
    l.push(what);
    unused.set(line, l);
  };
  if (header) for (const c of header) refuseOldDatum(c, table[headerIdx].line);
  // Rows above the header: titles and notes. Old datums are refused; numbers are named.
  for (const r of table.slice(0, Math.max(headerIdx, 0))) {
    for (const c of r.cells) refuseOldDatum(c, r.line);
    r.cells.forEach((c, i) => isNumericCell(c) && note(r.line, `${columnLetter(i)}=${c.trim()}`));
  }
  const body = headerIdx >= 0 ? table.slice(headerIdx + 1) : table;

  // Point-label columns named like a parcel column (name, 点名, 名称 with J1, J2 …): labels, not parcel names.
  for (const g of groups) {
    const pc = g.cols.parcel;
    if (pc === undefined) continue;
    const pointRows = body.filter((r) => coordColumns(g).some((i) => (r.cells[i] ?? '').trim()));
    const vals = pointRows.map((r) => (r.cells[pc] ?? '').trim()).filter(Boolean);
    const distinctVals = new Set(vals);
    // on every point row (a parcel name written once per parcel — merged cells — is not a label column)
    const everyRow = vals.length >= 3 && vals.length === pointRows.length;
    const labelLike =
      everyRow && (distinctVals.size === vals.length || vals.every((v) => LABEL.test(v) || /^\d+$/.test(v) || ENCLOSED.test(v)));
    if (labelLike) {
      if (g.cols.point === undefined) g.cols.point = pc;
      delete g.cols.parcel;
    }
  }

  const pending: Pending[] = [];
  const declared: { parcel: string; area: DeclaredArea }[] = [];
  let lastParcel = '';
  const cell = (r: TableRow, i: number | undefined) => (i === undefined ? '' : (r.cells[i] ?? '').trim());

  const noteRow = (r: TableRow, used: Set<number>) => {
    const text = r.cells
      .map((c) => c.trim())
      .filter(Boolean)
      .join(' ');
    refuseOldDatum(text, r.line);
    const area = declaredIn(text, r.line);
    if (area) declared.push({ parcel: lastParcel, area });
    const nums = r.cells.map((c, i) => (!used.has(i) && isNumericCell(c) ? `${colName(i)}=${c.trim()}` : '')).filter(Boolean);
    if (nums.length || area || NOTE.test(text.normalize('NFKC')))
      warnings.push(warn('PARSE_ROW_SKIPPED', { line: r.line, text: text.slice(0, 120) }, { line: r.line }));
  };

  body.forEach((r, rowIdx) => {
    const used = new Set<number>();
    const first =
      r.cells
        .find((c) => c.trim())
        ?.trim()
        .normalize('NFKC') ?? '';
    // a note or total row: its first cell says so and it holds no complete coordinate pair
    const fullPair = groups.some((g) =>
      (g.mode === 'dmsCols' ? [g.cols.lonD, g.cols.latD] : coordColumns(g)).every((i) => isNumericCell(cell(r, i))),
    );
    if (NOTE.test(first) && !fullPair) {
      noteRow(r, used);
      return;
    }
    if (groups.length) {
      let any = false;
      groups.forEach((g, slot) => {
        const cc = coordColumns(g);
        const vals = cc.map((i) => cell(r, i));
        const label = cell(r, g.cols.point);
        if (vals.every((v) => !v)) {
          if (label && vals.length) {
            // a labelled point with no coordinates: half a table
            throw unprocessable('PARSE_NOT_NUMERIC', ...texts('PARSE_POINT_WITHOUT_COORDS', { line: r.line, point: label }), [
              { line: r.line, point: label },
            ]);
          }
          return;
        }
        const cols = g.mode === 'dmsCols' ? [g.cols.lonD, g.cols.latD] : cc;
        for (const k of [0, 1]) {
          const v = cell(r, cols[k]);
          if (!v) {
            const other = cell(r, cols[1 - k]);
            throw badRequest('PARSE_NOT_NUMERIC', ...texts('PARSE_HALF_POINT', { line: r.line, value: other }), [
              { line: r.line, value: other, field: colName(cols[k]!) },
            ]);
          }
        }
        any = true;
        cc.forEach((i) => used.add(i));
        for (const alt of g.alternates) coordColumns(g, alt).forEach((i) => used.add(i));
        for (const k of ['point', 'ring', 'parcel'] as const) if (g.cols[k] !== undefined) used.add(g.cols[k]!);
        const parcelName = cell(r, g.cols.parcel) || lastParcel;
        if (slot === 0) lastParcel = parcelName;
        const ringStr = cell(r, g.cols.ring);
        const ref: VertexRef = { line: r.line, ...(label ? { point: label } : {}) };
        const ring = ringStr ? requireNumber(ringStr, { ...ref, field: '圈号' }) : 1;
        if (!Number.isInteger(ring) || ring < 1) throw notNumeric(ringStr, { ...ref, field: '圈号' });
        budget.addVertex(r.line);
        pending.push({
          parcel: parcelName,
          ring,
          label: label || undefined,
          line: r.line,
          slot,
          row: rowIdx,
          texts: vals,
          mode: g.mode,
          group: g,
          cells: r.cells,
        });
      });
      if (!any) return noteRow(r, used);
      r.cells.forEach((c, i) => !used.has(i) && isNumericCell(c) && note(r.line, `${colName(i)}=${c.trim()}`));
      return;
    }
    // No header: scan [label] a b … per row.
    const toks = tokens(r.cells);
    const numeric = (t: string | undefined) => t !== undefined && !ENCLOSED.test(t) && (toNumber(t) !== undefined || !!parseDms(t));
    const isLabel = (t: string, i: number) =>
      ENCLOSED.test(t) ||
      LABEL.test(t) ||
      (/^\d{1,4}$/.test(t) && (toks.length - i) % 3 === 0 && numeric(toks[i + 1]) && numeric(toks[i + 2]));
    const found: { label?: string; ring?: number; a: string; b: string }[] = [];
    const skipped: string[] = [];
    if (
      toks.length === 4 &&
      !ENCLOSED.test(toks.join('')) &&
      /^\d{1,3}$/.test(toks[1]) &&
      numeric(toks[2]) &&
      numeric(toks[3]) &&
      !numeric(toks[0])
    ) {
      found.push({ label: toks[0], ring: Number(toks[1]), a: toks[2], b: toks[3] }); // 点号, 圈号, X, Y
    } else {
      let i = 0;
      while (i < toks.length) {
        let label: string | undefined;
        if (isLabel(toks[i], i) && numeric(toks[i + 1]) && numeric(toks[i + 2])) label = toks[i++];
        if (numeric(toks[i]) && numeric(toks[i + 1])) {
          found.push({ label, a: toks[i], b: toks[i + 1] });
          i += 2;
        } else if (numeric(toks[i])) {
          if (found.length || toks.slice(i + 1).some((t) => numeric(t)))
            throw badRequest('PARSE_NOT_NUMERIC', ...texts('PARSE_HALF_POINT', { line: r.line, value: toks[i] }), [
              { line: r.line, value: toks[i] },
            ]);
          skipped.push(toks[i++]);
        } else i++;
      }
    }
    if (!found.length) {
      if (skipped.length || NOTE.test(first)) noteRow(r, new Set());
      else refuseOldDatum(toks.join(' '), r.line);
      return;
    }
    found.forEach((f, slot) => {
      budget.addVertex(r.line);
      pending.push({
        parcel: '',
        ring: f.ring ?? 1,
        label: f.label,
        line: r.line,
        slot,
        row: rowIdx,
        texts: [f.a, f.b],
        mode: 'ab',
        cells: [],
      });
    });
  });
  for (const [line, items] of unused) warnings.push(warn('PARSE_CELLS_NOT_USED', { line, cells: items.join(', ') }, { line }));
  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

  if (!pending.length) {
    if (!groups.length)
      throw unreadable(
        'No header (经度/纬度, X/Y …) and no row with two numbers: not a corner table',
        '没有表头（经度/纬度、X/Y 等），也没有含两个数值的行：不是拐点坐标表',
        [{ line: nonEmpty[0].line }],
      );
    throw unreadable('The table has a header but no coordinate rows', '表格只有表头，没有坐标行');
  }

  // Point order: several groups (or points) per row are read group by group or row by row, whichever the labels follow.
  const slots = Math.max(...pending.map((p) => p.slot)) + 1;
  let ordered = pending;
  if (slots > 1) {
    const colMajor = [...pending].sort((a, b) => a.slot - b.slot || a.row - b.row);
    const rowMajor = [...pending].sort((a, b) => a.row - b.row || a.slot - b.slot);
    const score = (list: Pending[]) => {
      let s = 0;
      for (let i = 1; i < list.length; i++) {
        const x = labelNumber(list[i - 1].label);
        const y = labelNumber(list[i].label);
        if (x !== undefined && y !== undefined && (y === x + 1 || (y === 1 && x > 2))) s++;
      }
      return s;
    };
    const labelled = pending.every((p) => labelNumber(p.label) !== undefined);
    const [c, rw] = [score(colMajor), score(rowMajor)];
    const byRows = labelled ? rw > c : !groups.length;
    ordered = byRows ? rowMajor : colMajor;
    if (labelled || !groups.length) {
      if (groups.length > 1)
        warnings.unshift(warn('PARSE_GROUPS_READ', { groups: slots, order: byRows ? 'rows' : 'groups', corners: pending.length }));
    } else warnings.unshift(warn('PARSE_GROUPS_ORDER_ASSUMED', { groups: slots }));
  }

  // Angles: packed ddd.mmss only when the header says so; asked when every value could be either.
  const packedBy = new Map<Group | undefined, boolean>();
  const decideFor = (g: Group | undefined, list: Pending[]) => {
    const cells: AngleCell[] = [];
    for (const p of list) {
      if (p.mode === 'dmsCols') {
        const hasMS = p.group!.cols.lonM !== undefined || p.group!.cols.latM !== undefined;
        if (!hasMS) cells.push({ text: p.texts[0], line: p.line }, { text: p.texts[1] ?? '', line: p.line });
      } else cells.push({ text: p.texts[0], line: p.line }, { text: p.texts[1], line: p.line });
    }
    const style = g ? (Object.values(g.style).find((s) => s === 'dms') ?? Object.values(g.style).find((s) => s === 'decimal')) : undefined;
    const names = g
      ? (g.mode === 'lonlat' ? [g.cols.lon, g.cols.lat] : g.mode === 'dmsCols' ? [g.cols.lonD, g.cols.latD] : coordColumns(g))
          .map((i) => colName(i!))
          .join('/')
      : 'A/B';
    const degreeLike = cells.every((c) => !c.text || Math.abs(toNumber(c.text) ?? 0) <= 360);
    const d = degreeLike ? decidePacked(cells, style, names) : 'decimal';
    if (d === 'dms' && cells.some((c) => /^[+-]?\d{1,3}\.\d+$/.test(c.text.trim()))) {
      const ex = cells.find((c) => /^[+-]?\d{1,3}\.\d+$/.test(c.text.trim()))!;
      warnings.push(
        warn('PARSE_PACKED_DMS', { columns: names, example: ex.text.trim(), value: readAngle(ex.text, true)! }, { line: ex.line }),
      );
    }
    packedBy.set(g, d === 'dms');
  };
  if (groups.length) {
    // one decision for all groups of the same layout: judge their values together
    const all = groups.map((g) => pending.filter((p) => p.group === g));
    const union = all.flat();
    decideFor(groups[0], union);
    for (const g of groups.slice(1)) packedBy.set(g, packedBy.get(groups[0])!);
  } else decideFor(undefined, pending);

  const corners: Corner[] = ordered.map((p) => {
    const packed = packedBy.get(p.group) ?? false;
    const ref: VertexRef = { line: p.line, ...(p.label ? { point: p.label } : {}) };
    let a: number;
    let b: number;
    if (p.mode === 'lonlat') {
      a = readAngle(p.texts[0], packed) ?? fail(angleRefusal(p.texts[0], p.line, '经度'));
      b = readAngle(p.texts[1], packed) ?? fail(angleRefusal(p.texts[1], p.line, '纬度'));
    } else if (p.mode === 'dmsCols') {
      const g = p.group!;
      const parts = (d?: number, m?: number, s?: number, field = '') => {
        const get = (i?: number) => (i === undefined ? '' : (p.texts[coordColumns(g).indexOf(i)] ?? ''));
        if (m === undefined && s === undefined) return readAngle(get(d), packed) ?? fail(angleRefusal(get(d), p.line, field));
        const dv = requireNumber(get(d), { ...ref, field: `${field}度` });
        const mv = get(m) === '' ? 0 : requireNumber(get(m), { ...ref, field: `${field}分` });
        const sv = get(s) === '' ? 0 : requireNumber(get(s), { ...ref, field: `${field}秒` });
        const v = dmsPartsToDegrees(dv, mv, sv);
        if (v === undefined) throw notNumeric(`${dv}°${mv}′${sv}″`, { ...ref, field });
        return v;
      };
      a = parts(g.cols.lonD, g.cols.lonM, g.cols.lonS, '经度');
      b = parts(g.cols.latD, g.cols.latM, g.cols.latS, '纬度');
    } else {
      const field = p.mode === 'ab' ? undefined : 'X';
      a = readAngle(p.texts[0], packed) ?? fail(p.mode === 'ab' ? notNumeric(p.texts[0], ref) : angleRefusal(p.texts[0], p.line, field!));
      b = readAngle(p.texts[1], packed) ?? fail(p.mode === 'ab' ? notNumeric(p.texts[1], ref) : angleRefusal(p.texts[1], p.line, 'Y'));
    }
    return { parcel: p.parcel, ring: p.ring, a, b, ref };
  });

  // Convert to lon/lat.
  const xyLike = ordered.every((p) => p.mode === 'xy' || p.mode === 'xy6' || p.mode === 'ab');
  let crs: number;
  let toLonLat: (c: Corner) => [number, number];
  const projected = xyLike && corners.some((c) => isProjectedPair(c.a, c.b));
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
    const only6 = ordered.every((p) => p.mode === 'xy6');
    const gk = resolveGk(pts, hints, only6 ? { family: '6' } : {});
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
    // lon/lat columns are named; X/Y or unlabelled pairs in degrees: GIS order (lon, lat) unless the ranges say otherwise.
    const pairs = corners.map((c) => [c.a, c.b] as [number, number]);
    const swapped = lonLatSwapped(pairs);
    if (swapped) warnings.push(swappedLonLatWarning());
    crs = hints.crs ?? 4490;
    toLonLat = (c) => (swapped ? [c.b, c.a] : [c.a, c.b]);
  }
  if (groups.some((g) => g.alternates.length)) warnings.push(...checkAlternates(ordered, corners.map(toLonLat), colName));

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
  const raw: RawParcel[] = [...parcels.entries()].flatMap(([name, rings], i) => {
    const nos = [...rings.keys()].sort((a, b) => a - b);
    const pname = name || (parcels.size > 1 ? `${sourceName}-${i + 1}` : sourceName);
    const area =
      declared.find((d) => d.parcel === name || (parcels.size === 1 && !d.parcel))?.area ??
      (parcels.size === 1 ? declared[0]?.area : undefined);
    const parcel: RawParcel = {
      name: pname,
      line: rings.get(nos[0])![0].ref.line,
      ...(area ? { declared: area } : {}),
      rings: nos.map((n): RawRing => {
        const cs = rings.get(n)!;
        return { coords: cs.map(toLonLat), refs: cs.map((c) => c.ref), no: n };
      }),
    };
    return splitParts(parcel, warnings);
  });
  return { crs, parcels: raw, warnings, orientationByConvention: true };
}

function fail(e: Error): never {
  throw e;
}

/** The annex's other coordinate columns (3° and 6° X/Y beside DMS) must name the same corner: ≤ 1 m apart. */
function checkAlternates(list: Pending[], lonlat: [number, number][], colName: (i: number) => string): ParseWarning[] {
  const out: ParseWarning[] = [];
  const byGroup = new Map<Group, number[]>();
  list.forEach((p, i) => p.group && byGroup.set(p.group, [...(byGroup.get(p.group) ?? []), i]));
  for (const [g, idx] of byGroup) {
    for (const alt of g.alternates) {
      const cols = coordColumns(g, alt);
      if (alt === 'lonlat' || alt === 'dmsCols') continue; // degrees beside X/Y: rare; counted as read
      try {
        const at = (i: number, c: number) => (list[i].cells[c] ?? '').trim();
        const pts: PlanarPoint[] = idx.map((i) => ({
          x: requireNumber(at(i, cols[0]), {}),
          y: requireNumber(at(i, cols[1]), {}),
          ref: { line: list[i].line },
        }));
        const gk = resolveGk(pts, {}, alt === 'xy6' ? { family: '6' } : {});
        pts.forEach((p, k) => {
          const [lon, lat] = gk.toLonLat(p);
          const [lon0, lat0] = lonlat[idx[k]];
          const dy = (lat - lat0) * 111_000;
          const dx = (lon - lon0) * 111_000 * Math.cos((lat0 * Math.PI) / 180);
          if (Math.hypot(dx, dy) > 1)
            out.push(
              warn(
                'PARSE_CELLS_NOT_USED',
                {
                  line: p.ref.line!,
                  cells: `${colName(cols[0])}=${p.x}, ${colName(cols[1])}=${p.y} (${Math.hypot(dx, dy).toFixed(1)} m from the corner read)`,
                },
                { line: p.ref.line },
              ),
            );
        });
      } catch {
        out.push(
          warn(
            'PARSE_CELLS_NOT_USED',
            { line: list[idx[0]].line, cells: `${colName(cols[0])}, ${colName(cols[1])} (not convertible; not checked)` },
            { line: list[idx[0]].line },
          ),
        );
      }
    }
  }
  return out;
}
