/**
 * The page's lists as files, the same way as a check's conflicts (server/export/table.ts): search
 * results (register blocks, with their polygons), deadlines (no geometry) and relinquishment-planner
 * candidates (the retained or the relinquished polygon, and the corner tables of the retained area).
 * Labels come from the one vocabulary (server/vocab). Pure: rows in, table files out.
 */
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { localColumns as cols, type ColumnDef, type TableFile } from '../export/table';
import type { DueItem } from '../lifecycle/deadlines-list';
import type { Candidate, PlanResult } from '../planner';
import { BLOCK_KINDS, DEADLINE_KINDS, label, labelField, MINERALS, REGIMES, STRATEGIES, type Lang } from '../vocab';
import { cornerTable } from './check-model';
import { chinaTime, metres } from './format';
import { txt } from './html';

const Z = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

/** Facts every list file states under its title. */
export interface ListFacts {
  issued_at: string;
  /** when the register last changed, ISO, or null when unknown */
  register_as_at: string | null;
  service: { name: string; version: string };
}

/** The header lines every file shares: when, which data, which CRS, and that the data is synthetic. */
export function commonHead(lang: Lang, f: ListFacts): [string, string][] {
  return [
    [Z(lang, '出具时间', 'Issued'), chinaTime(f.issued_at)],
    [Z(lang, '登记库截至', 'Register as at'), f.register_as_at ? chinaTime(f.register_as_at) : '—'],
    [Z(lang, '服务版本', 'Service'), `${f.service.name} ${f.service.version}`],
    crsLine(lang),
    dataLine(lang),
  ];
}
export const crsLine = (lang: Lang): [string, string] => [
  Z(lang, '坐标系', 'CRS'),
  Z(lang, 'CGCS2000（EPSG:4490），面积为 CGCS2000 椭球面积', 'CGCS2000 (EPSG:4490); areas ellipsoidal on the CGCS2000 ellipsoid'),
];
export const dataLine = (lang: Lang): [string, string] => [
  Z(lang, '数据说明', 'Data'),
  Z(lang, '合成演示数据，非真实矿业权', 'synthetic demonstration data, not real rights'),
];

// ---------------------------------------------------------------- search results

export interface BlockFeature {
  id?: string | number;
  geometry: Geometry | null;
  properties: Record<string, unknown>;
}
export interface BlockRow {
  no: number;
  id: string;
  name: string;
  licence_no: string;
  holder: string;
  kind: string;
  mineral: string;
  status: string;
  valid_from: string;
  valid_to: string;
  area_km2: number | null;
  authority: string;
  basin: string;
  geometry: Geometry | null;
}
const BLOCK_COLUMNS: ColumnDef<BlockRow>[] = [
  { key: 'no', zh: '序号', en: 'No.', kind: 'int', width: 6 },
  { key: 'id', zh: '区块编号', en: 'Block id', width: 12, dbf: 'BLOCK_ID' },
  { key: 'name', zh: '名称', en: 'Name', width: 36 },
  { key: 'licence_no', zh: '许可证号', en: 'Licence no.', width: 24, dbf: 'LICENCE' },
  { key: 'holder', zh: '矿业权人', en: 'Holder', width: 30, dbf: 'HOLDER' },
  { key: 'kind', zh: '类型', en: 'Kind', width: 10, dbf: 'KIND' },
  { key: 'mineral', zh: '矿种', en: 'Mineral', width: 10, dbf: 'MINERAL' },
  { key: 'status', zh: '状态', en: 'Status', width: 10, dbf: 'STATUS' },
  { key: 'valid_from', zh: '有效期起', en: 'Valid from', width: 12, dbf: 'VALID_FROM' },
  { key: 'valid_to', zh: '有效期止', en: 'Valid to', width: 12, dbf: 'VALID_TO' },
  { key: 'area_km2', zh: '登记面积(km²)', en: 'Area (km²)', kind: 'km2', width: 14 },
  { key: 'authority', zh: '登记机关', en: 'Authority', width: 16 },
  { key: 'basin', zh: '盆地', en: 'Basin', width: 14 },
];

export function blocksTable(
  features: BlockFeature[],
  query: { label: string; value: string }[],
  matched: number,
  lang: Lang,
  facts: ListFacts,
): TableFile<BlockRow> {
  const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const rows = features.map((f, i): BlockRow => {
    const p = f.properties;
    const code = (k: string) => (p[k] === null || p[k] === undefined || p[k] === '' ? '' : labelField('blocks', k, p[k], lang));
    return {
      no: i + 1,
      id: s(f.id ?? p.id),
      name: s(p.name),
      licence_no: s(p.licence_no),
      holder: s(p.holder),
      kind: code('kind'),
      mineral: code('mineral'),
      status: code('status'),
      valid_from: s(p.valid_from),
      valid_to: s(p.valid_to),
      area_km2: p.area_km2 === null || p.area_km2 === undefined ? null : Number(p.area_km2),
      authority: s(p.authority),
      basin: code('basin'),
      geometry: f.geometry,
    };
  });
  return {
    title: Z(lang, '矿业权查询结果', 'Mining-right search results'),
    head: [
      ...query.map((q): [string, string] => [q.label, q.value]),
      [Z(lang, '匹配数', 'Matched'), String(matched)],
      [Z(lang, '本文件行数', 'Rows in this file'), String(rows.length)],
      ...commonHead(lang, facts),
    ],
    sheet: Z(lang, '查询结果', 'Search results'),
    columns: cols(BLOCK_COLUMNS, lang),
    rows,
    created: new Date(facts.issued_at),
  };
}

// ---------------------------------------------------------------- deadlines

export interface DeadlineRow {
  no: number;
  block_id: string;
  name: string;
  licence_no: string;
  holder: string;
  kind: string;
  mineral: string;
  deadline: string;
  date: string;
  days_left: number;
  regime: string;
  rule: string;
  citation: string;
  description: string;
}
const DEADLINE_COLUMNS: ColumnDef<DeadlineRow>[] = [
  { key: 'no', zh: '序号', en: 'No.', kind: 'int', width: 6 },
  { key: 'block_id', zh: '区块编号', en: 'Block id', width: 12 },
  { key: 'name', zh: '名称', en: 'Name', width: 36 },
  { key: 'licence_no', zh: '许可证号', en: 'Licence no.', width: 24 },
  { key: 'holder', zh: '矿业权人', en: 'Holder', width: 30 },
  { key: 'kind', zh: '类型', en: 'Kind', width: 10 },
  { key: 'mineral', zh: '矿种', en: 'Mineral', width: 10 },
  { key: 'deadline', zh: '期限', en: 'Deadline', width: 22 },
  { key: 'date', zh: '截止日期', en: 'Last day', width: 12 },
  { key: 'days_left', zh: '剩余天数', en: 'Days left', kind: 'int', width: 10 },
  { key: 'regime', zh: '适用规则', en: 'Regime', width: 18 },
  { key: 'rule', zh: '规则', en: 'Rule', width: 10 },
  { key: 'citation', zh: '依据', en: 'Article', width: 40 },
  { key: 'description', zh: '说明', en: 'Description', width: 60 },
];

export function deadlinesTable(items: DueItem[], on: string, days: number, lang: Lang, facts: ListFacts): TableFile<DeadlineRow> {
  const rows = items.map((d, i): DeadlineRow => ({
    no: i + 1,
    block_id: d.block_id,
    name: d.name,
    licence_no: d.licence_no ?? '',
    holder: d.holder ?? '',
    kind: label(BLOCK_KINDS, d.kind, lang),
    mineral: label(MINERALS, d.mineral, lang),
    deadline: label(DEADLINE_KINDS, d.deadline, lang),
    date: d.due.date,
    days_left: d.due.days_left,
    regime: label(REGIMES, d.regime, lang),
    rule: d.due.rule,
    citation: d.due.citation,
    description: txt(d.due.description, lang),
  }));
  return {
    title: Z(lang, '矿业权期限提醒', 'Mining-right deadlines'),
    head: [
      [Z(lang, '起算日', 'From'), on],
      [Z(lang, '期限范围', 'Within'), Z(lang, `${days} 天内`, `${days} days`)],
      [Z(lang, '期限项数', 'Deadlines'), String(rows.length)],
      ...commonHead(lang, facts),
    ],
    sheet: Z(lang, '期限提醒', 'Deadlines'),
    columns: cols(DEADLINE_COLUMNS, lang),
    rows,
    created: new Date(facts.issued_at),
  };
}

// ---------------------------------------------------------------- planner candidates

export interface CandidateRow {
  candidate: string;
  strategy: string;
  area_km2: number;
  counted_km2: number;
  retained_area_km2: number;
  contiguous: string;
  straight_edges: number;
  reserves_km2: number;
  producing_wells: number;
  wells: number;
  pipelines_km: number;
  protected_km2: number;
  score: number;
  reasons: string;
  geometry: Polygon | MultiPolygon;
}
const CANDIDATE_COLUMNS: ColumnDef<CandidateRow>[] = [
  { key: 'candidate', zh: '方案', en: 'Candidate', width: 8, dbf: 'CANDIDATE' },
  { key: 'strategy', zh: '切割方式', en: 'Strategy', width: 18, dbf: 'STRATEGY' },
  { key: 'area_km2', zh: '缩减面积(km²)', en: 'Relinquished (km²)', kind: 'km2', width: 14, dbf: 'CUT_KM2' },
  { key: 'counted_km2', zh: '计入核减面积(km²)', en: 'Counted (km²)', kind: 'km2', width: 16, dbf: 'COUNT_KM2' },
  { key: 'retained_area_km2', zh: '保留面积(km²)', en: 'Retained (km²)', kind: 'km2', width: 14, dbf: 'KEEP_KM2' },
  { key: 'contiguous', zh: '保留范围连片', en: 'Retained contiguous', width: 12 },
  { key: 'straight_edges', zh: '新增放样直线', en: 'New cut lines', kind: 'int', width: 12 },
  { key: 'reserves_km2', zh: '涉及探明储量(km²)', en: 'Proven reserves taken (km²)', kind: 'km2', width: 16 },
  { key: 'producing_wells', zh: '涉及生产井', en: 'Producing wells', kind: 'int', width: 10 },
  { key: 'wells', zh: '涉及井数', en: 'Wells', kind: 'int', width: 10 },
  { key: 'pipelines_km', zh: '涉及管线(km)', en: 'Pipelines (km)', kind: 'km', width: 12 },
  { key: 'protected_km2', zh: '保护地及红线(km²)', en: 'Protected areas (km²)', kind: 'km2', width: 16 },
  { key: 'score', zh: '评分', en: 'Score', kind: 'number', width: 8 },
  { key: 'reasons', zh: '说明', en: 'Notes', width: 80 },
];

/** A planner sentence in one language: a Message, or the planner's "中文 / English" text. */
function sentence(x: unknown, lang: Lang): string {
  if (typeof x !== 'string') return txt(x, lang);
  const at = x.indexOf(' / ');
  return at < 0 ? x : lang === 'zh' ? x.slice(0, at) : x.slice(at + 3);
}

export type PlanPart = 'retained' | 'relinquished';

export function candidatesTable(
  plan: PlanResult & { block_id: string },
  block: { name: string; area_km2: number },
  part: PlanPart,
  lang: Lang,
  facts: ListFacts,
): TableFile<CandidateRow> {
  const rows = plan.candidates.map((c: Candidate): CandidateRow => ({
    candidate: c.id,
    strategy: label(STRATEGIES, c.strategy, lang),
    area_km2: c.area_km2,
    counted_km2: c.counted_km2,
    retained_area_km2: c.retained_area_km2,
    contiguous: c.contiguous_retained ? Z(lang, '是', 'yes') : Z(lang, '否', 'no'),
    straight_edges: c.straight_edges,
    reserves_km2: c.touches.reserves_km2,
    producing_wells: c.touches.producing_wells,
    wells: c.touches.wells,
    pipelines_km: c.touches.pipelines_km,
    protected_km2: c.touches.protected_km2,
    score: c.score,
    reasons: c.reasons.map((r) => sentence(r, lang)).join(lang === 'zh' ? '；' : '; '),
    geometry: part === 'retained' ? c.retained : c.geometry,
  }));
  // the annex wants the corners of the retained area: one table per candidate, GK of the block's 3° zone
  const corners: (string | number)[][] = [];
  for (const c of plan.candidates) {
    const t = cornerTable(c.retained, `${block.name} ${c.id}`);
    for (const r of t.rows) corners.push([c.id, r.parcel, r.ring, r.n, metres(r.x), metres(r.y), r.lon, r.lat, `EPSG:${t.epsg}`]);
  }
  return {
    title: Z(lang, '延续登记缩减范围方案', 'Relinquishment candidates for the extension'),
    head: [
      [Z(lang, '区块', 'Block'), `${block.name}（${plan.block_id}）`],
      [Z(lang, '登记面积(km²)', 'Licensed area (km²)'), block.area_km2.toFixed(4)],
      [Z(lang, '应缩减面积(km²)', 'Area to relinquish (km²)'), plan.required_km2.toFixed(4)],
      [Z(lang, '先行扣除的保护地及红线(km²)', 'Protected areas deducted first (km²)'), plan.protected_km2.toFixed(4)],
      [
        Z(lang, '图形', 'Geometry'),
        part === 'retained' ? Z(lang, '延续后保留范围', 'area retained') : Z(lang, '缩减（退出）范围', 'area relinquished'),
      ],
      ...plan.warnings.map((w): [string, string] => [Z(lang, '提示', 'Warning'), txt(w, lang)]),
      ...commonHead(lang, facts),
    ],
    sheet: Z(lang, '缩减方案', 'Candidates'),
    columns: cols(CANDIDATE_COLUMNS, lang),
    rows,
    created: new Date(facts.issued_at),
    extraSheets: [
      {
        name: Z(lang, '保留范围拐点坐标', 'Retained corners'),
        header:
          lang === 'zh'
            ? ['方案', '地块', '圈号', '点号', 'X(m)', 'Y(m)', '经度', '纬度', '坐标系']
            : ['Candidate', 'Parcel', 'Ring', 'No.', 'X (m)', 'Y (m)', 'Longitude', 'Latitude', 'CRS'],
        rows: corners,
        widths: [8, 24, 6, 6, 16, 16, 18, 18, 12],
      },
    ],
  };
}
