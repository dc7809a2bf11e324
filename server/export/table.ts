/**
 * One writer for every tabular download (conflicts of a check, search results, deadlines, planner
 * candidates): the same file in four forms, in the user's language.
 *   CSV  UTF-8 with BOM; a header block (key, value) above the table; every text cell through the
 *        formula-injection guard (csv-cell.ts); areas to 4 decimals, shares as percentages
 *   XLSX the same header block and table, numbers as numbers with a display format (0.0000, 0.00%),
 *        text cells guarded, the header row frozen with an auto-filter; optional extra sheets
 *   GeoJSON / Shapefile (zip, .prj, .cpg UTF-8) of the rows that carry a polygon
 * Pure except exceljs. Labels and header texts arrive already in the chosen language.
 */
import ExcelJS from 'exceljs';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { csvCell, formulaGuard } from './csv-cell';
import type { NamedPolygon } from './geometry';
import { writeShapefileZip } from './shp';

/** `m`: metres to the millimetre (Gauss-Krüger X/Y) */
export type ColumnKind = 'text' | 'int' | 'km2' | 'km' | 'm' | 'percent' | 'number';

export interface Column<R> {
  key: keyof R & string;
  /** header text in the chosen language */
  title: string;
  kind?: ColumnKind;
  /** XLSX column width (characters) */
  width?: number;
  /** Shapefile attribute name (≤ 10 ASCII characters); columns without one are not written to the DBF */
  dbf?: string;
}

/** A column with its header in both languages; `localColumns` picks the page's language. */
export type ColumnDef<R> = Omit<Column<R>, 'title'> & { zh: string; en: string };
export const localColumns = <R>(defs: readonly ColumnDef<R>[], lang: 'zh' | 'en'): Column<R>[] =>
  defs.map(({ zh, en, ...c }) => ({ ...c, title: lang === 'zh' ? zh : en }));

export interface TableFile<R> {
  /** first line of the header block (the document's title) */
  title: string;
  /** the header block under the title: (label, value) pairs */
  head: [string, string][];
  sheet: string;
  columns: Column<R>[];
  rows: R[];
  /** further sheets of the workbook (e.g. the article texts); CSV leaves them out */
  extraSheets?: { name: string; header: string[]; rows: (string | number | null)[][]; widths?: number[] }[];
  created?: Date;
}

type Cell = string | number | null | undefined;

/** A cell's text: numbers in the column's format (never guarded: digits, sign, point, %), text as is. */
function cellText(v: unknown, kind: ColumnKind): { text: string; numeric: boolean } {
  if (v === null || v === undefined || v === '') return { text: '', numeric: false };
  if (typeof v !== 'number') return { text: String(v), numeric: false };
  if (!Number.isFinite(v)) return { text: '', numeric: false };
  const text =
    kind === 'km2'
      ? v.toFixed(4)
      : kind === 'km' || kind === 'm'
        ? v.toFixed(3)
        : kind === 'percent'
          ? `${(v * 100).toFixed(2)}%`
          : kind === 'int'
            ? String(Math.round(v))
            : String(v);
  return { text, numeric: true };
}

const csvValue = (v: unknown, kind: ColumnKind) => {
  const c = cellText(v, kind);
  return c.numeric ? c.text : csvCell(c.text);
};

const NUM_FMT: Partial<Record<ColumnKind, string>> = { km2: '0.0000', km: '0.000', m: '0.000', percent: '0.00%', int: '0' };

/** CSV (UTF-8 BOM, CRLF): header block, an empty line, the header row and the rows. */
export function tableCsv<R>(t: TableFile<R>): Buffer {
  const lines = [csvCell(t.title), ...t.head.map(([k, v]) => `${csvCell(k)},${csvCell(v)}`), ''];
  lines.push(t.columns.map((c) => csvCell(c.title)).join(','));
  for (const r of t.rows) lines.push(t.columns.map((c) => csvValue(r[c.key], c.kind ?? 'text')).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** XLSX: the header block in rows 1…, the table below it; numbers stay numbers. */
export async function tableXlsx<R>(t: TableFile<R>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '矿权一张图';
  if (t.created) wb.created = t.created;
  const ws = wb.addWorksheet(t.sheet);
  ws.getCell(1, 1).value = formulaGuard(t.title);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  t.head.forEach(([k, v], i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = formulaGuard(k);
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = formulaGuard(v);
  });
  const top = t.head.length + 3;
  const hdr = ws.getRow(top);
  t.columns.forEach((c, i) => {
    const cell = hdr.getCell(i + 1);
    cell.value = formulaGuard(c.title);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
  });
  t.rows.forEach((r, n) => {
    const row = ws.getRow(top + 1 + n);
    t.columns.forEach((c, i) => {
      const v = r[c.key] as Cell;
      const cell = row.getCell(i + 1);
      if (typeof v === 'number') {
        cell.value = Number.isFinite(v) ? v : null;
        const fmt = NUM_FMT[c.kind ?? 'text'];
        if (fmt) cell.numFmt = fmt;
      } else cell.value = v === null || v === undefined || v === '' ? null : formulaGuard(String(v));
    });
  });
  ws.autoFilter = { from: { row: top, column: 1 }, to: { row: top, column: t.columns.length } };
  ws.views = [{ state: 'frozen', ySplit: top }];
  ws.getColumn(1).width = Math.max(t.columns[0]?.width ?? 8, 16);
  t.columns.forEach((c, i) => {
    if (i > 0) ws.getColumn(i + 1).width = c.width ?? 14;
  });
  for (const x of t.extraSheets ?? []) {
    const s = wb.addWorksheet(x.name);
    s.addRow(x.header.map(formulaGuard)).font = { bold: true };
    for (const r of x.rows) s.addRow(r.map((v) => (typeof v === 'string' ? formulaGuard(v) : v)));
    (x.widths ?? []).forEach((w, i) => (s.getColumn(i + 1).width = w));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Properties of a row for GeoJSON: every column under its key (numbers unrounded), plus `extra`. */
function props<R>(t: TableFile<R>, r: R): Record<string, unknown> {
  return Object.fromEntries(t.columns.map((c) => [c.key, r[c.key] ?? null]));
}

/** GeoJSON FeatureCollection of the rows with a geometry; `meta` goes on the collection (foreign members). */
export function tableGeojson<R>(t: TableFile<R>, geometryOf: (r: R) => Geometry | null, meta: Record<string, unknown> = {}): Buffer {
  const features = t.rows.flatMap((r) => {
    const g = geometryOf(r);
    return g ? [{ type: 'Feature', properties: props(t, r), geometry: g }] : [];
  });
  return Buffer.from(JSON.stringify({ type: 'FeatureCollection', name: t.sheet, ...meta, features }), 'utf8');
}

/** Does any row carry a polygon (the only geometry a polygon Shapefile can hold)? */
export const hasPolygons = <R>(rows: R[], geometryOf: (r: R) => Geometry | null) =>
  rows.some((r) => /Polygon$/.test(geometryOf(r)?.type ?? ''));

/** Zipped polygon Shapefile of the rows with a (Multi)Polygon, one record per polygon part, the `dbf` columns as attributes. */
export function tableShapefile<R>(t: TableFile<R>, geometryOf: (r: R) => Geometry | null, layer: string, nameOf: (r: R) => string): Buffer {
  const cols = t.columns.filter((c) => c.dbf);
  const values = cols.map(() => [] as string[]);
  const polys: NamedPolygon[] = [];
  for (const r of t.rows) {
    const g = geometryOf(r);
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const parts = g.type === 'Polygon' ? [(g as Polygon).coordinates] : (g as MultiPolygon).coordinates;
    for (const rings of parts) {
      const open = rings.map((ring) => ring.slice(0, -1).map(([x, y]) => [x, y] as [number, number])).filter((ring) => ring.length >= 3);
      if (!open.length) continue;
      polys.push({ name: nameOf(r), rings: open });
      cols.forEach((c, i) => {
        const v = cellText(r[c.key], c.kind ?? 'text');
        values[i].push(v.numeric ? v.text : formulaGuard(v.text));
      });
    }
  }
  return Buffer.from(writeShapefileZip(polys, layer, { fields: cols.map((c, i) => ({ name: c.dbf!, values: values[i] })) }));
}
