/**
 * The register as CSV for spreadsheets: UTF-8 with BOM (Excel opens it as UTF-8), Chinese headers,
 * areas in km² to 4 decimals and shares in percent to 2 (RULES.md §7: reported to 4 decimals).
 */
import type { RegisterRow } from './register';

const OUTCOME_ZH: Record<string, string> = {
  same_holder: '同一主体（允许）',
  forbidden: '不得重叠',
  requires_agreement: '须同意函或协议',
  requires_commitment: '须提交承诺',
  void: '已失效矿业权（不构成限制）',
  outside_exploration_block: '超出探矿权范围',
  outside_original_area: '超出原登记范围',
  crosses_provincial_border: '跨省',
  deduct: '扣减',
  may_continue: '可继续勘查',
  may_continue_no_expansion: '可继续开采但不得扩大',
  protect_in_place: '不扣减、须避让保护',
  keep_with_commitment: '书面承诺后暂不扣减',
  other_holder_well: '他人井',
  inactive_well: '长停井',
  abandoned_well: '废弃井',
  harmless_crossing_required: '须无害化穿（跨）越',
};

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
];

const cell = (v: unknown) => {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@]/.test(s)) s = `'${s}`; // no formulas from names in a spreadsheet
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const pct = (v: number | null) => (v === null ? '' : (v * 100).toFixed(2));

export function registerCsv(rows: RegisterRow[]): string {
  const lines = [HEADERS.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.subject.id,
        r.subject.name,
        r.subject.holder,
        r.collection,
        r.id,
        r.name,
        r.category,
        r.zone,
        r.status,
        r.overlap_area_km2.toFixed(4),
        pct(r.share_of_input),
        pct(r.share_of_feature),
        OUTCOME_ZH[r.outcome] ?? r.outcome,
        r.outcome,
        r.basis.map((b) => `${b.rule} ${b.citation}`).join('；'),
      ]
        .map(cell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
