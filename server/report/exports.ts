/**
 * A stored check's conflicts as files in the user's language: CSV (UTF-8 BOM) and XLSX with a header
 * block (applicant, application, date, CRS, totals), shares as percentages, a formula-injection guard;
 * GeoJSON and a zipped Shapefile (.prj, .cpg UTF-8) of the overlap geometries. Pure except exceljs.
 */
import type { Geometry } from 'geojson';
import {
  hasPolygons,
  tableCsv,
  tableGeojson,
  tableShapefile,
  tableXlsx,
  localColumns,
  type ColumnDef,
  type TableFile,
} from '../export/table';
import type { CheckRecord } from './check-record';
import { chinaTime } from './format';
import { layerLabel } from './html';
import { onFileLines } from './on-file';
import { crsLine, dataLine } from './list-exports';
import { APPLICATIONS, label, labelAny, MINERALS, OUTCOMES, REGIMES, type Lang } from '../vocab';

const COLUMNS: ColumnDef<ExportRow>[] = [
  { key: 'no', zh: '序号', en: 'No.', kind: 'int', width: 6 },
  { key: 'layer', zh: '图层', en: 'Layer', width: 14, dbf: 'LAYER' },
  { key: 'id', zh: '要素编号', en: 'Feature id', width: 16, dbf: 'FEATURE_ID' },
  { key: 'name', zh: '名称', en: 'Name', width: 30 },
  { key: 'category', zh: '类别', en: 'Category', width: 14 },
  { key: 'zone', zh: '分区', en: 'Zone', width: 12 },
  { key: 'status', zh: '状态', en: 'Status', width: 10 },
  { key: 'holder', zh: '权利人', en: 'Holder', width: 24 },
  { key: 'mineral', zh: '矿种', en: 'Mineral', width: 10 },
  { key: 'overlap_km2', zh: '重叠面积(km²)', en: 'Overlap (km²)', kind: 'km2', width: 14, dbf: 'OVL_KM2' },
  { key: 'length_km', zh: '穿越长度(km)', en: 'Crossing (km)', kind: 'km', width: 12 },
  { key: 'share_of_input', zh: '占申请区', en: 'Share of application', kind: 'percent', width: 12, dbf: 'SHARE_IN' },
  { key: 'share_of_feature', zh: '占对方', en: 'Share of feature', kind: 'percent', width: 12 },
  { key: 'outcome', zh: '结论', en: 'Outcome', width: 22, dbf: 'OUTCOME' },
  { key: 'deductible', zh: '须扣减', en: 'Deductible', width: 8 },
  { key: 'basis', zh: '依据', en: 'Basis', width: 50, dbf: 'BASIS' },
  // not in the Shapefile's DBF: a text field holds 254 bytes at most, and the documents on file run longer (the CSV/XLSX carry them whole)
  { key: 'on_file', zh: '在案文件', en: 'On file', width: 50 },
  { key: 'outcome_code', zh: '结论代码', en: 'Outcome code', width: 24, dbf: 'OUTCOME_CD' },
];

export interface ExportRow {
  no: number;
  layer: string;
  id: string;
  name: string;
  category: string;
  zone: string;
  status: string;
  holder: string;
  mineral: string;
  overlap_km2: number;
  length_km: number | null;
  share_of_input: number;
  share_of_feature: number | null;
  outcome: string;
  deductible: string;
  basis: string;
  /** agreements, written commitments and register flags on file about this overlap (server/report/on-file.ts) */
  on_file: string;
  outcome_code: string;
  geometry: Geometry | null;
}

/** The header block of a check's files: who applied for what, when, in which CRS, and the totals. */
export function headerBlock(r: CheckRecord, lang: Lang): [string, string][] {
  const s = r.inputs.subject;
  const sum = r.results.summary;
  const zh = lang === 'zh';
  return [
    [zh ? '申请人' : 'Applicant', s.applicant ?? '—'],
    [zh ? '申请类型' : 'Application', label(APPLICATIONS, s.application, lang)],
    [zh ? '矿种' : 'Mineral', label(MINERALS, s.mineral, lang)],
    [zh ? '适用规则' : 'Regime', label(REGIMES, s.regime, lang)],
    [zh ? '判定日期' : 'As of', s.as_of],
    [zh ? '出具时间' : 'Issued', chinaTime(r.issued_at)],
    [zh ? '证书编号' : 'Certificate', r.certificate_id],
    crsLine(lang),
    [zh ? '申请面积(km²)' : 'Applied area (km²)', r.results.area_km2.toFixed(4)],
    [zh ? '须扣减面积(km²)' : 'Deductible area (km²)', sum.deductible_area_km2.toFixed(4)],
    [zh ? '扣减后净面积(km²)' : 'Net area (km²)', sum.net_area_km2.toFixed(4)],
    [zh ? '重叠项数' : 'Conflicts', String(r.results.conflicts.length)],
    dataLine(lang),
  ];
}

export function exportRows(r: CheckRecord, lang: Lang): ExportRow[] {
  return r.results.conflicts.map((c, i) => ({
    no: i + 1,
    layer: layerLabel(c, lang),
    id: c.id,
    name: c.name ?? '',
    category: c.category ? labelAny(c.category, lang) : '',
    zone: c.zone ? labelAny(c.zone, lang) : '',
    status: c.status ? labelAny(c.status, lang) : '',
    holder: c.holder ?? '',
    mineral: c.mineral ? label(MINERALS, c.mineral, lang) : '',
    overlap_km2: c.overlap_area_km2,
    length_km: c.length_km ?? null,
    share_of_input: c.share_of_input,
    share_of_feature: c.share_of_feature,
    outcome: label(OUTCOMES, c.outcome, lang),
    deductible: c.deductible ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no',
    basis: c.basis.map((b) => `${b.rule} ${b.citation}`).join(lang === 'zh' ? '；' : '; '),
    on_file: onFileLines(c, lang).join(lang === 'zh' ? '；' : '; '),
    outcome_code: c.outcome,
    geometry: c.geometry,
  }));
}

/** A check's conflicts as one table file (the same for CSV, XLSX, GeoJSON and Shapefile). */
function conflictsTable(r: CheckRecord, lang: Lang): TableFile<ExportRow> {
  const seen = new Set<string>();
  const articles: string[][] = [];
  for (const c of r.results.conflicts)
    for (const b of c.basis)
      if (!seen.has(b.rule)) {
        seen.add(b.rule);
        articles.push([b.rule, b.citation, b.text]);
      }
  return {
    title: lang === 'zh' ? '矿业权申请范围重叠核查结果' : 'Mining-right application: overlap check',
    head: headerBlock(r, lang),
    sheet: lang === 'zh' ? '重叠核查' : 'Conflicts',
    columns: localColumns(COLUMNS, lang),
    rows: exportRows(r, lang),
    created: new Date(r.issued_at),
    extraSheets: [
      {
        name: lang === 'zh' ? '依据条文' : 'Articles',
        header: lang === 'zh' ? ['规则', '依据', '条文'] : ['Rule', 'Article', 'Text'],
        rows: articles,
        widths: [10, 50, 100],
      },
    ],
  };
}

export const conflictsCsv = (r: CheckRecord, lang: Lang): Buffer => tableCsv(conflictsTable(r, lang));
export const conflictsXlsx = (r: CheckRecord, lang: Lang): Promise<Buffer> => tableXlsx(conflictsTable(r, lang));
export const conflictsGeojson = (r: CheckRecord, lang: Lang): Buffer =>
  tableGeojson(conflictsTable(r, lang), (x) => x.geometry, { certificate_id: r.certificate_id });
/** The polygonal overlaps (rights, reserves, protected areas, red lines, containment) as a zipped Shapefile. */
export const conflictsShapefile = (r: CheckRecord, lang: Lang): Buffer =>
  tableShapefile(
    conflictsTable(r, lang),
    (x) => x.geometry,
    'conflicts',
    (x) => x.name || x.id,
  );
export const conflictsHavePolygons = (r: CheckRecord) => hasPolygons(r.results.conflicts, (c) => c.geometry);
