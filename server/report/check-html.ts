/**
 * The check report as one self-contained HTML document (A4 portrait), printed to PDF by the renderer.
 * Chinese by default, English with lang=en. Pure: model in, HTML out.
 */
import { chinaTime, km2, metres, percent } from './format';
import { esc, layerLabel, phrasebook, REPORT_CSS, txt } from './html';
import {
  APPLICATIONS,
  BLOCK_KINDS,
  CHECK_VERDICTS,
  label,
  labelAny,
  MINERALS,
  OUTCOMES,
  REGIMES,
  SEVERITIES,
  type Lang,
  type Severity,
} from '../vocab';
import { mapFigure } from './map-svg';
import { onFileLines } from './on-file';
import type { CheckModel } from './check-model';
import { mapLayers, SEVERITY_STYLE } from './check-model';
import { REPORT_SAY } from './messages';
import { say } from '../i18n/message';

const T = {
  title: ['矿业权申请范围重叠核查报告', 'Mining-right application: overlap check report'],
  cert: ['证书编号', 'Certificate'],
  verdict: ['总体结论（初步核查意见）', 'Overall verdict (preliminary reading)'],
  check: ['核查编号', 'Check id'],
  applicant: ['申请人', 'Applicant'],
  application: ['申请类型', 'Application'],
  mineral: ['矿种', 'Mineral'],
  regime: ['适用规则', 'Regime'],
  asOf: ['判定日期', 'Judged as of'],
  issued: ['出具时间', 'Issued'],
  service: ['服务版本', 'Service version'],
  register: ['登记数据', 'Register data'],
  registerAsAt: ['登记库截至', 'register as at'],
  source: ['输入文件', 'Input'],
  blockId: ['关联区块', 'Block'],
  corners: ['申请范围拐点坐标', 'Corner coordinates of the application'],
  cornerNote: [
    'CGCS2000 坐标系，高斯-克吕格投影 3 度带第 {z} 带（EPSG:{e}），X 为纵坐标（北），Y 为横坐标（东，含带号）；经纬度为度分秒，秒保留 3 位小数。',
    'CGCS2000, Gauss-Krüger 3° zone {z} (EPSG:{e}); X northing, Y easting with the zone prefix; longitude/latitude in DMS to 0.001″.',
  ],
  parcel: ['地块', 'Parcel'],
  ring: ['圈号', 'Ring'],
  pt: ['点号', 'No.'],
  lon: ['经度', 'Longitude'],
  lat: ['纬度', 'Latitude'],
  areas: ['面积', 'Areas'],
  ellipsoidal: ['椭球面积（CGCS2000 椭球，面积依据）', 'Ellipsoidal area (CGCS2000 ellipsoid; the area of record)'],
  planar: ['高斯平面面积（3 度带第 {z} 带，仅供对照）', 'Planar Gauss-Krüger area (3° zone {z}; for comparison only)'],
  declared: ['申报面积', 'Declared area'],
  diff: ['差值', 'difference'],
  none: ['未申报', 'not declared'],
  map: ['申请范围与重叠要素示意图', 'Map of the application and the overlapping features'],
  legendInput: ['申请范围', 'Application'],
  conflicts: ['重叠与冲突明细', 'Conflicts'],
  noConflicts: ['未发现重叠。', 'No overlaps found.'],
  layer: ['图层', 'Layer'],
  name: ['名称', 'Name'],
  cat: ['类别', 'Category'],
  holder: ['权利人', 'Holder'],
  area: ['重叠面积 km²', 'Overlap km²'],
  shareIn: ['占申请区', 'of application'],
  shareFeat: ['占对方', 'of feature'],
  outcome: ['结论', 'Outcome'],
  basis: ['依据', 'Basis'],
  lengthKm: ['穿越长度 {v} km', 'crossing {v} km'],
  articles: ['依据条文', 'Articles applied'],
  wells: ['申请范围内的井', 'Wells inside the application'],
  wellNames: ['井名', 'Wells'],
  summary: ['汇总', 'Summary'],
  count: ['数量', 'Count'],
  unionArea: ['重叠面积（并集）km²', 'Overlap (union) km²'],
  applied: ['申请面积', 'Applied area'],
  deductible: ['须扣减面积（并集）', 'Deductible area (union)'],
  net: ['扣减后净面积', 'Net area after deduction'],
  warnings: ['提示与警告', 'Warnings'],
  certificate: ['电子证书', 'Certificate'],
  certText: [
    '本报告的输入与结果以 Ed25519 签名；签名记录（JSON）作为附件 certificate.json 嵌入本 PDF。扫描二维码或将本 PDF 上传至核验地址即可核验；任何改动都会使核验失败。',
    'The inputs and results of this report are signed with Ed25519; the signed record (JSON) is embedded in this PDF as the attachment certificate.json. Scan the QR code or upload this PDF to the verification address; any change makes verification fail.',
  ],
  keyId: ['签名密钥', 'Signing key'],
  verifyAt: ['核验地址', 'Verify at'],
} as const;

export const tr = phrasebook(T);
export const sevLabel = (lang: Lang, s: Severity) => label(SEVERITIES, s, lang);

/** A small hatch swatch for legends. */
export function swatch(color: string, angle: number | null, outline = false): string {
  const lines =
    angle === null
      ? ''
      : `<g transform="rotate(${-angle} 4 2.5)"><path d="M-4 0H12M-4 1.6H12M-4 3.2H12M-4 4.8H12" stroke="${color}" stroke-width="0.35"/></g>`;
  return `<svg width="8mm" height="5mm" viewBox="0 0 8 5"><defs><clipPath id="sw${color.slice(1)}${angle}"><rect width="8" height="5"/></clipPath></defs><g clip-path="url(#sw${color.slice(1)}${angle})">${lines}</g><rect x="0.2" y="0.2" width="7.6" height="4.6" fill="none" stroke="${color}" stroke-width="${outline ? 0.7 : 0.35}"/></svg>`;
}

export interface CertificateBlock {
  certificate_id: string;
  key_id: string;
  verify_url: string;
  qr_svg: string;
}

export function certificateHtml(lang: Lang, c: CertificateBlock): string {
  return `<div class="keep"><h2>${tr(lang, 'certificate')}</h2><div class="head"><div><p>${tr(lang, 'certText')}</p>
<table class="meta"><tr><td>${tr(lang, 'cert')}</td><td class="mono">${esc(c.certificate_id)}</td></tr>
<tr><td>${tr(lang, 'keyId')}</td><td class="mono">Ed25519 ${esc(c.key_id)}</td></tr>
<tr><td>${tr(lang, 'verifyAt')}</td><td class="mono">${esc(c.verify_url)}</td></tr></table></div><div class="qr">${c.qr_svg}</div></div></div>`;
}

export function checkReportHtml(m: CheckModel, lang: Lang, cert: CertificateBlock): string {
  const r = m.record;
  const s = r.inputs.subject;
  const notice = say(REPORT_SAY, 'SYNTHETIC_DATA');
  const header = `<div class="head"><div><h1>${tr(lang, 'title')}</h1>
<div class="small">${tr(lang, 'cert')} <span class="mono">${esc(r.certificate_id)}</span> · ${tr(lang, 'check')} <span class="mono">${esc(r.check_id)}</span></div></div>
<div class="qr">${cert.qr_svg}</div></div>
<div class="notice">${esc(txt(notice, lang))}</div>
<table class="meta meta4">
<tr><td>${tr(lang, 'applicant')}</td><td>${esc(s.applicant ?? '—')}</td><td>${tr(lang, 'asOf')}</td><td>${esc(s.as_of)}</td></tr>
<tr><td>${tr(lang, 'application')}</td><td>${esc(label(APPLICATIONS, s.application, lang))}（${esc(label(BLOCK_KINDS, s.kind, lang))}）</td><td>${tr(lang, 'issued')}</td><td>${esc(chinaTime(r.issued_at))}</td></tr>
<tr><td>${tr(lang, 'mineral')}</td><td>${esc(label(MINERALS, s.mineral, lang))}</td><td>${tr(lang, 'service')}</td><td>${esc(r.service.name)} ${esc(r.service.version)}</td></tr>
<tr><td>${tr(lang, 'regime')}</td><td>${esc(label(REGIMES, s.regime, lang))}</td><td>${tr(lang, 'register')}</td><td>${tr(lang, 'registerAsAt')} ${r.register_as_at ? esc(chinaTime(r.register_as_at)) : '—'}</td></tr>
<tr><td>${tr(lang, 'source')}</td><td>${esc(r.inputs.source.file_name ?? '—')} · ${esc(r.inputs.source.format)} · EPSG:${r.inputs.source.crs}</td><td>${tr(lang, 'blockId')}</td><td>${esc(r.inputs.block_id ?? '—')}</td></tr>
</table>
<div class="verdict ${m.verdict.severity}" data-verdict="${esc(m.verdict.code)}">${tr(lang, 'verdict')}${lang === 'zh' ? '：' : ': '}${esc(label(CHECK_VERDICTS, m.verdict.code, lang))}
<div class="small">${esc(txt(m.verdict.message, lang))}</div></div>`;

  // areas
  const planarDiff = m.areas.planar_gk_km2 - m.areas.ellipsoidal_km2;
  const declared = m.areas.declared_km2;
  const diffTxt = (d: number) => `${d >= 0 ? '+' : ''}${d.toFixed(4)} km²`;
  const multi = m.areas.parcels.length > 1;
  const areas = `<h2>${tr(lang, 'areas')}</h2><table>
<tr><th>${tr(lang, 'parcel')}</th><th class="num">${tr(lang, 'ellipsoidal')}</th><th class="num">${tr(lang, 'planar', { z: m.corners.zone })}</th><th class="num">${tr(lang, 'declared')}</th></tr>
${multi ? m.areas.parcels.map((p) => `<tr><td>${esc(p.name)}</td><td class="num">${km2(p.ellipsoidal_km2)} km²</td><td class="num">${km2(p.planar_gk_km2)} km²</td><td></td></tr>`).join('') : ''}
<tr><td>${multi ? 'Σ' : esc(m.areas.parcels[0]?.name ?? '')}</td><td class="num"><b>${km2(m.areas.ellipsoidal_km2)} km²</b></td>
<td class="num">${km2(m.areas.planar_gk_km2)} km²<div class="small">${tr(lang, 'diff')} ${diffTxt(planarDiff)} (${((planarDiff / m.areas.ellipsoidal_km2) * 100).toFixed(3)}%)</div></td>
<td class="num">${declared === null ? tr(lang, 'none') : `${km2(declared)} km²<div class="small">${tr(lang, 'diff')} ${diffTxt(declared - m.areas.ellipsoidal_km2)}</div>`}</td></tr>
</table>`;

  // map
  const cornerLabels = m.corners.rows
    .filter((c) => c.ring >= 1)
    .map((c) => ({
      lon: c.lonDeg,
      lat: c.latDeg,
      label: m.areas.parcels.length > 1 ? `${m.areas.parcels.findIndex((p) => p.name === c.parcel) + 1}-${c.n}` : String(c.n),
    }));
  const fig = mapFigure({
    widthMm: 182,
    heightMm: 118,
    frame: [r.inputs.geometry],
    layers: mapLayers(m, r.inputs.geometry),
    corners: cornerLabels,
    lang,
    zone: m.corners.zone,
  });
  const legend = `<div class="legend"><span>${swatch('#000', null, true)} ${tr(lang, 'legendInput')}</span>${(
    ['block', 'condition', 'ok', 'info'] as const
  )
    .filter((k) => m.layers.some((l) => l.severity === k))
    .map((k) => `<span>${swatch(SEVERITY_STYLE[k].color, SEVERITY_STYLE[k].angle)} ${sevLabel(lang, k)}</span>`)
    .join('')}
<span class="small">CGCS2000 · GK 3° ${lang === 'zh' ? '第' : 'zone '}${fig.zone}${lang === 'zh' ? '带' : ''} · EPSG:${fig.epsg}</span></div>`;
  const many =
    cornerLabels.length > 80
      ? `<div class="small">${esc(txt(say(REPORT_SAY, 'MANY_CORNERS', { n: cornerLabels.length, every: Math.ceil(cornerLabels.length / 80) }), lang))}</div>`
      : '';
  const map = `<div class="figure"><h2>${tr(lang, 'map')}</h2>${fig.svg}${legend}${many}</div>`;

  // corner table
  const corners = `<table><caption><h2>${tr(lang, 'corners')}</h2><div class="small">${tr(lang, 'cornerNote', { z: m.corners.zone, e: m.corners.epsg })}</div></caption><thead><tr><th>${tr(lang, 'parcel')}</th><th class="num">${tr(lang, 'ring')}</th><th class="num">${tr(lang, 'pt')}</th><th class="num">X (m)</th><th class="num">Y (m)</th><th class="num">${tr(lang, 'lon')}</th><th class="num">${tr(lang, 'lat')}</th></tr></thead><tbody>
${m.corners.rows.map((c) => `<tr><td>${esc(c.parcel)}</td><td class="num">${c.ring}</td><td class="num">${c.n}</td><td class="num">${metres(c.x)}</td><td class="num">${metres(c.y)}</td><td class="num">${c.lon}</td><td class="num">${c.lat}</td></tr>`).join('\n')}
</tbody></table>`;

  const conflicts = conflictsHtml(m, lang);
  const wells = wellsHtml(m, lang);
  const articles = articlesHtml(m, lang);
  const summary = summaryHtml(m, lang);

  const warnings = r.results.warnings.length
    ? `<h2>${tr(lang, 'warnings')}</h2><ul>${r.results.warnings.map((w) => `<li>${esc(txt(w, lang))} <span class="small">${esc(w.code)}</span></li>`).join('')}</ul>`
    : '';

  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(tr(lang, 'title'))} ${esc(r.certificate_id)}</title><style>${REPORT_CSS}</style></head><body>
${header}${areas}${map}${corners}${summary}${conflicts}${wells}${articles}${warnings}${certificateHtml(lang, cert)}
</body></html>`;
}

export function conflictsHtml(
  m: Pick<CheckModel, 'conflicts' | 'wells' | 'articles' | 'summary' | 'areas' | 'deductible_km2' | 'net_km2'>,
  lang: Lang,
): string {
  const conflictRows = m.conflicts
    .map(
      (c) => `<tr class="sev-${c.severity}"><td>${esc(layerLabel(c, lang))}</td>
<td>${esc(c.name ?? c.id)}<div class="small">${esc(c.id)}${c.holder ? ` · ${esc(c.holder)}` : ''}</div>${onFileLines(c, lang)
        .map((l) => `<div class="small">${esc(l)}</div>`)
        .join('')}</td>
<td>${esc(
        [c.category, c.zone, c.status]
          .filter(Boolean)
          .map((x) => labelAny(x, lang))
          .join(' · '),
      )}</td>
<td class="num">${km2(c.overlap_area_km2)}${c.length_km !== undefined && c.length_km !== null ? `<div class="small">${tr(lang, 'lengthKm', { v: c.length_km.toFixed(3) })}</div>` : ''}</td>
<td class="num">${percent(c.share_of_input)}</td><td class="num">${percent(c.share_of_feature)}</td>
<td class="${c.severity}"><b>${esc(label(OUTCOMES, c.outcome, lang))}</b></td>
<td>${c.basis.map((b) => `<b>${esc(b.rule)}</b> ${esc(b.citation)}${b.note ? `<div class="small">${esc(txt(b.note, lang))}</div>` : ''}`).join('<br>')}</td></tr>`,
    )
    .join('\n');
  const conflicts = `<h2>${tr(lang, 'conflicts')}</h2>${m.conflicts.length ? `<table class="fixed"><colgroup><col style="width:15mm"><col style="width:40mm"><col style="width:20mm"><col style="width:17mm"><col style="width:14mm"><col style="width:14mm"><col style="width:17mm"><col></colgroup><thead><tr><th>${tr(lang, 'layer')}</th><th>${tr(lang, 'name')}</th><th>${tr(lang, 'cat')}</th><th class="num">${tr(lang, 'area')}</th><th class="num">${tr(lang, 'shareIn')}</th><th class="num">${tr(lang, 'shareFeat')}</th><th>${tr(lang, 'outcome')}</th><th>${tr(lang, 'basis')}</th></tr></thead><tbody>${conflictRows}</tbody></table>` : `<p>${tr(lang, 'noConflicts')}</p>`}`;
  return conflicts;
}

export function wellsHtml(
  m: Pick<CheckModel, 'conflicts' | 'wells' | 'articles' | 'summary' | 'areas' | 'deductible_km2' | 'net_km2'>,
  lang: Lang,
): string {
  const wells = m.wells.length
    ? `<h3>${tr(lang, 'wells')}</h3><table class="fixed"><colgroup><col style="width:20mm"><col style="width:12mm"><col style="width:50mm"><col></colgroup><thead><tr><th>${tr(lang, 'outcome')}</th><th class="num">${tr(lang, 'count')}</th><th>${tr(lang, 'basis')}</th><th>${tr(lang, 'wellNames')}</th></tr></thead><tbody>
${m.wells.map((w) => `<tr><td class="${w.severity}"><b>${esc(label(OUTCOMES, w.outcome, lang))}</b></td><td class="num">${w.names.length}</td><td>${w.rules.map((b) => `<b>${esc(b.rule)}</b> ${esc(b.citation)}`).join('<br>')}</td><td class="small">${esc(w.names.join(lang === 'zh' ? '、' : ', '))}</td></tr>`).join('')}</tbody></table>`
    : '';
  return wells;
}

export function articlesHtml(
  m: Pick<CheckModel, 'conflicts' | 'wells' | 'articles' | 'summary' | 'areas' | 'deductible_km2' | 'net_km2'>,
  lang: Lang,
): string {
  const articles = m.articles.length
    ? `<h2>${tr(lang, 'articles')}</h2>${m.articles.map((a) => `<div class="conflict"><b>${esc(a.rule)}</b> ${esc(a.citation)}<div class="article">${esc(a.text)}</div></div>`).join('')}`
    : '';

  return articles;
}

export function summaryHtml(
  m: Pick<CheckModel, 'conflicts' | 'wells' | 'articles' | 'summary' | 'areas' | 'deductible_km2' | 'net_km2'>,
  lang: Lang,
): string {
  const summary = `<h2>${tr(lang, 'summary')}</h2><table><tr><th>${tr(lang, 'layer')}</th><th class="num">${tr(lang, 'count')}</th><th class="num">${tr(lang, 'unionArea')}</th></tr>
${m.summary.map((x) => `<tr><td>${esc(layerLabel({ collection: x.key }, lang))}</td><td class="num">${x.count}</td><td class="num">${km2(x.area_km2)}</td></tr>`).join('')}</table>
<table class="meta"><tr><td>${tr(lang, 'applied')}</td><td class="num">${km2(m.areas.ellipsoidal_km2)} km²</td></tr>
<tr><td>${tr(lang, 'deductible')}</td><td class="num">${km2(m.deductible_km2)} km²</td></tr>
<tr><td><b>${tr(lang, 'net')}</b></td><td class="num"><b>${km2(m.net_km2)} km²</b></td></tr></table>`;

  return summary;
}
