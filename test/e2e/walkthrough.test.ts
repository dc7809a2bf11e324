/**
 * The full regulator walk-through (issue 16 "Must show"), in Chromium, as the ministry's regulator (CBM rights are
 * registered by 自然资源部; the provincial regulator sees their assessments withheld, 不予公开): find 寿阳北 by search,
 * read its register verdict, open it in the 延续 tab (the same verdict, from the register), upload a 国土 TXT coordinate
 * file that overlaps 柿庄南 and read the triaged verdict (the API's), export the result (the conflicts CSV and the signed
 * PDF report, both read back), then print (print media: the map and the open panel on A4 landscape, the verdict on
 * paper). Elements are found by role, label or test id, never by position (the layout changes).
 * Screenshots test-results/e2e/walkthrough-*.png (docs/screenshots with UPDATE_SCREENSHOTS=1). Build first: `npx vite build`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../client/src/api/contract';
import { CHECK_VERDICTS } from '../../server/vocab';
import { pdfText, savePdf } from '../helpers/pdf';
import { useTestServer } from '../helpers/server';
import { OVER_SHIZHUANG } from './demo';
import { canvasStats, DOCS_SHOTS, openMap, shot, SHOTS, signIn, useBrowser, waitIdle, watchConsole, type ConsoleLog } from './browser';

const server = useTestServer({ STATIC_DIR: 'dist/client' });
const browser = useBrowser();
let page: Page;
let log: ConsoleLog;
const APPLICANT = '某煤层气公司';
let txt: Buffer;
let api: CheckResult;

beforeAll(async () => {
  page = await openMap(browser, server.url, { acceptDownloads: true }, (p) => {
    log = watchConsole(p);
  });
  // the coordinate file a company would hand in: 国土 TXT written by the service's own exporter
  const exp = await fetch(`${server.url}/api/export?format=guotu-txt&name=${encodeURIComponent('柿庄南北侧申请区')}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(OVER_SHIZHUANG),
  });
  expect(exp.status).toBe(200);
  txt = Buffer.from(await exp.arrayBuffer());
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(txt)]), 'over-shizhuang.txt');
  form.append('applicant', APPLICANT);
  api = (await (await fetch(`${server.url}/api/checks`, { method: 'POST', body: form })).json()) as CheckResult;
});

const tab = (name: string) => page.getByRole('tab', { name });

async function download(click: () => Promise<unknown>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

describe('a regulator’s day on the page, end to end', () => {
  it('signs in as the ministry’s regulator', async () => {
    await signIn(page, 'mnr');
    expect(await page.getByTestId('account').textContent()).toContain('自然资源部');
  });

  it('finds 寿阳北 by search and reads the register verdict in its details', async () => {
    await tab('查询').click();
    await page.getByRole('searchbox', { name: '按许可证号、区块名称或权利人搜索' }).fill('寿阳北');
    await page.getByTestId('search-submit').click();
    const hit = page.getByTestId('search-results').getByRole('button', { name: /寿阳北/ });
    await hit.first().waitFor({ timeout: 30_000 });
    await hit.first().click();
    await expect.poll(() => page.getByTestId('details-title').textContent(), { timeout: 30_000 }).toContain('寿阳北');
    const card = page.getByTestId('details').getByTestId('assessment-card');
    await card.waitFor({ timeout: 60_000 });
    expect(await card.getByTestId('assessment-decision').textContent()).toBe('不予延续');
    await waitIdle(page);
    await shot(page, 'walkthrough-1-find', true);
  }, 180_000);

  it('opens the extension verdict: the 延续 tab assesses the stored block and says the same', async () => {
    await page.getByTestId('use-for-extension').click();
    await expect.poll(() => tab('延续').getAttribute('aria-selected')).toBe('true');
    const card = page.getByTestId('ext-card');
    await card.waitFor({ timeout: 60_000 });
    expect(await card.getByTestId('assessment-decision').textContent()).toBe('不予延续');
    const reasons = await card.getByTestId('refusal-reasons').locator('li').allInnerTexts();
    expect(reasons.join('\n')).toMatch(/已延续 2 次/);
    await card.getByTestId('assessment-banner').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, 'walkthrough-2-extension', true);
  }, 120_000);

  it('uploads a coordinate file with conflicts and reads the triaged verdict (the API’s)', async () => {
    if (await page.getByTestId('details-close').isVisible()) await page.getByTestId('details-close').click();
    await tab('核查').click();
    await page.getByRole('tabpanel', { name: '核查' }).getByLabel('申请人').fill(APPLICANT);
    await page.getByTestId('file-input').setInputFiles({ name: 'over-shizhuang.txt', mimeType: 'text/plain', buffer: txt });
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor({ timeout: 120_000 });
    expect(api.conflicts.length).toBeGreaterThan(0);
    expect(await verdict.getAttribute('data-verdict')).toBe(api.verdict.code);
    expect(await page.getByTestId('verdict-code').textContent()).toBe(CHECK_VERDICTS[api.verdict.code].zh);
    expect(await verdict.textContent()).toContain(api.verdict.message.message_zh);
    expect(await page.getByTestId('conflict-count').textContent()).toContain(String(api.conflicts.length));
    await waitIdle(page);
    const stats = await canvasStats(page);
    expect(stats.share, 'the map shows the input and its overlaps').toBeGreaterThan(0.05);
    await verdict.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, 'walkthrough-3-verdict', true);
  }, 240_000);

  it('exports the result: the conflicts CSV and the signed PDF report, both read back', async () => {
    const csv = await download(() => page.getByTestId('export-conflicts-csv').click());
    const text = csv.bytes.toString('utf8').replace(/^\uFEFF/, '');
    expect(text).toContain(`申请人,${APPLICANT}`);
    expect(text).toContain('序号,图层,要素编号,名称');
    expect(text.split(/\r?\n/).filter((l) => /^\d+,/.test(l))).toHaveLength(api.conflicts.length);

    const pdf = await download(() => page.getByTestId('report-pdf').click());
    const path = savePdf('walkthrough-report', pdf.bytes);
    const flat = pdfText(path).replace(/\s+/g, '');
    expect(flat).toContain('矿业权申请范围重叠核查报告');
    expect(flat).toContain(`总体结论（初步核查意见）：${CHECK_VERDICTS[api.verdict.code].zh}`);
    const verify = await (
      await fetch(`${server.url}/api/certificates/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/pdf' },
        body: new Uint8Array(pdf.bytes),
      })
    ).json();
    expect(verify.valid).toBe(true);
  }, 300_000);

  it('prints: print media lays the map and the open panel with the verdict on A4 landscape', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      await page.getByTestId('verdict').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      expect(await page.getByTestId('verdict').isVisible()).toBe(true);
      expect(await page.getByTestId('map').isVisible()).toBe(true);
      expect(await page.getByRole('tablist').isVisible()).toBe(false); // controls that do nothing on paper
      await shot(page, 'walkthrough-4-print-media', true);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      mkdirSync(SHOTS, { recursive: true });
      const path = join(SHOTS, 'walkthrough-print.pdf');
      writeFileSync(path, pdf);
      const info = execFileSync('pdfinfo', [path]).toString();
      const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!.slice(1).map(Number);
      expect(w).toBeCloseTo(841.89, 0); // A4 landscape
      expect(h).toBeCloseTo(595.28, 0);
      const printed = execFileSync('pdftotext', ['-f', '1', '-l', '1', path, '-']).toString().replace(/\s+/g, '');
      expect(printed).toContain(CHECK_VERDICTS[api.verdict.code].zh);
      expect(printed).toContain('合成演示数据');
      const png = join(SHOTS, 'walkthrough-5-print');
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', path, png]);
      expect(statSync(`${png}.png`).size).toBeGreaterThan(30_000);
      if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(`${png}.png`, join(DOCS_SHOTS, 'walkthrough-5-print.png'));
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  }, 180_000);

  it('logs no console errors', () => {
    expect(log.errors).toEqual([]);
  });
});
