/**
 * The block dossier (档案) and its extension annex (附件) as HTML (pure): the register entry, history,
 * conflicts, the extension assessment with every step's rule, article and arithmetic, money in 元, and
 * the annex with the licensed area before and after (corner tables, comparison map).
 */
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import type { AsSeen } from '../auth/visibility';
import type { StoredBlockAssessment } from '../lifecycle/stored-block';
import { say } from '../i18n/message';
import type { Step } from '../rules/steps';
import { cornerTable, type CheckModel, type CornerTable } from './check-model';
import {
  articlesHtml,
  certificateHtml,
  conflictsHtml,
  sevLabel,
  summaryHtml,
  swatch,
  wellsHtml,
  type CertificateBlock,
} from './check-html';
import { chinaTime, km2, metres, percent, yuan } from './format';
import { esc, REPORT_CSS, txt } from './html';
import {
  ACQUISITION_METHODS,
  APPLICATION_KINDS,
  APPLICATION_STATES,
  BASINS,
  BLOCK_KINDS,
  BLOCK_STATUSES,
  DECISIONS,
  label,
  MINERALS,
  REGIMES,
  RIGHT_FLAG_KINDS,
  STRATEGIES,
  type Lang,
} from '../vocab';
import type { z } from 'zod';
import type { MortgageConsent, RightFlag } from '../contract/records';
import type { AnnexApplication } from './application-annex';
import { mapFigure } from './map-svg';
import type { ReportVisibility } from './visibility';
import { REPORT_SAY } from './messages';

export interface DossierRecord {
  type: 'kq.block-dossier';
  version: 1;
  certificate_id: string;
  issued_at: string;
  service: { name: string; version: string };
  register_as_at: string | null;
  key_id: string;
  verify_url: string;
  as_of: string;
  block: Record<string, unknown> & { id: string; name: string; geometry: Polygon | MultiPolygon; area_km2: number };
  history: Record<string, unknown>[];
  conflicts: { summary: Record<string, unknown>; entries: Record<string, unknown>[] };
  /** as GET /api/blocks/{id}/assessment answers the caller (server/auth/visibility.ts): redacted, with `withheld`, for others */
  assessment: AsSeen<StoredBlockAssessment>;
  visibility: ReportVisibility;
  /**
   * the seizures (查封) and mortgages (抵押) on the right not released, as GET /api/blocks/{id}/flags answers; on a
   * mortgage its consents as GET /api/flags/{id}/consents answers them, or null where this reader may not see them
   */
  flags: RegisterFlag[];
  annex: {
    /** the area to relinquish and where it came from (the request's required_km2, or the assessment's) */
    required_km2: number | null;
    source: 'assessment' | 'request' | null;
    /** why no area to relinquish is named (no assessment, nothing to relinquish, ledger withheld), in words; null when one is */
    required_note?: string | null;
    candidate: {
      id: string;
      strategy: string;
      area_km2: number;
      retained_area_km2: number;
      geometry: Polygon | MultiPolygon;
      retained: Polygon | MultiPolygon;
      reasons: unknown[];
    } | null;
    /** the applicant's own retained polygon (an extension or change application; application-annex.ts), instead of a candidate */
    applicant?: {
      application: AnnexApplication;
      licensed_km2: number;
      retained_km2: number;
      relinquished_km2: number;
      retained: Polygon | MultiPolygon;
      relinquished: Polygon | MultiPolygon | null;
    } | null;
    note: string | null;
  };
}

const Z = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

export type RegisterFlag = z.input<typeof RightFlag> & { consents: z.input<typeof MortgageConsent>[] | null };

/** The flags on the right not released, each with its document, authority and term; a mortgage with its consents. */
export function flagsHtml(flags: RegisterFlag[], issuedAt: string, lang: Lang): string {
  // read when the dossier is issued, not as at its judging date (`as_of`): said, so a past date is not read into it
  const title = `<h3>${Z(lang, '查封与抵押（未解除）', 'Seizures and mortgages (not released)')}</h3><p class="small">${Z(lang, '以出具时的登记为准：', 'As recorded when issued: ')}${esc(chinaTime(issuedAt))}</p>`;
  if (!flags.length)
    return `${title}<p>${Z(lang, '无未解除的查封、抵押登记。', 'No seizure or mortgage on record that is not released.')}</p>`;
  const rows = flags.map((f) => {
    const consents =
      f.kind !== 'mortgage'
        ? ''
        : f.consents === null
          ? Z(
              lang,
              '抵押权人同意书仅向矿业权人、监管该矿业权的登记机关和管理员列出。',
              'The mortgagee’s consents are listed only to the holder, the regulators overseeing the right and admins.',
            )
          : f.consents.length === 0
            ? Z(lang, '无在案的抵押权人同意书。', 'No consent of the mortgagee on file.')
            : f.consents
                .map(
                  (c) =>
                    `${Z(lang, '抵押权人同意书', 'Mortgagee’s consent')} ${esc(c.document_no)}（${esc(c.given_on)}，${Z(lang, '受让人', 'transferee')}：${c.transferee ? esc(c.transferee) : Z(lang, '不限', 'any')}）${
                      c.withdrawn_at
                        ? Z(lang, `，已撤回：${esc(c.withdrawn_reason ?? '')}`, `, withdrawn: ${esc(c.withdrawn_reason ?? '')}`)
                        : ''
                    }`,
                )
                .join(Z(lang, '；', '; '));
    return `<tr><td>${esc(label(RIGHT_FLAG_KINDS, f.kind, lang))}</td><td>${esc(f.document_no)}</td><td>${esc(f.authority)}</td><td>${esc(f.start_on)} — ${f.end_on ? esc(f.end_on) : Z(lang, '至解除', 'until released')}</td><td>${f.beneficiary ? esc(f.beneficiary) : '—'}</td><td>${f.in_force ? Z(lang, '在效', 'in force') : Z(lang, '不在效期内', 'not in its term')}</td></tr>${
      consents ? `<tr><td></td><td colspan="5" class="small">${consents}</td></tr>` : ''
    }`;
  });
  return `${title}<table class="fixed"><colgroup><col style="width:12mm"><col style="width:44mm"><col style="width:30mm"><col style="width:40mm"><col><col style="width:14mm"></colgroup><thead><tr><th>${Z(lang, '类型', 'Kind')}</th><th>${Z(lang, '文号', 'Document')}</th><th>${Z(lang, '查封机关或登记机关', 'Court or authority')}</th><th>${Z(lang, '期限', 'Term')}</th><th>${Z(lang, '抵押权人', 'Mortgagee')}</th><th>${Z(lang, '状态', 'State')}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** A step's value in the unit its formula speaks of. */
function stepValue(s: Step, lang: Lang): string {
  if (/CNY|元/.test(s.formula) || (/^R-(INV|FEE|COVID|INC)/.test(s.rule) && !/ratio|share|%/.test(s.formula))) return yuan(s.value, lang);
  if (/km²/.test(s.formula)) return `${km2(s.value)} km²`;
  if (/ratio|share|%/.test(s.formula) && s.value <= 1.5) return percent(s.value);
  return String(Math.round(s.value * 1e6) / 1e6);
}

export function stepsHtml(steps: Step[], lang: Lang): string {
  if (!steps.length) return '';
  return `<table class="fixed"><colgroup><col style="width:18mm"><col style="width:42mm"><col><col style="width:30mm"></colgroup>
<thead><tr><th>${Z(lang, '规则', 'Rule')}</th><th>${Z(lang, '依据', 'Article')}</th><th>${Z(lang, '计算', 'Arithmetic')}</th><th class="num">${Z(lang, '结果', 'Value')}</th></tr></thead><tbody>
${steps.map((s) => `<tr><td><b>${esc(s.rule)}</b></td><td>${esc(s.citation)}</td><td class="small">${s.description ? `${esc(txt(s.description, lang))}<br>` : ''}${esc(s.formula)}</td><td class="num">${esc(stepValue(s, lang))}</td></tr>`).join('')}</tbody></table>`;
}

function cornerTableHtml(t: CornerTable, title: string, lang: Lang): string {
  return `<table><caption><h3>${esc(title)}</h3><div class="small">CGCS2000 · GK 3° ${Z(lang, `第 ${t.zone} 带`, `zone ${t.zone}`)} (EPSG:${t.epsg}) · X ${Z(lang, '纵坐标（北）', 'northing')} · Y ${Z(lang, '横坐标（东，含带号）', 'easting with zone prefix')}</div></caption>
<thead><tr><th>${Z(lang, '地块', 'Parcel')}</th><th class="num">${Z(lang, '圈号', 'Ring')}</th><th class="num">${Z(lang, '点号', 'No.')}</th><th class="num">X (m)</th><th class="num">Y (m)</th><th class="num">${Z(lang, '经度', 'Longitude')}</th><th class="num">${Z(lang, '纬度', 'Latitude')}</th></tr></thead><tbody>
${t.rows.map((c) => `<tr><td>${esc(c.parcel)}</td><td class="num">${c.ring}</td><td class="num">${c.n}</td><td class="num">${metres(c.x)}</td><td class="num">${metres(c.y)}</td><td class="num">${c.lon}</td><td class="num">${c.lat}</td></tr>`).join('')}
</tbody></table>`;
}

/** The licensed area before and after: areas, comparison map (retained, relinquished, the block's outline) and corner tables. */
function beforeAfterHtml(
  b: DossierRecord['block'],
  before: CornerTable,
  p: {
    retained: Polygon | MultiPolygon;
    relinquished: Polygon | MultiPolygon | null;
    before_km2: number;
    retained_km2: number;
    relinquished_km2: number;
  },
  sourceRows: string,
  lang: Lang,
): string {
  const after = cornerTable(p.retained, `${b.name}${Z(lang, '（保留）', ' (retained)')}`, before.zone);
  const cut = p.relinquished ? cornerTable(p.relinquished, `${b.name}${Z(lang, '（缩减）', ' (relinquished)')}`, before.zone) : null;
  const fig = mapFigure({
    widthMm: 182,
    heightMm: 125,
    frame: [b.geometry],
    lang,
    zone: before.zone,
    layers: [
      { geometries: [p.retained as Geometry], style: { color: '#1a7837', angle: 0, fillOpacity: 0.06 } },
      ...(p.relinquished ? [{ geometries: [p.relinquished as Geometry], style: { color: '#c2181b', angle: 45, fillOpacity: 0.08 } }] : []),
      { geometries: [b.geometry as Geometry], style: { color: '#000', angle: null, strokeWidth: 0.55, dash: '1.6 0.8' } },
    ],
    corners: after.rows.map((x) => ({ lon: x.lonDeg, lat: x.latDeg, label: String(x.n) })),
  });
  return `<table class="meta">${sourceRows}
<tr><td>${Z(lang, '延续前面积', 'Before')}</td><td class="num">${km2(p.before_km2)} km²</td></tr>
<tr><td>${Z(lang, '缩减范围面积', 'Relinquished')}</td><td class="num">${km2(p.relinquished_km2)} km²</td></tr>
<tr><td><b>${Z(lang, '延续后保留面积', 'Retained after')}</b></td><td class="num"><b>${km2(p.retained_km2)} km²</b></td></tr></table>
<div class="figure"><h3>${Z(lang, '延续前后范围对比图', 'Comparison map, before and after')}</h3>${fig.svg}
<div class="legend"><span>${swatch('#000', null, true)} ${Z(lang, '延续前登记范围', 'licensed area before')}</span><span>${swatch('#1a7837', 0)} ${Z(lang, '延续后保留范围', 'retained after')}</span><span>${swatch('#c2181b', 45)} ${Z(lang, '缩减（退出）范围', 'relinquished')}</span><span class="small">1:${fig.scale.toLocaleString('en-US')} · EPSG:${fig.epsg}</span></div></div>
${cornerTableHtml(after, Z(lang, '延续后保留范围拐点坐标', 'Corners of the retained area'), lang)}
${cut ? cornerTableHtml(cut, Z(lang, '缩减范围拐点坐标', 'Corners of the relinquished area'), lang) : ''}
${cornerTableHtml(before, Z(lang, '延续前登记范围拐点坐标', 'Corners of the licensed area before'), lang)}`;
}

const v = (x: unknown) => (x === null || x === undefined || x === '' ? '—' : esc(x));

export function dossierHtml(
  r: DossierRecord,
  conflicts: Pick<CheckModel, 'conflicts' | 'wells' | 'articles' | 'summary' | 'areas' | 'deductible_km2' | 'net_km2'>,
  lang: Lang,
  cert: CertificateBlock,
): string {
  const b = r.block;
  const a = r.assessment;
  const notice = say(REPORT_SAY, 'SYNTHETIC_DATA');
  const row2 = (k1: string, v1: string, k2: string, v2: string) => `<tr><td>${k1}</td><td>${v1}</td><td>${k2}</td><td>${v2}</td></tr>`;
  const head = `<div class="head"><div><h1>${Z(lang, '矿业权档案与延续登记附件', 'Mining-right dossier and extension annex')}</h1>
<div class="small">${Z(lang, '证书编号', 'Certificate')} <span class="mono">${esc(r.certificate_id)}</span> · ${Z(lang, '出具时间', 'Issued')} ${esc(chinaTime(r.issued_at))} · ${Z(lang, '判定日期', 'as of')} ${esc(r.as_of)}</div></div><div class="qr">${cert.qr_svg}</div></div>
<div class="notice">${esc(txt(notice, lang))}</div>`;

  const entry = `<h2>${Z(lang, '一、登记信息', '1. Register entry')}</h2><table class="meta meta4">
${row2(Z(lang, '区块名称', 'Name'), `<b>${v(b.name)}</b>`, Z(lang, '许可证号', 'Licence no.'), v(b.licence_no))}
${row2(Z(lang, '矿业权人', 'Holder'), v(b.holder), Z(lang, '区块编号', 'Block id'), v(b.id))}
${row2(Z(lang, '类型', 'Kind'), esc(label(BLOCK_KINDS, b.kind as string, lang)), Z(lang, '矿种', 'Mineral'), esc(label(MINERALS, b.mineral as string, lang)))}
${row2(Z(lang, '状态', 'Status'), esc(label(BLOCK_STATUSES, b.status as string, lang)), Z(lang, '出让方式', 'Acquisition'), esc(label(ACQUISITION_METHODS, b.acquisition_method as string, lang)))}
${row2(Z(lang, '有效期', 'Valid'), `${v(b.valid_from)} — ${v(b.valid_to)}`, Z(lang, '已延续次数', 'Extensions used'), v(b.extensions_used))}
${row2(Z(lang, '首次登记', 'First registered'), v(b.first_registration_date), Z(lang, '首次登记面积', 'First area'), b.first_registration_area_km2 !== null && b.first_registration_area_km2 !== undefined ? `${km2(Number(b.first_registration_area_km2))} km²` : '—')}
${row2(Z(lang, '登记面积（椭球）', 'Area (ellipsoidal)'), `<b>${km2(b.area_km2)} km²</b>`, Z(lang, '探明储量面积', 'Proven-reserve area'), `${km2(Number(b.proven_km2 ?? 0))} km²`)}
${row2(Z(lang, '登记机关', 'Authority'), v(b.authority), Z(lang, '盆地', 'Basin'), esc(label(BASINS, b.basin as string, lang)))}
${row2(Z(lang, '服务版本', 'Service'), `${esc(r.service.name)} ${esc(r.service.version)}`, Z(lang, '登记库截至', 'Register as at'), r.register_as_at ? esc(chinaTime(r.register_as_at)) : '—')}
</table>`;

  const history = `<h2>${Z(lang, '二、变更历史', '2. History')}</h2>${
    r.history.length
      ? `<table><thead><tr><th>${Z(lang, '记录期间', 'Recorded')}</th><th>${Z(lang, '名称', 'Name')}</th><th>${Z(lang, '矿业权人', 'Holder')}</th><th>${Z(lang, '状态', 'Status')}</th><th>${Z(lang, '有效期', 'Valid')}</th><th class="num">${Z(lang, '面积 km²', 'Area km²')}</th></tr></thead><tbody>
${r.history.map((h) => `<tr><td class="small">${h.recorded_from ? esc(chinaTime(String(h.recorded_from))) : '—'} — ${h.recorded_to ? esc(chinaTime(String(h.recorded_to))) : ''}</td><td>${v(h.name)}</td><td>${v(h.holder)}</td><td>${esc(label(BLOCK_STATUSES, h.status as string, lang))}</td><td>${v(h.valid_from)} — ${v(h.valid_to)}</td><td class="num">${h.area_km2 === null || h.area_km2 === undefined ? '—' : km2(Number(h.area_km2))}</td></tr>`).join('')}</tbody></table>`
      : `<p>${Z(lang, '登记库中无早期版本（自入库以来未变更）。', 'No earlier versions on file (unchanged since it was recorded).')}</p>`
  }`;

  const conf = `<h2>${Z(lang, '三、重叠与冲突（按延续申请判定）', '3. Conflicts (judged as an extension by the holder)')}</h2>${summaryHtml(conflicts, lang)}${conflictsHtml(conflicts, lang)}${wellsHtml(conflicts, lang)}`;

  // assessment
  const ex = a.assessment;
  const decision = ex
    ? `<div class="verdict ${ex.decision === 'refuse' ? 'block' : 'ok'}">${Z(lang, '结论', 'Decision')}：${esc(label(DECISIONS, ex.decision, lang))}${ex.decision === 'extend' ? ` · ${Z(lang, '缩减', 'reduce')} ${km2(ex.reduction_km2)} km²（${percent(ex.reduction_ratio)}）· ${Z(lang, '保留', 'remaining')} ${km2(ex.remaining_km2)} km²` : ''}</div>`
    : a.withheld
      ? `<p class="notice" data-withheld="assessment">${esc(txt(a.withheld, lang))}</p>`
      : `<p>${Z(lang, '无延续评估（非探矿权或缺少日期）。', 'No extension assessment (not an exploration right, or dates missing).')}</p>`;
  const list = (title: string, xs: unknown[] | undefined) =>
    xs && xs.length ? `<h3>${title}</h3><ul>${xs.map((x) => `<li>${esc(txt(x, lang))}</li>`).join('')}</ul>` : '';
  const inv = a.investment;
  const money = a.withheld
    ? `<h3>${Z(lang, '最低勘查投入', 'Minimum exploration investment')}</h3><p class="notice" data-withheld="investment">${esc(txt(a.withheld, lang))}</p>`
    : inv
      ? `<h3>${Z(lang, '最低勘查投入', 'Minimum exploration investment')}</h3><table><thead><tr><th class="num">${Z(lang, '勘查年度', 'Year')}</th><th>${Z(lang, '起', 'From')}</th><th>${Z(lang, '止', 'To')}</th><th class="num">${Z(lang, '应投入', 'Required')}</th></tr></thead><tbody>
${inv.rows.map((x) => `<tr><td class="num">${x.exploration_year}</td><td>${esc(x.start)}</td><td>${esc(x.end)}</td><td class="num">${yuan(x.amount_cny, lang)}</td></tr>`).join('')}
<tr><th colspan="3">${Z(lang, '应投入合计', 'Required in total')}</th><th class="num">${yuan(inv.total_cny, lang)}</th></tr>
<tr><th colspan="3">${Z(lang, '实际投入', 'Actually invested')}</th><th class="num">${yuan(inv.actual_cny, lang)}</th></tr>
<tr><th colspan="3">${Z(lang, '未完成比例', 'Unfinished share')}</th><th class="num">${percent(inv.unfinished_ratio)}</th></tr></tbody></table>`
      : '';
  const fees = a.fees
    ? `<h3>${Z(lang, '探矿权使用费', 'Exploration usage fee')}</h3><table><thead><tr><th class="num">${Z(lang, '勘查年度', 'Year')}</th><th class="num">${Z(lang, '金额', 'Amount')}</th></tr></thead><tbody>
${a.fees.rows.map((x) => `<tr><td class="num">${x.exploration_year}</td><td class="num">${yuan(x.amount_cny, lang)}</td></tr>`).join('')}
<tr><th>${Z(lang, '累计', 'To date')}</th><th class="num">${yuan(a.fees.total_to_date_cny, lang)}</th></tr></tbody></table>`
    : '';
  // already redacted for callers who may not see the ledger (assessmentAsSeen): printed as given
  const derived = a.derived_steps;
  const assess = `<h2>${Z(lang, '四、延续评估', '4. Extension assessment')}</h2>${decision}
<table class="meta"><tr><td>${Z(lang, '适用规则', 'Regime')}</td><td>${ex ? esc(label(REGIMES, ex.regime, lang)) : '—'} <span class="small">${esc(txt(a.regime_reason, lang))}</span></td></tr>
${ex?.new_valid_from ? `<tr><td>${Z(lang, '延续后有效期', 'New term')}</td><td>${esc(ex.new_valid_from)} — ${esc(ex.new_valid_to)}</td></tr>` : ''}</table>
<h3>${Z(lang, '由登记数据推得的输入', 'Inputs derived from the register')}</h3>${stepsHtml(derived, lang)}
${ex ? `<h3>${Z(lang, '评估步骤', 'Assessment steps')}</h3>${stepsHtml(ex.steps, lang)}` : ''}
${list(Z(lang, '不予延续的理由', 'Reasons for refusal'), ex?.refusal_reasons)}${list(Z(lang, '所采取的解读', 'Readings taken'), ex?.readings)}${list(Z(lang, '提示', 'Warnings'), [...(ex?.warnings ?? []), ...a.warnings])}
${money}${fees}`;

  // annex: the area retained at extension — the applicant's own polygon, the planner's candidate, or (neither) the licensed area
  const an = r.annex;
  let annex = `<h2 style="break-before: page">${Z(lang, '附件：延续登记缩减范围', 'Annex: the area retained at extension')}</h2>`;
  const before = cornerTable(b.geometry, String(b.name));
  const required = `<tr><td>${Z(lang, '应缩减面积', 'Area to relinquish')}</td>${
    an.required_km2 === null
      ? `<td data-required="none">${an.required_note ? esc(an.required_note) : '—'}</td>`
      : `<td class="num">${km2(an.required_km2)} km² <span class="small">${an.source === 'assessment' ? Z(lang, '（延续评估）', '(assessment)') : Z(lang, '（申请人指定）', '(given by the applicant)')}</span></td>`
  }</tr>`;
  if (an.applicant) {
    const ap = an.applicant;
    const app = ap.application;
    annex += beforeAfterHtml(
      b,
      before,
      {
        retained: ap.retained,
        relinquished: ap.relinquished,
        before_km2: ap.licensed_km2,
        retained_km2: ap.retained_km2,
        relinquished_km2: ap.relinquished_km2,
      },
      `${required}<tr><td>${Z(lang, '保留范围来源', 'Retained area from')}</td><td>${Z(lang, '申请人提交的拟保留范围', "the applicant's own retained polygon")} · ${esc(app.id)} · ${esc(label(APPLICATION_KINDS, app.kind, lang))} · ${esc(label(APPLICATION_STATES, app.state, lang))}<div class="small">${Z(lang, '申请人', 'Applicant')} ${esc(app.applicant)}${app.submitted_at ? ` · ${Z(lang, '提交', 'submitted')} ${esc(chinaTime(app.submitted_at))}` : ''}</div></td></tr>`,
      lang,
    );
  } else if (an.candidate) {
    const c = an.candidate;
    annex += beforeAfterHtml(
      b,
      before,
      {
        retained: c.retained,
        relinquished: c.geometry,
        before_km2: b.area_km2,
        retained_km2: c.retained_area_km2,
        relinquished_km2: c.area_km2,
      },
      `${required}<tr><td>${Z(lang, '方案', 'Plan')}</td><td>${esc(c.id)} · ${esc(label(STRATEGIES, c.strategy, lang))}<div class="small">${c.reasons.map((x) => esc(txt(x, lang))).join('<br>')}</div></td></tr>`,
      lang,
    );
  } else {
    annex += `<p>${esc(an.note ?? '')}</p>${cornerTableHtml(before, Z(lang, '登记范围拐点坐标', 'Corners of the licensed area'), lang)}`;
  }
  void sevLabel;
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(String(b.name))} ${esc(r.certificate_id)}</title><style>${REPORT_CSS}</style></head><body>
${head}${entry}${flagsHtml(r.flags, r.issued_at, lang)}${history}${conf}${articlesHtml(conflicts, lang)}${assess}${annex}${certificateHtml(lang, cert)}</body></html>`;
}
