/**
 * The register as CSV for spreadsheets: UTF-8 with BOM (Excel opens it as UTF-8), Chinese headers and
 * Chinese names for every code (server/vocab; the outcome code is kept in its own column),
 * areas in km² to 4 decimals and shares in percent to 2 (RULES.md §7: reported to 4 decimals).
 */
import { csvCell as cell } from '../export/csv-cell';
import { COLLECTIONS, label, labelAny, outcomeLabel } from '../vocab';
import type { RegisterRow } from './register';

const HEADERS = [
  '区块编号',
  '区块名称',
  '矿业权人',
  '图层',
  '要素编号',
  '要素名称',
  '类别',
  '分区',
  '状态',
  '重叠面积(km²)',
  '占区块比例(%)',
  '占要素比例(%)',
  '结论',
  '结论代码',
  '依据',
  '说明',
];

/** A code in Chinese (its vocabulary name), empty when absent. */
const opt = (code: string | null) => (code ? labelAny(code, 'zh') : '');
const pct = (v: number | null) => (v === null ? '' : (v * 100).toFixed(2));

export function registerCsv(rows: RegisterRow[]): string {
  const lines = [HEADERS.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.subject.id,
        r.subject.name,
        r.subject.holder,
        label(COLLECTIONS, r.collection, 'zh'),
        r.id,
        r.name,
        opt(r.category),
        opt(r.zone),
        opt(r.status),
        r.overlap_area_km2.toFixed(4),
        pct(r.share_of_input),
        pct(r.share_of_feature),
        outcomeLabel(r.outcome, 'zh'),
        r.outcome,
        r.basis.map((b) => `${b.rule} ${b.citation}`).join('；'),
        r.basis.flatMap((b) => (b.note ? [`${b.rule}：${b.note.message_zh}`] : [])).join('；'),
      ]
        .map(cell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
