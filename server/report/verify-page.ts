/**
 * The page a report's QR code opens: the certificate on file, checked against the service's key, with
 * the facts a reader compares with the paper (applicant, areas, counts), and a form to upload the PDF.
 * Server-rendered, no script (the page CSP allows none inline).
 */
import type { VerifyResult } from './certificates';
import { chinaTime, km2 } from './format';
import { esc, REPORT_FONTS, txt } from './html';
import type { Lang } from '../vocab';

interface RecordFacts {
  certificate_id?: string;
  type?: string;
  issued_at?: string;
  inputs?: { subject?: { applicant?: string | null; application?: string } };
  results?: { area_km2?: number; conflicts?: unknown[]; summary?: { net_area_km2?: number; deductible_area_km2?: number } };
  block?: { id?: string; name?: string };
}

export function verifyPageHtml(id: string, record: RecordFacts | null, result: VerifyResult | null, lang: Lang): string {
  const zh = lang === 'zh';
  const row = (k: string, v: string) => `<tr><th>${k}</th><td>${v}</td></tr>`;
  const status = !record
    ? `<p class="bad">${zh ? `本服务没有编号为 ${esc(id)} 的证书。` : `No certificate ${esc(id)} is on file.`}</p>`
    : `<p class="${result?.valid ? 'good' : 'bad'}">${esc(result ? txt(result.message, lang) : '')}</p>`;
  const r = record ?? {};
  const facts = record
    ? `<table>
${row(zh ? '证书编号' : 'Certificate', esc(r.certificate_id))}
${row(zh ? '类型' : 'Kind', esc(r.type))}
${row(zh ? '出具时间' : 'Issued', r.issued_at ? esc(chinaTime(r.issued_at)) : '—')}
${r.inputs?.subject ? row(zh ? '申请人' : 'Applicant', esc(r.inputs.subject.applicant ?? '—')) : ''}
${r.block ? row(zh ? '区块' : 'Block', `${esc(r.block.name)} (${esc(r.block.id)})`) : ''}
${typeof r.results?.area_km2 === 'number' ? row(zh ? '申请面积' : 'Applied area', `${km2(r.results.area_km2)} km²`) : ''}
${Array.isArray(r.results?.conflicts) ? row(zh ? '重叠项数' : 'Conflicts', String(r.results.conflicts.length)) : ''}
${typeof r.results?.summary?.deductible_area_km2 === 'number' ? row(zh ? '须扣减面积' : 'Deductible', `${km2(r.results.summary.deductible_area_km2)} km²`) : ''}
${typeof r.results?.summary?.net_area_km2 === 'number' ? row(zh ? '扣减后净面积' : 'Net area', `${km2(r.results.summary.net_area_km2)} km²`) : ''}
</table>
<p><a href="/api/certificates/${encodeURIComponent(id)}">${zh ? '签名记录（JSON）' : 'Signed record (JSON)'}</a> · <a href="/api/certificates/public-key">${zh ? '公钥' : 'Public key'}</a></p>`
    : '';
  return `<!doctype html><html lang="${zh ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${zh ? '证书核验' : 'Certificate verification'} ${esc(id)}</title>
<style>body{font-family:${REPORT_FONTS};max-width:44rem;margin:2rem auto;padding:0 1rem;color:#111}th,td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #ddd}
.good{color:#1a7837;font-weight:bold}.bad{color:#b2182b;font-weight:bold}.note{background:#fff4e5;border:1px solid #b35806;padding:.5rem}</style></head><body>
<h1>${zh ? '证书核验' : 'Certificate verification'}</h1>
<p class="note">${zh ? '演示服务：登记数据为合成演示数据。' : 'Demonstration service: the register data are synthetic.'}</p>
${status}${facts}
<h2>${zh ? '核验一份 PDF' : 'Verify a PDF'}</h2>
<p>${zh ? '上传报告 PDF，比对其中嵌入的签名记录与存档：' : 'Upload the report PDF to compare its embedded signed record with the one on file:'}</p>
<form method="post" action="/api/certificates/verify" enctype="multipart/form-data"><input type="file" name="file" accept="application/pdf"> <button type="submit">${zh ? '核验' : 'Verify'}</button></form>
</body></html>`;
}
