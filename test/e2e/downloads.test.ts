/**
 * The page's download links, clicked in Chromium as a regulator would (issue 15 items 2–4), each download read back:
 * search results (CSV, XLSX, GeoJSON, Shapefile), a checked file's results (conflicts CSV, XLSX, GeoJSON, Shapefile and
 * the signed PDF report), the block dossier PDF from the details panel and the extension annex PDF from the planner.
 * Chinese headers and the header block in the tables, the certificate in every PDF (verified by the service).
 * Build first: `npx vite build`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECK_VERDICTS } from '../../server/vocab';
import { login } from '../helpers/auth';
import { pdfAttachments, pdfText, savePdf } from '../helpers/pdf';
import { useTestServer } from '../helpers/server';
import { OVER_SHIZHUANG } from './demo';
import { openMap, signIn, useBrowser, watchConsole, type ConsoleLog } from './browser';

const server = useTestServer({ STATIC_DIR: 'dist/client' });
const browser = useBrowser();
let page: Page;
let log: ConsoleLog;
const APPLICANT = '某煤层气公司';

beforeAll(async () => {
  page = await openMap(browser, server.url, { acceptDownloads: true }, (p) => {
    log = watchConsole(p);
  });
  await signIn(page, 'regulator');
});

/** Click something that downloads; answer the file's suggested name and bytes. */
async function download(click: () => Promise<unknown>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), click()]);
  const path = await d.path();
  expect(await d.failure()).toBeNull();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

const utf8 = (b: Buffer) => b.toString('utf8').replace(/^\uFEFF/, '');

async function xlsx(bytes: Buffer) {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  return wb;
}

async function zipNames(bytes: Buffer): Promise<{ names: string[]; cpg: string; prj: string }> {
  const { unzipSync } = await import('fflate');
  const z = unzipSync(new Uint8Array(bytes));
  const names = Object.keys(z);
  const of = (ext: string) => new TextDecoder().decode(z[names.find((n) => n.endsWith(ext))!]);
  return { names, cpg: of('.cpg'), prj: of('.prj') };
}

/** A downloaded PDF: its text (whitespace removed), its certificate id, and the service's verification of it. */
async function readPdf(name: string, bytes: Buffer) {
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const path = savePdf(name, bytes);
  const flat = pdfText(path).replace(/\s+/g, '');
  expect(pdfAttachments(path)).toContain('certificate.json');
  const verify = await (
    await fetch(`${server.url}/api/certificates/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: new Uint8Array(bytes),
    })
  ).json();
  return { path, flat, verify };
}

describe('downloads from the page (clicked in Chromium)', () => {
  it('search results: CSV, XLSX, GeoJSON and Shapefile with the header block and Chinese headers', async () => {
    await page.getByTestId('tab-find').click();
    await page.getByTestId('search-input').fill('寿阳');
    await page.getByTestId('search-submit').click();
    await page.getByTestId('search-results').waitFor({ timeout: 30_000 });
    const shown = await page.getByTestId('search-results').locator('li').count();
    expect(shown).toBeGreaterThan(0);

    const csv = await download(() => page.getByTestId('search-export-csv').click());
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = utf8(csv.bytes);
    for (const s of ['矿业权查询结果', '查询词,寿阳', '坐标系,CGCS2000', '数据说明,合成演示数据']) expect(text).toContain(s);
    expect(text).toContain('序号,区块编号,名称,许可证号,矿业权人,类型,矿种,状态');
    const lines = text.split(/\r?\n/).filter(Boolean);
    const head = lines.findIndex((l) => l.startsWith('序号,'));
    expect(lines.length - head - 1).toBe(shown);

    const x = await xlsx((await download(() => page.getByTestId('search-export-xlsx').click())).bytes);
    const ws = x.getWorksheet('查询结果')!;
    let top = 0;
    ws.eachRow((row, n) => {
      if (!top && row.getCell(1).value === '序号') top = n;
    });
    expect(top).toBeGreaterThan(1);
    expect(ws.getRow(top).getCell(3).value).toBe('名称');
    expect(ws.rowCount - top).toBe(shown);

    const gj = JSON.parse(utf8((await download(() => page.getByTestId('search-export-geojson').click())).bytes));
    expect(gj.features).toHaveLength(shown);
    expect(gj.features[0].properties.status).toMatch(/[\u4e00-\u9fff]/);

    const shp = await zipNames((await download(() => page.getByTestId('search-export-shp').click())).bytes);
    expect(shp.names.filter((n) => /\.(shp|shx|dbf|prj|cpg)$/.test(n))).toHaveLength(5);
    expect(shp.cpg).toBe('UTF-8');
    expect(shp.prj).toContain('China_2000');
  }, 240_000);

  it('a checked file: conflicts CSV, XLSX, GeoJSON, Shapefile and the signed PDF report stating the page’s verdict', async () => {
    await page.getByTestId('tab-check').click();
    await page.locator('#tabpanel-check input[type=text]').first().fill(APPLICANT);
    const feature = { type: 'Feature', properties: { name: '柿庄南北侧申请区' }, geometry: OVER_SHIZHUANG };
    await page
      .getByTestId('file-input')
      .setInputFiles({ name: 'over-shizhuang.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(feature)) });
    await page.getByTestId('verdict').waitFor({ timeout: 120_000 });
    const verdictCode = (await page.getByTestId('verdict').getAttribute('data-verdict')) as keyof typeof CHECK_VERDICTS;
    expect(await page.getByTestId('verdict-code').textContent()).toBe(CHECK_VERDICTS[verdictCode].zh);
    const count = Number(/\d+/.exec((await page.getByTestId('conflict-count').textContent()) ?? '')?.[0]);
    expect(count).toBeGreaterThan(0);

    const csv = await download(() => page.getByTestId('export-conflicts-csv').click());
    expect(csv.name).toMatch(/\.csv$/);
    const text = utf8(csv.bytes);
    expect(text).toContain(`申请人,${APPLICANT}`);
    expect(text).toContain('坐标系,CGCS2000');
    expect(text).toContain('序号,图层,要素编号,名称,类别,分区,状态,权利人,矿种,重叠面积(km²),穿越长度(km),占申请区,占对方,结论');
    expect(text).toMatch(/,\d+\.\d{2}%,/); // shares as percentages
    expect(text).not.toMatch(/0\.\d{10,}/); // no raw shares
    const row1 = text
      .split(/\r?\n/)
      .find((l) => l.startsWith('1,'))!
      .split(',');
    expect(row1[13]).toMatch(/^[\u4e00-\u9fff]+$/); // 结论 from the vocabulary (the code has a column of its own, last)

    const wb = await xlsx((await download(() => page.getByTestId('report-xlsx').click())).bytes);
    const ws = wb.getWorksheet('重叠核查')!;
    expect(ws.getCell('A2').value).toBe('申请人');
    expect(ws.getCell('B2').value).toBe(APPLICANT);

    const gj = JSON.parse(utf8((await download(() => page.getByTestId('report-geojson').click())).bytes));
    expect(gj.features).toHaveLength(count);
    expect(gj.features[0].properties.outcome).toMatch(/[\u4e00-\u9fff]/);

    const shp = await zipNames((await download(() => page.getByTestId('report-shp').click())).bytes);
    expect(shp.names.sort()).toEqual(['conflicts.cpg', 'conflicts.dbf', 'conflicts.prj', 'conflicts.shp', 'conflicts.shx']);
    expect(shp.cpg).toBe('UTF-8');

    const pdf = await download(() => page.getByTestId('report-pdf').click());
    expect(pdf.name).toMatch(/^重叠核查报告-KQ-\d{8}-[A-Z0-9]{10}\.pdf$/);
    const cert = /KQ-\d{8}-[A-Z0-9]{10}/.exec(pdf.name)![0];
    const r = await readPdf('page-check-report', pdf.bytes);
    for (const s of ['矿业权申请范围重叠核查报告', APPLICANT, '证书编号', cert, '电子证书', '核验地址']) expect(r.flat).toContain(s);
    expect(r.flat).toContain(`总体结论（初步核查意见）：${CHECK_VERDICTS[verdictCode].zh}`);
    expect(r.verify).toMatchObject({ valid: true, certificate_id: cert });
  }, 300_000);

  it('the block dossier from the details panel and the extension annex from the planner: PDFs with their certificates', async () => {
    await page.getByTestId('tab-find').click();
    await page.getByTestId('search-input').fill('寿阳北');
    await page.getByTestId('search-submit').click();
    await expect.poll(() => page.getByTestId('search-results').textContent(), { timeout: 30_000 }).toContain('寿阳北');
    await page.getByTestId('search-results').locator('button').first().click();
    await expect.poll(() => page.getByTestId('details-title').textContent(), { timeout: 30_000 }).toContain('寿阳北');

    const dossier = await download(() => page.getByTestId('block-report-pdf').click());
    expect(dossier.name).toMatch(/\.pdf$/);
    const d = await readPdf('page-dossier', dossier.bytes);
    for (const s of ['矿业权档案与延续登记附件', '寿阳北', '登记信息', '变更历史', '延续评估', '合成演示数据', '证书编号'])
      expect(d.flat).toContain(s);
    expect(d.verify.valid).toBe(true);
    // the link carries the session: the regulator's copy shows what the API shows this regulator, no more
    const reg = await login(server.url, 'regulator', 'demo-regulator-2026');
    const id = (await (await fetch(`${server.url}/collections/blocks/items?q=${encodeURIComponent('寿阳北')}&limit=1`)).json()).features[0]
      .id;
    const seen = await (await fetch(`${server.url}/api/blocks/${id}/assessment`, { headers: reg.headers })).json();
    if (seen.withheld) expect(d.flat).toContain(seen.withheld.message_zh.replace(/\s+/g, ''));
    else expect(d.flat).toContain('应投入合计');
    const record = (await (await fetch(`${server.url}/api/certificates/${d.verify.certificate_id}`)).json()).record;
    expect(record.visibility.role).toBe('regulator');

    await page.getByTestId('use-for-extension').click();
    await page.getByTestId('plan-required').fill('52.4605');
    await page.getByTestId('plan-run').click();
    await page.getByTestId('candidates').waitFor({ timeout: 120_000 });
    const csv = utf8((await download(() => page.getByTestId('plan-export-csv').click())).bytes);
    expect(csv).toContain('方案');
    const annex = await download(() => page.getByTestId('plan-annex-pdf').click());
    const a = await readPdf('page-annex', annex.bytes);
    for (const s of ['附件：延续登记缩减范围', '延续前后范围对比图', '延续后保留范围拐点坐标', '52.4605']) expect(a.flat).toContain(s);
    expect(a.verify.valid).toBe(true);
    expect(execFileSync('pdfinfo', [a.path]).toString()).toMatch(/Page size:.+\(A4\)/);
  }, 420_000);

  it('logs no console errors', () => {
    expect(log.errors).toEqual([]);
  });
});
