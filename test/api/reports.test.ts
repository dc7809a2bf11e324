/**
 * Fileable documents (issue 15) against a real PostGIS and Debian's Chromium: the check report PDF,
 * stored checks, Ed25519 certificates (a flipped digit fails verification), the block dossier and the
 * conflict exports. PDFs are read back with poppler-utils (pdftotext, pdffonts, pdfdetach, pdftoppm).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfAttachments, pdfFonts, pdfPages, pdfQrTexts, pdfText, renderPages, savePdf } from '../helpers/pdf';
import { CHECK_VERDICTS } from '../../server/vocab';
import { login } from '../helpers/auth';
import { ADMIN_TOKEN, useTestServer } from '../helpers/server';

const srv = useTestServer({ LOG_LEVEL: process.env.REPORTS_LOG ?? 'silent' });
const json = { 'content-type': 'application/json' };
const HAVE_TOOLS = existsSync('/usr/bin/chromium') && existsSync('/usr/bin/pdftotext');

/** A box (lon/lat) over part of a named CBM block and its neighbours. */
async function boxOver(q: string): Promise<{ block: any; feature: any }> {
  const fc = await (await fetch(`${srv.url}/collections/blocks/items?q=${encodeURIComponent(q)}&limit=1`)).json();
  const block = fc.features[0];
  const xs: number[] = [],
    ys: number[] = [];
  for (const poly of block.geometry.type === 'Polygon' ? [block.geometry.coordinates] : block.geometry.coordinates)
    for (const [x, y] of poly[0]) {
      xs.push(x);
      ys.push(y);
    }
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const [a, b, c, d] = [x0 + (x1 - x0) * 0.55, x1 + (x1 - x0) * 0.12, y0 + (y1 - y0) * 0.55, y1 + (y1 - y0) * 0.1];
  const r = (v: number) => Math.round(v * 1e5) / 1e5;
  const ring = [
    [a, c],
    [b, c],
    [b, d],
    [(a + b) / 2, d + (d - c) * 0.08],
    [a, d],
    [a, c],
  ].map(([x, y]) => [r(x), r(y)]);
  return { block, feature: { type: 'Feature', properties: { name: '测试申请区' }, geometry: { type: 'Polygon', coordinates: [ring] } } };
}

describe.runIf(HAVE_TOOLS)('check report PDF (POST /api/checks?format=pdf)', () => {
  let check: any;
  let pdfPath = '';
  let pdf: Buffer;
  let ids: { check: string; cert: string };
  let input: any;

  beforeAll(async () => {
    const { feature } = await boxOver('柿庄南');
    input = { ...feature, applicant: '某煤层气公司', application: 'new_exploration', as_of: '2026-11-24' };
    check = await (await fetch(`${srv.url}/api/checks`, { method: 'POST', headers: json, body: JSON.stringify(input) })).json();
    const t0 = performance.now();
    const res = await fetch(`${srv.url}/api/checks?format=pdf&declared_area_km2=12.5`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(input),
    });
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`${res.status} ${body.toString()}`);
    console.log(`check report: ${body.length} bytes in ${(performance.now() - t0).toFixed(0)} ms, ${check.conflicts.length} conflicts`);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    ids = { check: res.headers.get('x-check-id')!, cert: res.headers.get('x-certificate-id')! };
    pdf = body;
    pdfPath = savePdf('check-zh', pdf);
  });

  it('is an A4 PDF with a subset CJK TrueType font embedded and selectable text', () => {
    expect(check.conflicts.length).toBeGreaterThan(0);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const fonts = pdfFonts(pdfPath);
    expect(fonts).toMatch(/\+WenQuanYi\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(pdfPages(pdfPath)).toBeGreaterThanOrEqual(2);
    expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Page size:.+ pts \(A4\)/);
  });

  it('states the header, the Chinese feature names, the 4-decimal areas and the article texts', () => {
    const text = pdfText(pdfPath).replace(/[ \t]+/g, ' ');
    for (const s of ['矿业权申请范围重叠核查报告', '某煤层气公司', '新立探矿权', '煤层气', '登记库截至', '合成演示数据', ids.cert])
      expect(text).toContain(s);
    // the rest of the header (issue 15 item 1): regime, date and time, service version; the three areas
    for (const s of ['适用规则', '出具时间', '服务版本', '高斯平面面积']) expect(text.replace(/\s+/g, '')).toContain(s);
    const names = [...new Set(check.conflicts.filter((c: any) => c.collection === 'blocks').map((c: any) => c.name))] as string[];
    expect(names.length).toBeGreaterThan(0);
    const flat = text.replace(/\s+/g, '');
    for (const n of names) expect(flat).toContain(n.replace(/\s+/g, ''));
    expect(text).toContain(check.input.area_km2.toFixed(4));
    expect(text).toContain(check.summary.net_area_km2.toFixed(4));
    expect(text).toContain(check.summary.deductible_area_km2.toFixed(4));
    const biggest = check.conflicts.reduce((a: any, b: any) => (b.overlap_area_km2 > a.overlap_area_km2 ? b : a));
    expect(text).toContain(biggest.overlap_area_km2.toFixed(4));
    // each rule's article text once (pdftotext may wrap lines in table cells: compare without whitespace)
    for (const b of check.conflicts.flatMap((c: any) => c.basis)) expect(flat).toContain(b.text.replace(/\s+/g, '').slice(0, 30));
    expect(text).toContain('12.5000'); // declared area
  });

  it('prints the corner table: GK X/Y with the zone prefix and DMS to 0.001″', () => {
    const text = pdfText(pdfPath);
    const [lon, lat] = input.geometry.coordinates[0][0];
    const dms = (v: number) => {
      const s = Math.round(v * 3600 * 1000);
      return `${Math.floor(s / 3600000)}°${String(Math.floor((s % 3600000) / 60000)).padStart(2, '0')}′`;
    };
    expect(text).toContain(dms(lon));
    expect(text).toContain(dms(lat));
    expect(text).toMatch(/\d{2}′\d{2}\.\d{3}″/);
    expect(text).toMatch(/\b38\d{6}\.\d{3}\b/); // Y easting with zone 38 prefix (Shanxi 112.5°E)
  });

  it('renders page 1 to PNG (pdftoppm)', () => {
    const png = renderPages(pdfPath, 'check-zh');
    expect(statSync(png).size).toBeGreaterThan(20_000);
  });

  it('stores the check: GET /api/checks/{id} returns the signed record, {id}.pdf the report in English', async () => {
    const env = await (await fetch(`${srv.url}/api/checks/${ids.check}`)).json();
    expect(env.record.certificate_id).toBe(ids.cert);
    expect(env.algorithm).toBe('Ed25519');
    expect(env.record.results.conflicts.length).toBe(check.conflicts.length);
    const res = await fetch(`${srv.url}/api/checks/${ids.check}.pdf?lang=en`);
    expect(res.status).toBe(200);
    const en = savePdf('check-en', Buffer.from(await res.arrayBuffer()));
    const text = pdfText(en);
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('overlapcheckreport');
    expect(flat).toContain('Netareaafterdeduction');
    renderPages(en, 'check-en');
    expect((await fetch(`${srv.url}/api/checks/chk-nonexistent.pdf`)).status).toBe(404);
  });

  it('prints a QR code that opens the verify page of this certificate', async () => {
    // the page first: decoding blocks this process (and the in-process server) for a while, which can leave a stale keep-alive socket
    const page = await fetch(`${srv.url}/verify/${ids.cert}`, { headers: { 'accept-language': 'zh-CN' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(await pdfQrTexts(pdfPath, 1)).toEqual([`${srv.url}/verify/${ids.cert}`]);
    expect(html).toContain(ids.cert);
    expect(html).toContain('有效');
  });

  it('states the overall verdict the API answered (summary.ts checkVerdict, the page’s triage banner), in both languages', async () => {
    const v = check.verdict;
    expect(Object.keys(CHECK_VERDICTS)).toContain(v.code);
    const flat = pdfText(pdfPath).replace(/\s+/g, '');
    expect(flat).toContain(`总体结论（初步核查意见）：${CHECK_VERDICTS[v.code as keyof typeof CHECK_VERDICTS].zh}`);
    expect(flat).toContain(v.message.message_zh.replace(/\s+/g, ''));
    // no other verdict class is named in the verdict line
    for (const [code, t] of Object.entries(CHECK_VERDICTS))
      if (code !== v.code) expect(flat).not.toContain(`总体结论（初步核查意见）：${t.zh}`);
    // the signed record keeps the verdict as answered
    const env = await (await fetch(`${srv.url}/api/checks/${ids.check}`)).json();
    expect(env.record.results.verdict).toEqual(v);
    const en = pdfText(
      savePdf('check-en-verdict', Buffer.from(await (await fetch(`${srv.url}/api/checks/${ids.check}.pdf?lang=en`)).arrayBuffer())),
    );
    const enFlat = en.replace(/\s+/g, ' ');
    expect(enFlat).toContain(`Overall verdict (preliminary reading): ${CHECK_VERDICTS[v.code as keyof typeof CHECK_VERDICTS].en}`);
  });

  it('agrees with the API on other verdicts too: an area clear of the register (可受理) and one over a protected area (需扣除)', async () => {
    const sq = (x: number, y: number) => ({
      type: 'Feature',
      properties: { name: '核查区' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + 0.03, y],
            [x + 0.03, y + 0.03],
            [x, y + 0.03],
            [x, y],
          ],
        ],
      },
      applicant: '某公司',
      application: 'new_exploration',
      as_of: '2026-11-24',
    });
    const seen = new Set<string>([check.verdict.code]);
    for (const body of [sq(112.3, 38.5), sq(112.0, 37.0)]) {
      const api = await (await fetch(`${srv.url}/api/checks`, { method: 'POST', headers: json, body: JSON.stringify(body) })).json();
      const res = await fetch(`${srv.url}/api/checks?format=pdf`, { method: 'POST', headers: json, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
      const flat = pdfText(savePdf(`check-verdict-${api.verdict.code}`, Buffer.from(await res.arrayBuffer()))).replace(/\s+/g, '');
      expect(flat).toContain(`总体结论（初步核查意见）：${CHECK_VERDICTS[api.verdict.code as keyof typeof CHECK_VERDICTS].zh}`);
      expect(flat).toContain(api.verdict.message.message_zh.replace(/\s+/g, ''));
      seen.add(api.verdict.code);
    }
    expect([...seen].sort()).toEqual(['acceptable', 'deduct', 'not_acceptable']);
  }, 240_000);

  it('embeds the signed record as the attachment certificate.json', () => {
    expect(pdfAttachments(pdfPath)).toContain('certificate.json');
  });

  it('verifies the PDF as issued, and fails it when one digit of the embedded record changes', async () => {
    const ok = await (
      await fetch(`${srv.url}/api/certificates/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/pdf' },
        body: new Uint8Array(pdf),
      })
    ).json();
    expect(ok).toMatchObject({ valid: true, signature_valid: true, on_file: true, certificate_id: ids.cert });
    expect(ok.message.message_zh).toContain('有效');

    const s = pdf.toString('latin1');
    const from = s.lastIndexOf('/Type /EmbeddedFile');
    const at = s.indexOf('"net_area_km2":', from) + '"net_area_km2":'.length;
    expect(at).toBeGreaterThan(from + 20);
    const tampered = Buffer.from(pdf);
    const digit = String.fromCharCode(tampered[at]);
    tampered[at] = (digit === '9' ? '1' : String(Number(digit) + 1)).charCodeAt(0);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(tampered)], { type: 'application/pdf' }), 'report.pdf');
    const bad = await (await fetch(`${srv.url}/api/certificates/verify`, { method: 'POST', body: form })).json();
    expect(bad.valid).toBe(false);
    expect(bad.signature_valid).toBe(false);
    expect(bad.differences.map((d: { path: string }) => d.path)).toContain('results.summary.net_area_km2');
    expect(bad.message.message_zh).toContain('签名与记录不符');
  });

  it('publishes the public key and the record on file, verifies JSON envelopes, and serves the QR page', async () => {
    const key = await (await fetch(`${srv.url}/api/certificates/public-key`)).json();
    expect(key.public_key_pem).toContain('BEGIN PUBLIC KEY');
    const cert = await (await fetch(`${srv.url}/api/certificates/${ids.cert}`)).json();
    expect(cert.key_id).toBe(key.key_id);
    const env = { record: cert.record, signature: cert.signature, key_id: cert.key_id };
    const ok = await (
      await fetch(`${srv.url}/api/certificates/verify`, { method: 'POST', headers: json, body: JSON.stringify(env) })
    ).json();
    expect(ok.valid).toBe(true);
    const changed = {
      ...env,
      record: { ...cert.record, inputs: { ...cert.record.inputs, subject: { ...cert.record.inputs.subject, applicant: '另一公司' } } },
    };
    const bad = await (
      await fetch(`${srv.url}/api/certificates/verify`, { method: 'POST', headers: json, body: JSON.stringify(changed) })
    ).json();
    expect(bad).toMatchObject({ valid: false, signature_valid: false });
    expect(bad.differences).toContainEqual({ path: 'inputs.subject.applicant', expected: '某煤层气公司', found: '另一公司' });
    const page = await fetch(`${srv.url}/verify/${ids.cert}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('有效');
    expect((await fetch(`${srv.url}/api/certificates/KQ-0-NONE`)).status).toBe(404);
  });

  it('exports the conflicts as CSV with a header block, Chinese headers and percentages (English with lang=en)', async () => {
    const res = await fetch(`${srv.url}/api/checks/${ids.check}/conflicts?format=csv`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM: Excel opens it as UTF-8
    const text = bytes.toString('utf8');
    expect(text).toContain('申请人,某煤层气公司');
    expect(text).toContain('坐标系,CGCS2000');
    expect(text).toContain(`扣减后净面积(km²),${check.summary.net_area_km2.toFixed(4)}`);
    expect(text).toContain('序号,图层,要素编号,名称,类别,分区,状态,权利人,矿种,重叠面积(km²),穿越长度(km),占申请区,占对方,结论');
    const big = check.conflicts.reduce((a: any, b: any) => (b.overlap_area_km2 > a.overlap_area_km2 ? b : a));
    expect(text).toContain(`${big.overlap_area_km2.toFixed(4)},,${(big.share_of_input * 100).toFixed(2)}%`);
    expect(text).not.toMatch(/0\.\d{10,}/); // no raw shares
    const en = await (await fetch(`${srv.url}/api/checks/${ids.check}/conflicts?format=csv&lang=en`)).text();
    expect(en).toContain('Share of application');
  });

  it('exports XLSX that reads back with exceljs: header block, Chinese headers, shares as % cells', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const res = await fetch(`${srv.url}/api/checks/${ids.check}/conflicts?format=xlsx`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.getWorksheet('重叠核查')!;
    expect(ws.getCell('A2').value).toBe('申请人');
    expect(ws.getCell('B2').value).toBe('某煤层气公司');
    let top = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === '序号') top = n;
    });
    expect(top).toBeGreaterThan(0);
    expect(ws.getRow(top).getCell(12).value).toBe('占申请区');
    const rows: any[] = [];
    for (let n = top + 1; n <= ws.rowCount; n++) rows.push(ws.getRow(n));
    expect(rows.length).toBe(check.conflicts.length);
    const first = check.conflicts[0];
    const r1 = rows[0];
    expect(r1.getCell(3).value).toBe(first.id);
    expect(r1.getCell(10).value).toBeCloseTo(first.overlap_area_km2, 12);
    expect(r1.getCell(12).value).toBeCloseTo(first.share_of_input, 12);
    expect(r1.getCell(12).numFmt).toBe('0.00%');
    expect(wb.getWorksheet('依据条文')!.rowCount).toBeGreaterThan(1);
  });

  it('exports GeoJSON and a zipped Shapefile (.prj, .cpg UTF-8) of the overlaps', async () => {
    const gj = await (await fetch(`${srv.url}/api/checks/${ids.check}/conflicts?format=geojson`)).json();
    expect(gj.features.length).toBe(check.conflicts.length);
    expect(gj.features[0].properties.outcome).toMatch(/[\u4e00-\u9fff]/);
    expect(gj.features[0].properties.outcome_code).toMatch(/^[a-z_]+$/);
    const { unzipSync } = await import('fflate');
    const zip = unzipSync(new Uint8Array(await (await fetch(`${srv.url}/api/checks/${ids.check}/conflicts?format=shp`)).arrayBuffer()));
    expect(Object.keys(zip).sort()).toEqual(['conflicts.cpg', 'conflicts.dbf', 'conflicts.prj', 'conflicts.shp', 'conflicts.shx']);
    expect(new TextDecoder().decode(zip['conflicts.cpg'])).toBe('UTF-8');
    expect(new TextDecoder().decode(zip['conflicts.prj'])).toContain('China_2000');
    const dbf = new TextDecoder().decode(zip['conflicts.dbf']);
    expect(dbf).toContain('OUTCOME');
    expect(dbf).toContain('禁止'); // the vocabulary's label (server/vocab OUTCOMES)
  });

  it('refuses what it cannot verify or check with a clear 4xx', async () => {
    const notPdf = await fetch(`${srv.url}/api/certificates/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: 'hello',
    });
    expect(notPdf.status).toBe(400);
    expect((await notPdf.json()).error.code).toBe('VERIFY_NOT_PDF');
    const noGeom = await fetch(`${srv.url}/api/checks?format=pdf`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ applicant: 'x' }),
    });
    expect(noGeom.status).toBe(422);
    const badLang = await fetch(`${srv.url}/api/checks/${ids.check}.pdf?lang=fr`);
    expect(badLang.status).toBe(422);
    expect((await badLang.json()).error.code).toBe('REPORT_BAD_PARAMETER');
  });
});

describe.runIf(HAVE_TOOLS)('block dossier PDF (GET /api/blocks/{id}/report.pdf)', () => {
  it('states the register entry, the assessment with articles and 元, and the annex before/after with corner tables', async () => {
    const fc = await (await fetch(`${srv.url}/collections/blocks/items?q=${encodeURIComponent('寿阳北')}&limit=1`)).json();
    const b = fc.features[0];
    const plan = await (
      await fetch(`${srv.url}/api/blocks/${b.id}/relinquishment-plans`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ required_km2: 52.4605 }),
      })
    ).json();
    const assessment = await (await fetch(`${srv.url}/api/blocks/${b.id}/assessment?on=2026-11-24`)).json();
    const t0 = performance.now();
    const res = await fetch(`${srv.url}/api/blocks/${b.id}/report.pdf?on=2026-11-24&required_km2=52.4605`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, // investment figures are shown to the administrator
    });
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`${res.status} ${body.toString()}`);
    console.log(`dossier: ${body.length} bytes in ${(performance.now() - t0).toFixed(0)} ms`);
    const path = savePdf('dossier-zh', body);
    const text = pdfText(path);
    const flat = text.replace(/\s+/g, '');
    for (const s of [
      '矿业权档案与延续登记附件',
      '寿阳北',
      '登记信息',
      '变更历史',
      '延续评估',
      '延续前后范围对比图',
      '延续后保留范围拐点坐标',
      '合成演示数据',
    ])
      expect(flat).toContain(s);
    expect(flat).toContain(b.properties.holder.replace(/\s+/g, ''));
    expect(text).toMatch(/\d{1,3}(,\d{3})+\.\d{2} 元/); // money with thousands separators
    expect(flat).toContain('273号令');
    for (const s of assessment.derived_steps) expect(flat).toContain(s.citation.replace(/\s+/g, ''));
    expect(text).toContain(Number(b.properties.area_km2).toFixed(4));
    expect(text).toContain(plan.candidates[0].retained_area_km2.toFixed(4));
    expect(text).toContain('52.4605');
    expect(pdfAttachments(path)).toContain('certificate.json');
    expect(await pdfQrTexts(path, 1)).toEqual([`${srv.url}/verify/${res.headers.get('x-certificate-id')}`]);
    renderPages(path, 'dossier-zh');
    // the extension annex starts on a page of its own: its first page (the comparison map) rendered too
    const pages = pdfPages(path);
    let annexPage = 0;
    for (let p = 1; p <= pages && !annexPage; p++) if (pdfText(path, p, p).includes('附件：延续登记缩减范围')) annexPage = p;
    expect(annexPage).toBeGreaterThan(1);
    const annexText = pdfText(path, annexPage, pages).replace(/\s+/g, '');
    expect(annexText).toContain(plan.candidates[0].retained_area_km2.toFixed(4));
    expect(annexText).toContain('延续后保留范围拐点坐标');
    const annexPng = renderPages(path, 'annex-zh', annexPage);
    expect(statSync(annexPng).size).toBeGreaterThan(20_000);
    const ok = await (
      await fetch(`${srv.url}/api/certificates/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/pdf' },
        body: new Uint8Array(body),
      })
    ).json();
    expect(ok.valid).toBe(true);
    expect((await fetch(`${srv.url}/api/blocks/blk-none/report.pdf`)).status).toBe(404);
  }, 240_000);
});

/** Read an exported XLSX with exceljs: the header block (column A → B) and the table under the header row. */
async function readXlsx(buf: ArrayBuffer, sheet: string, firstHeader: string) {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf);
  const ws = wb.getWorksheet(sheet)!;
  const head = new Map<string, unknown>();
  let top = 0;
  ws.eachRow((row, n) => {
    if (!top && row.getCell(1).value === firstHeader) top = n;
    if (!top) head.set(String(row.getCell(1).value), row.getCell(2).value);
  });
  const header = (ws.getRow(top).values as unknown[]).slice(1);
  const rows: any[][] = [];
  for (let n = top + 1; n <= ws.rowCount; n++) rows.push((ws.getRow(n).values as unknown[]).slice(1));
  return { wb, ws, head, header, rows, top };
}

describe('downloads from the page: search results, deadlines, planner candidates', () => {
  it('search results: CSV with a header block, Chinese headers and vocabulary labels; English with lang=en', async () => {
    const res = await fetch(`${srv.url}/api/exports/search?q=${encodeURIComponent('寿阳')}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; .*\.csv/);
    const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('矿业权查询结果');
    expect(text).toContain('查询词,寿阳');
    expect(text).toContain('坐标系,CGCS2000');
    expect(text).toContain('数据说明,合成演示数据');
    expect(text).toContain('序号,区块编号,名称,许可证号,矿业权人,类型,矿种,状态,有效期起,有效期止,登记面积(km²)');
    expect(text).toMatch(/,探矿权,煤层气,有效,/);
    expect(text).toMatch(/,\d+\.\d{4},/); // areas to 4 decimals
    const en = await (await fetch(`${srv.url}/api/exports/search?q=${encodeURIComponent('寿阳')}&format=csv&lang=en`)).text();
    expect(en).toContain('No.,Block id,Name,Licence no.,Holder,Kind,Mineral,Status');
    expect(en).toMatch(/,exploration right,CBM,valid,/);
  });

  it('search results: XLSX reads back with exceljs (areas numeric with 0.0000), GeoJSON and Shapefile of the blocks', async () => {
    const fc = await (await fetch(`${srv.url}/collections/blocks/items?q=${encodeURIComponent('寿阳')}&limit=1000`)).json();
    const x = await readXlsx(
      await (await fetch(`${srv.url}/api/exports/search?q=${encodeURIComponent('寿阳')}&format=xlsx`)).arrayBuffer(),
      '查询结果',
      '序号',
    );
    expect(x.head.get('查询词')).toBe('寿阳');
    expect(x.head.get('匹配数')).toBe(String(fc.numberMatched));
    expect(x.header.slice(0, 4)).toEqual(['序号', '区块编号', '名称', '许可证号']);
    expect(x.rows.length).toBe(fc.features.length);
    const f0 = fc.features.find((f: any) => f.id === x.rows[0][1]);
    expect(x.rows[0][2]).toBe(f0.properties.name);
    expect(x.rows[0][10]).toBeCloseTo(Number(f0.properties.area_km2), 9);
    expect(x.ws.getRow(x.top + 1).getCell(11).numFmt).toBe('0.0000');
    const gj = await (await fetch(`${srv.url}/api/exports/search?q=${encodeURIComponent('寿阳')}&format=geojson`)).json();
    expect(gj.features.length).toBe(fc.features.length);
    expect(gj.features[0].geometry.type).toMatch(/Polygon/);
    expect(gj.features[0].properties.status).toMatch(/[\u4e00-\u9fff]/);
    const { unzipSync } = await import('fflate');
    const zip = unzipSync(
      new Uint8Array(await (await fetch(`${srv.url}/api/exports/search?q=${encodeURIComponent('寿阳')}&format=shp`)).arrayBuffer()),
    );
    expect(Object.keys(zip).some((k) => k.endsWith('.prj'))).toBe(true);
    expect(new TextDecoder().decode(zip[Object.keys(zip).find((k) => k.endsWith('.cpg'))!])).toBe('UTF-8');
    expect((await fetch(`${srv.url}/api/exports/search?format=pdf`)).status).toBe(422);
    const bad = await fetch(`${srv.url}/api/exports/search?status=nonsense`);
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.code).toBe('EXPORT_BAD_PARAMETER');
  });

  it('guards formulas: a holder written as =HYPERLINK(…) comes out as text in CSV and XLSX', async () => {
    const evil = '=HYPERLINK("http://evil","x")';
    const put = await fetch(`${srv.url}/collections/blocks/items`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [111.1, 37.1],
              [111.2, 37.1],
              [111.2, 37.2],
              [111.1, 37.2],
              [111.1, 37.1],
            ],
          ],
        },
        properties: {
          name: '公式注入测试区块',
          holder: evil,
          kind: 'exploration',
          mineral: 'cbm',
          status: 'valid',
          valid_from: '2024-01-01',
          valid_to: '2029-01-01',
          first_registration_date: '2024-01-01',
          authority: '自然资源部',
        },
      }),
    });
    if (put.status !== 201) throw new Error(`${put.status} ${await put.text()}`);
    const csv = await (await fetch(`${srv.url}/api/exports/search?q=${encodeURIComponent('公式注入')}&format=csv`)).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    const x = await readXlsx(
      await (await fetch(`${srv.url}/api/exports/search?q=${encodeURIComponent('公式注入')}&format=xlsx`)).arrayBuffer(),
      '查询结果',
      '序号',
    );
    expect(x.rows[0][4]).toBe(`'${evil}`);
    expect(typeof x.rows[0][4]).toBe('string'); // a string cell, not a formula
  });

  it('deadlines: CSV and XLSX with the kinds named from the vocabulary; no GeoJSON (no geometry)', async () => {
    const list = await (await fetch(`${srv.url}/api/deadlines?within=1825d&on=2026-11-24`)).json();
    expect(list.items.length).toBeGreaterThan(0);
    const csv = await (await fetch(`${srv.url}/api/exports/deadlines?within=1825d&on=2026-11-24`)).text();
    expect(csv).toContain('矿业权期限提醒');
    expect(csv).toContain('起算日,2026-11-24');
    expect(csv).toContain('序号,区块编号,名称,许可证号,矿业权人,类型,矿种,期限,截止日期,剩余天数,适用规则,规则,依据,说明');
    expect(csv).toMatch(/有效期届满|申请延续截止/);
    const x = await readXlsx(
      await (await fetch(`${srv.url}/api/exports/deadlines?within=1825d&on=2026-11-24&format=xlsx`)).arrayBuffer(),
      '期限提醒',
      '序号',
    );
    expect(x.rows.length).toBe(list.items.length);
    expect(x.rows[0][1]).toBe(list.items[0].block_id);
    expect(x.rows[0][8]).toBe(list.items[0].due.date);
    expect(x.rows[0][9]).toBe(list.items[0].due.days_left);
    const en = await (await fetch(`${srv.url}/api/exports/deadlines?within=1825d&on=2026-11-24&lang=en`)).text();
    expect(en).toContain('No.,Block id,Name,Licence no.,Holder,Kind,Mineral,Deadline,Last day,Days left');
    const gj = await fetch(`${srv.url}/api/exports/deadlines?format=geojson`);
    expect(gj.status).toBe(422);
    expect((await gj.json()).error.code).toBe('EXPORT_NO_POLYGONS');
  });

  it('planner candidates: the same candidates as the planner, retained polygons as GeoJSON/Shapefile, corner tables in the XLSX', async () => {
    const fc = await (await fetch(`${srv.url}/collections/blocks/items?q=${encodeURIComponent('寿阳北')}&limit=1`)).json();
    const id = fc.features[0].id;
    const plan = await (
      await fetch(`${srv.url}/api/blocks/${id}/relinquishment-plans`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ required_km2: 52.4605 }),
      })
    ).json();
    const x = await readXlsx(
      await (await fetch(`${srv.url}/api/blocks/${id}/relinquishment-plans/export?required_km2=52.4605&format=xlsx`)).arrayBuffer(),
      '缩减方案',
      '方案',
    );
    expect(x.head.get('应缩减面积(km²)')).toBe('52.4605');
    expect(x.rows.map((r) => r[0])).toEqual(plan.candidates.map((c: any) => c.id));
    expect(x.rows[0][4]).toBeCloseTo(plan.candidates[0].retained_area_km2, 9);
    expect(x.rows[0][1]).toMatch(/[\u4e00-\u9fff]/); // strategy named from the vocabulary
    const corners = x.wb.getWorksheet('保留范围拐点坐标')!;
    expect(corners.rowCount).toBeGreaterThan(4);
    expect(String(corners.getRow(2).getCell(5).value)).toMatch(/^\d{7}\.\d{3}$/); // X northing
    expect(String(corners.getRow(2).getCell(6).value)).toMatch(/^\d{8}\.\d{3}$/); // Y with the zone prefix
    const gj = await (await fetch(`${srv.url}/api/blocks/${id}/relinquishment-plans/export?required_km2=52.4605&format=geojson`)).json();
    expect(gj.features.map((f: any) => f.properties.candidate)).toEqual(plan.candidates.map((c: any) => c.id));
    expect(gj.features[0].geometry).toEqual(plan.candidates[0].retained);
    const cut = await (
      await fetch(`${srv.url}/api/blocks/${id}/relinquishment-plans/export?required_km2=52.4605&format=geojson&part=relinquished`)
    ).json();
    expect(cut.features[0].geometry).toEqual(plan.candidates[0].geometry);
    const { unzipSync } = await import('fflate');
    const zip = unzipSync(
      new Uint8Array(
        await (await fetch(`${srv.url}/api/blocks/${id}/relinquishment-plans/export?required_km2=52.4605&format=shp`)).arrayBuffer(),
      ),
    );
    expect(Object.keys(zip).filter((k) => /\.(shp|shx|dbf|prj|cpg)$/.test(k)).length).toBe(5);
    const csv = await (await fetch(`${srv.url}/api/blocks/${id}/relinquishment-plans/export?required_km2=52.4605&lang=en`)).text();
    expect(csv).toContain('Candidate,Strategy,Relinquished (km²)');
    expect((await fetch(`${srv.url}/api/blocks/blk-none/relinquishment-plans/export?required_km2=1`)).status).toBe(404);
  });
});

describe.runIf(HAVE_TOOLS)('block dossier: investment figures by role', () => {
  it('shows them with the admin token and leaves them out, with a note, without it', async () => {
    const fc = await (await fetch(`${srv.url}/collections/blocks/items?q=${encodeURIComponent('寿阳北')}&limit=1`)).json();
    const id = fc.features[0].id;
    const get = async (auth: boolean) => {
      const res = await fetch(`${srv.url}/api/blocks/${id}/report.pdf?on=2026-11-24`, {
        headers: auth ? { authorization: `Bearer ${ADMIN_TOKEN}` } : {},
      });
      expect(res.status).toBe(200);
      const path = savePdf(auth ? 'dossier-admin' : 'dossier-public', Buffer.from(await res.arrayBuffer()));
      return { path, flat: pdfText(path).replace(/\s+/g, ''), cert: res.headers.get('x-certificate-id')! };
    };
    const admin = await get(true);
    const pub = await get(false);
    // the dossier prints the API's one redaction (server/auth/visibility.ts): its reason, word for word
    const apiSeen = await (await fetch(`${srv.url}/api/blocks/${id}/assessment?on=2026-11-24`)).json();
    expect(apiSeen.withheld.code).toBe('INVESTMENT_WITHHELD');
    expect(pub.flat).toContain(apiSeen.withheld.message_zh.replace(/\s+/g, ''));
    expect(admin.flat).toContain('应投入合计');
    expect(admin.flat).toContain('实际投入');
    expect(admin.flat).not.toContain(apiSeen.withheld.message_zh.replace(/\s+/g, ''));
    expect(pub.flat).not.toContain('应投入合计');
    expect(pub.flat).not.toContain('134375926'); // the minimum investment (元) appears nowhere, not even in a formula
    expect(pub.flat).not.toMatch(/实际投入\d/);
    expect(admin.flat).toContain('134,375,926.00元');
    expect(pub.flat).not.toContain('未完成比例'); // neither the unfinished share nor its label
    // the signed record of the public copy holds no investment figures either
    const rec = (await (await fetch(`${srv.url}/api/certificates/${pub.cert}`)).json()).record;
    expect(rec.assessment.investment).toBeNull();
    // the same object as the API answers the public (regime, deadlines, fees, area facts), nothing more
    expect(rec.assessment).toEqual(apiSeen);
    expect(rec.visibility).toEqual({ investment: false, role: 'public' });
    expect(rec.assessment.derived_steps.some((s: any) => /^R-INV/.test(s.rule))).toBe(false);
    const recAdmin = (await (await fetch(`${srv.url}/api/certificates/${admin.cert}`)).json()).record;
    expect(recAdmin.assessment.investment.total_cny).toBeGreaterThan(0);
    expect(recAdmin.visibility).toEqual({ investment: true, role: 'admin' });
    // the block's contract figures (block_terms) stay out of the public record too
    for (const k of ['contract_investment_cny_per_km2_year', 'committed_completion_ratio', 'contract_reduction_ratio'])
      expect(rec.block, k).not.toHaveProperty(k);
    expect(recAdmin.block).toHaveProperty('contract_investment_cny_per_km2_year');
    // a made-up token is refused everywhere (issue 13: a bad credential is never read as anonymous)
    const other = await fetch(`${srv.url}/api/blocks/${id}/report.pdf?on=2026-11-24`, { headers: { authorization: 'Bearer wrong-token' } });
    expect(other.status).toBe(401);
    expect((await other.json()).error.code).toBe('UNAUTHENTICATED');
  }, 360_000);
});

describe.runIf(HAVE_TOOLS)('block dossier: the unfinished investment share, public and regulator (issue 15)', () => {
  it('the public copy shows no unfinished share, no figure derived from it and no relinquishment from it; a regulator’s does', async () => {
    const fc = await (await fetch(`${srv.url}/collections/blocks/items?q=${encodeURIComponent('寿阳北')}&limit=1`)).json();
    const id = fc.features[0].id;
    // the ministry's demo regulator oversees every authority
    const mnr = await login(srv.url, 'mnr', 'demo-mnr-2026');
    const full = await (await fetch(`${srv.url}/api/blocks/${id}/assessment?on=2026-11-24`, { headers: mnr.headers })).json();
    expect(full.withheld).toBeNull();
    const ratio = full.investment.unfinished_ratio as number;
    expect(ratio).toBeGreaterThan(0);
    const get = async (headers: Record<string, string>, name: string) => {
      const res = await fetch(`${srv.url}/api/blocks/${id}/report.pdf?on=2026-11-24`, { headers });
      expect(res.status).toBe(200);
      return pdfText(savePdf(name, Buffer.from(await res.arrayBuffer()))).replace(/\s+/g, '');
    };
    const reg = await get(mnr.headers, 'dossier-regulator');
    const pub = await get({}, 'dossier-public-15');
    // the share as the report prints it (percent, 2 decimals), and the investment amounts
    const share = `${(ratio * 100).toFixed(2)}%`;
    expect(reg).toContain('未完成比例');
    expect(reg).toContain(share);
    expect(reg).toContain('应投入合计');
    expect(pub).not.toContain('未完成比例');
    expect(pub).not.toContain(share);
    expect(pub).not.toContain('应投入合计');
    // no investment amount, as the report prints money or as a sentence would state it (the disputed-tier warning did)
    const grouped = (cny: number) => cny.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '元';
    expect(reg).toContain(grouped(full.investment.total_cny));
    for (const cny of [full.investment.total_cny, full.investment.actual_cny, ...full.investment.rows.map((x: any) => x.amount_cny)])
      if (cny > 0) expect(pub).not.toContain(grouped(cny));
    expect(pub).not.toContain(String(Math.round(full.investment.total_cny)));
    // no reduction derived from the share: no decision line, no area to relinquish from the assessment
    if (full.assessment?.decision === 'extend') expect(reg).toMatch(/缩减[\d.]+km²/);
    expect(pub).not.toMatch(/缩减[\d.]+km²（/);
    expect(pub).not.toContain('（延续评估）');
    expect(pub).toContain('应缩减面积由勘查投入台账推得，本份未列出');
  }, 360_000);
});

describe.runIf(HAVE_TOOLS)('block dossier: the seizures and mortgages on the right', () => {
  it('names the mortgage on 赵庄 blk-0047 to everyone, its consents only to those who may read them', async () => {
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const [flag] = (await (await fetch(`${srv.url}/api/blocks/blk-0047/flags?released=false`)).json()).items;
    expect(flag.kind).toBe('mortgage');
    const consent = await fetch(`${srv.url}/api/flags/${flag.id}/consents`, {
      method: 'POST',
      headers: { ...json, ...admin },
      body: JSON.stringify({ document_no: '晋抵同〔2026〕第9号（测试）', given_on: '2026-11-20' }),
    });
    expect(consent.status).toBe(201);
    const get = async (headers: Record<string, string>, name: string, id = 'blk-0047') => {
      const res = await fetch(`${srv.url}/api/blocks/${id}/report.pdf?on=2026-12-01`, { headers });
      expect(res.status).toBe(200);
      return pdfText(savePdf(name, Buffer.from(await res.arrayBuffer()))).replace(/\s+/g, '');
    };
    const pub = await get({}, 'dossier-flags-public');
    const adm = await get(admin, 'dossier-flags-admin');
    for (const flat of [pub, adm]) {
      expect(flat).toContain('查封与抵押（未解除）');
      expect(flat).toContain('晋矿抵备〔2025〕第21号（合成）');
      expect(flat).toContain('某商业银行山西省分行（合成）');
      for (const day of ['2025-08-01', '2030-07-31']) expect(flat).toContain(day);
    }
    expect(adm).toContain('抵押权人同意书晋抵同〔2026〕第9号（测试）（2026-11-20，受让人：不限）');
    expect(pub).not.toContain('晋抵同〔2026〕第9号');
    expect(pub).toContain('抵押权人同意书仅向矿业权人、监管该矿业权的登记机关和管理员列出');
    // a right with none says so (寿阳北 blk-0015)
    expect(await get({}, 'dossier-flags-none', 'blk-0015')).toContain('无未解除的查封、抵押登记');
  }, 240_000);
});
