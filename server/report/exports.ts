/**
 * A stored check's conflicts as files in the user's language: CSV (UTF-8 BOM) and XLSX with a header
 * block (applicant, application, date, CRS, totals), shares as percentages, a formula-injection guard;
 * GeoJSON and a zipped Shapefile (.prj, .cpg UTF-8) of the overlap geometries. Pure except exceljs.
 */
import ExcelJS from 'exceljs';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { writeShapefileZip } from '../export/shp';
import type { NamedPolygon } from '../export/geometry';
import type { CheckRecord } from './check-record';
import { chinaTime } from './format';
import { APPLICATIONS, COLLECTIONS, label, labelAny, MINERALS, OUTCOMES, REGIMES, type Lang } from './labels';

/** Text a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe. */
export const guard = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

const H = {
  zh: [
    '序号',
    '图层',
    '要素编号',
    '名称',
    '类别',
    '分区',
    '状态',
    '权利人',
    '矿种',
    '重叠面积(km²)',
    '穿越长度(km)',
    '占申请区',
    '占对方',
    '结论',
    '须扣减',
    '依据',
    '结论代码',
  ],
  en: [
    'No.',
    'Layer',
    'Feature id',
    'Name',
    'Category',
    'Zone',
    'Status',
    'Holder',
    'Mineral',
    'Overlap (km²)',
    'Crossing (km)',
    'Share of application',
    'Share of feature',
    'Outcome',
    'Deductible',
    'Basis',
    'Outcome code',
  ],
};

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
  outcome_code: string;
}

export function headerBlock(r: CheckRecord, lang: Lang): [string, string][] {
  const s = r.inputs.subject;
  const sum = r.results.summary;
  const zh = lang === 'zh';
  return [
    [zh ? '矿业权申请范围重叠核查结果' : 'Mining-right application: overlap check', ''],
    [zh ? '申请人' : 'Applicant', s.applicant ?? '—'],
    [zh ? '申请类型' : 'Application', label(APPLICATIONS, s.application, lang)],
    [zh ? '矿种' : 'Mineral', label(MINERALS, s.mineral, lang)],
    [zh ? '适用规则' : 'Regime', label(REGIMES, s.regime, lang)],
    [zh ? '判定日期' : 'As of', s.as_of],
    [zh ? '出具时间' : 'Issued', chinaTime(r.issued_at)],
    [zh ? '证书编号' : 'Certificate', r.certificate_id],
    [
      zh ? '坐标系' : 'CRS',
      zh ? 'CGCS2000（EPSG:4490），面积为 CGCS2000 椭球面积' : 'CGCS2000 (EPSG:4490); areas ellipsoidal on the CGCS2000 ellipsoid',
    ],
    [zh ? '申请面积(km²)' : 'Applied area (km²)', r.results.area_km2.toFixed(4)],
    [zh ? '须扣减面积(km²)' : 'Deductible area (km²)', sum.deductible_area_km2.toFixed(4)],
    [zh ? '扣减后净面积(km²)' : 'Net area (km²)', sum.net_area_km2.toFixed(4)],
    [zh ? '重叠项数' : 'Conflicts', String(r.results.conflicts.length)],
    [zh ? '数据说明' : 'Data', zh ? '合成演示数据，非真实矿业权' : 'synthetic demonstration data, not real rights'],
  ];
}

export function exportRows(r: CheckRecord, lang: Lang): ExportRow[] {
  return r.results.conflicts.map((c, i) => ({
    no: i + 1,
    layer: label(COLLECTIONS, c.check ? 'containment' : c.collection, lang),
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
    outcome_code: c.outcome,
  }));
}

const pct = (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(2)}%`);
const csvCell = (v: string) => {
  const s = guard(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function conflictsCsv(r: CheckRecord, lang: Lang): Buffer {
  const lines = headerBlock(r, lang).map(([k, v]) => [k, v].map(csvCell).join(','));
  lines.push('', H[lang].map(csvCell).join(','));
  for (const x of exportRows(r, lang))
    lines.push(
      [
        String(x.no),
        x.layer,
        x.id,
        x.name,
        x.category,
        x.zone,
        x.status,
        x.holder,
        x.mineral,
        x.overlap_km2.toFixed(4),
        x.length_km === null ? '' : x.length_km.toFixed(3),
        pct(x.share_of_input),
        pct(x.share_of_feature),
        x.outcome,
        x.deductible,
        x.basis,
        x.outcome_code,
      ]
        .map(csvCell)
        .join(','),
    );
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function conflictsXlsx(r: CheckRecord, lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '矿权一张图';
  wb.created = new Date(r.issued_at);
  const ws = wb.addWorksheet(lang === 'zh' ? '重叠核查' : 'Conflicts');
  const head = headerBlock(r, lang);
  head.forEach(([k, v], i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = guard(k);
    row.getCell(2).value = guard(v);
    row.getCell(1).font = { bold: true };
  });
  ws.getRow(1).getCell(1).font = { bold: true, size: 14 };
  const top = head.length + 2;
  const hdr = ws.getRow(top);
  H[lang].forEach((h, i) => {
    hdr.getCell(i + 1).value = h;
    hdr.getCell(i + 1).font = { bold: true };
    hdr.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
  });
  exportRows(r, lang).forEach((x, i) => {
    const row = ws.getRow(top + 1 + i);
    const vals: (string | number | null)[] = [
      x.no,
      x.layer,
      x.id,
      x.name,
      x.category,
      x.zone,
      x.status,
      x.holder,
      x.mineral,
      x.overlap_km2,
      x.length_km,
      x.share_of_input,
      x.share_of_feature,
      x.outcome,
      x.deductible,
      x.basis,
      x.outcome_code,
    ];
    vals.forEach((v, k) => (row.getCell(k + 1).value = typeof v === 'string' ? guard(v) : v));
    row.getCell(10).numFmt = '0.0000';
    row.getCell(11).numFmt = '0.000';
    row.getCell(12).numFmt = '0.00%';
    row.getCell(13).numFmt = '0.00%';
  });
  ws.autoFilter = { from: { row: top, column: 1 }, to: { row: top, column: H[lang].length } };
  ws.views = [{ state: 'frozen', ySplit: top }];
  [6, 14, 16, 30, 14, 12, 10, 24, 10, 14, 12, 12, 12, 22, 8, 50, 24].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const rules = wb.addWorksheet(lang === 'zh' ? '依据条文' : 'Articles');
  rules.addRow(lang === 'zh' ? ['规则', '依据', '条文'] : ['Rule', 'Article', 'Text']).font = { bold: true };
  const seen = new Set<string>();
  for (const c of r.results.conflicts)
    for (const b of c.basis) if (!seen.has(b.rule)) (seen.add(b.rule), rules.addRow([b.rule, guard(b.citation), guard(b.text)]));
  rules.getColumn(2).width = 50;
  rules.getColumn(3).width = 100;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function featureProps(r: CheckRecord, lang: Lang) {
  const rows = exportRows(r, lang);
  return r.results.conflicts.map((c, i) => ({
    id: c.id,
    collection: c.collection,
    name: c.name,
    category: c.category,
    zone: c.zone,
    status: c.status,
    holder: c.holder,
    overlap_area_km2: c.overlap_area_km2,
    length_km: c.length_km ?? null,
    share_of_input: c.share_of_input,
    share_of_feature: c.share_of_feature,
    outcome: c.outcome,
    outcome_label: rows[i].outcome,
    deductible: c.deductible,
    basis: rows[i].basis,
  }));
}

export function conflictsGeojson(r: CheckRecord, lang: Lang): Buffer {
  const props = featureProps(r, lang);
  const features = r.results.conflicts.map((c, i) => ({
    type: 'Feature',
    id: `${c.collection}/${c.id}`,
    properties: props[i],
    geometry: c.geometry,
  }));
  return Buffer.from(JSON.stringify({ type: 'FeatureCollection', certificate_id: r.certificate_id, features }), 'utf8');
}

/** The polygonal overlaps (rights, reserves, protected areas, red lines, containment) as a zipped Shapefile. */
export function conflictsShapefile(r: CheckRecord, lang: Lang): Buffer {
  const rows = exportRows(r, lang);
  const polys: NamedPolygon[] = [];
  const cols = {
    LAYER: [] as string[],
    FEATURE_ID: [] as string[],
    OUTCOME: [] as string[],
    OUTCOME_CD: [] as string[],
    SHARE_IN: [] as string[],
    BASIS: [] as string[],
  };
  r.results.conflicts.forEach((c, i) => {
    const g = c.geometry as Geometry | null;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return;
    const parts = (g as Polygon).type === 'Polygon' ? [(g as Polygon).coordinates] : (g as MultiPolygon).coordinates;
    for (const rings of parts) {
      const open = rings.map((ring) => ring.slice(0, -1).map(([x, y]) => [x, y] as [number, number])).filter((ring) => ring.length >= 3);
      if (!open.length) continue;
      polys.push({ name: c.name ?? c.id, rings: open });
      cols.LAYER.push(rows[i].layer);
      cols.FEATURE_ID.push(c.id);
      cols.OUTCOME.push(rows[i].outcome);
      cols.OUTCOME_CD.push(c.outcome);
      cols.SHARE_IN.push(pct(c.share_of_input));
      cols.BASIS.push(c.basis.map((b) => b.rule).join(','));
    }
  });
  return Buffer.from(writeShapefileZip(polys, 'conflicts', { fields: Object.entries(cols).map(([name, values]) => ({ name, values })) }));
}
