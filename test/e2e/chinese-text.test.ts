/**
 * The Chinese page speaks Chinese: no English sentence and no raw API key in the details, assessment,
 * planner and check panels. Each panel is opened on real data (寿阳北 blk-0015: details with conflicts and
 * the register assessment; the extension assessment and planner; a sample file and an overlapping file
 * in the check; signed in as the demo holder of 寿阳北, who sees the whole assessment), every collapsed <details> is opened, and the visible text (innerText) is scanned for
 * Latin words outside a short allowed list: ids, units, EPSG/CGCS2000, rule ids, file-format names.
 * Build first: `npx vite build`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/server';
import { OVER_SHIZHUANG } from './demo';
import { clickBlock, openMap, shot, signIn, useBrowser, waitIdle, watchConsole, type ConsoleLog } from './browser';

/** Latin words a Chinese page may show: units, standards, file formats (exact tokens). */
const ALLOWED_WORDS = new Set([
  'km',
  'km²',
  'm',
  'h',
  'mm',
  'MPa',
  'CNY',
  'EPSG',
  'CGCS2000',
  'RFC',
  'GeoJSON',
  'KML',
  'KMZ',
  'TXT',
  'CSV',
  'XLSX',
  'PDF',
  'ZIP',
  'Shapefile',
  'SHP',
  'GEOM',
  'DB14',
  'GK',
]);
/** Token shapes that are codes, not words: rule ids (R-RED-4, OVL-2, NO-MINING), feature ids (blk-0015), licence numbers, corner names, letters. */
const ALLOWED_SHAPES: RegExp[] = [
  /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/, // R-RED-4, PA-11, WELL-OWNER, NO-MINING
  /^[a-z]{1,5}-[0-9][0-9a-z-]*$/, // blk-0015, pa-0012, rl-0003, w-00012
  /^[A-Z]*[0-9][A-Z0-9-]*$/, // T14120081102045006, J1, 2020
  /^[A-Z]{1,4}[0-9]+[A-Za-z0-9-]*$/, // SY12-3H well names
  /^[A-Z]$/, // candidate letters A, B, C; DB14/T
  /^EPSG:\d+$/,
  /^[a-z]$/, // a formula's variables (u ≤ 25%)
];

/**
 * Plain-string server sentences are marked by the page (`data-legacy-text`, see Said in
 * client/src/panels/common.tsx). The rules and planner now send Messages and language-neutral formulas
 * (issue 9), so any English left in a plain string fails like the page's own words. Every Latin word seen
 * is also listed in test-results/e2e/latin-words.json.
 */
const ALLOW_ENGLISH_IN_UNCONVERTED_RULES_AND_PARSE_STRINGS = false;

interface Hit {
  word: string;
  context: string;
}

/** Latin words in `text` that are neither allowed words nor code shapes, each with its context. Names quoted “…” are data (a parcel's own name), not page text. */
function latinWords(raw: string): Hit[] {
  const hits: Hit[] = [];
  const text = raw.replace(/“[^”]*”/g, '“…”');
  for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9_.:²'’-]*[A-Za-z0-9²]|[A-Za-z]/g)) {
    const word = m[0];
    if (ALLOWED_WORDS.has(word) || ALLOWED_SHAPES.some((r) => r.test(word))) continue;
    const i = m.index ?? 0;
    hits.push({ word, context: text.slice(Math.max(0, i - 40), i + word.length + 40).replace(/\s+/g, ' ') });
  }
  return hits;
}

const server = useTestServer({ STATIC_DIR: 'dist/client' });
const browser = useBrowser();
let page: Page;
let log: ConsoleLog;

interface PanelText {
  /** the panel's visible text without the legacy (plain-string) server sentences */
  own: string;
  /** each visible legacy server sentence */
  legacy: string[];
}

/** Open every collapsed <details> in the panel (a CSS selector), then read its visible text, legacy server strings apart. */
async function visibleText(selector: string): Promise<PanelText> {
  return page.locator(selector).evaluate((el) => {
    el.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = true));
    const marked = [...el.querySelectorAll<HTMLElement>('[data-legacy-text]')];
    const legacy = marked.map((m) => m.innerText).filter((t) => t.trim() !== '');
    const display = marked.map((m) => m.style.display);
    marked.forEach((m) => (m.style.display = 'none'));
    const own = (el as HTMLElement).innerText;
    marked.forEach((m, i) => (m.style.display = display[i]));
    return { own, legacy };
  });
}

const found: Record<string, { own: Hit[]; legacy: { sentence: string; words: string[] }[] }> = {};

function scan(name: string, text: PanelText) {
  const own = latinWords(text.own);
  const legacy = text.legacy
    .map((sentence) => ({ sentence, words: latinWords(sentence).map((h) => h.word) }))
    .filter((l) => l.words.length);
  found[name] = { own, legacy };
  expect(own, `${name}: English or raw keys on the Chinese page:\n${own.map((h) => `  ${h.word}  «${h.context}»`).join('\n')}`).toEqual([]);
  if (!ALLOW_ENGLISH_IN_UNCONVERTED_RULES_AND_PARSE_STRINGS)
    expect(
      legacy,
      `${name}: English in server sentences not yet sent as Messages:\n${legacy.map((l) => `  «${l.sentence}»`).join('\n')}`,
    ).toEqual([]);
}

beforeAll(async () => {
  page = await openMap(browser, server.url, { viewport: { width: 1366, height: 900 } }, (p) => {
    log = watchConsole(p);
  });
  await waitIdle(page);
  // the holder's page (寿阳北 is its block): the register assessment, built on its own investment record, is shown in full
  await signIn(page, 'holder');
});

afterAll(async () => {
  // every Latin word seen, by panel: the page's own (must be none) and the legacy server sentences still in English
  mkdirSync('test-results/e2e', { recursive: true });
  writeFileSync('test-results/e2e/latin-words.json', JSON.stringify(found, null, 1));
});

describe('the Chinese page shows no English and no raw keys', () => {
  it('the scanner itself: flags words and raw keys, passes ids, units, rule ids and format names', () => {
    expect(latinWords('derived_steps: 12 · decision refuse').map((h) => h.word)).toEqual(['derived_steps', 'decision', 'refuse']);
    expect(latinWords('blk-0015 · 52.4605 km² · R-RED-4 273号令 · EPSG:4490 CGCS2000 · 国土 TXT · 方案 A · DB14/T 2053 · SY12-3H')).toEqual(
      [],
    );
  });

  it('details of 寿阳北: record, conflicts with their basis, and the register assessment', async () => {
    await page.getByTestId('fit-qinshui').click();
    await page.waitForTimeout(800);
    await waitIdle(page);
    await clickBlock(page, 'blk-0015');
    await expect.poll(() => page.getByTestId('details-title').textContent()).toContain('寿阳北');
    // the block's conflicts are read when their section is opened
    await page.getByTestId('details-conflicts-toggle').click();
    await page.getByTestId('details-conflicts').getByTestId('verdict').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('assessment-card').count(), { timeout: 30_000 }).toBe(1);
    // the decision comes first, in Chinese; the assessment is no JSON dump
    expect(await page.getByTestId('assessment-decision').textContent()).toMatch(/^(准予延续|不予延续)$/);
    const text = await visibleText('[data-testid=details]');
    expect(text.own).not.toMatch(/derived_steps|usage_fee_cny|refusal_reasons/);
    await shot(page, 'zh-details-assessment');
    scan('details', text);
  });

  it('extension assessment and the relinquishment planner', async () => {
    await page.getByTestId('use-for-extension').click();
    await expect.poll(() => page.getByTestId('ext-block').textContent()).toContain('寿阳北');
    // the stored block assessed from the register, with every input's source; one input overridden (marked)
    await expect.poll(() => page.getByTestId('ext-card').count(), { timeout: 30_000 }).toBe(1);
    await page.getByTestId('input-extensions_used').getByTestId('override-open').click();
    await page.getByTestId('input-extensions_used').getByTestId('override-value').fill('0');
    await page.getByTestId('input-extensions_used').getByTestId('override-apply').click();
    await expect.poll(() => page.getByTestId('assessment-override').count(), { timeout: 30_000 }).toBe(1);
    await page.getByTestId('plan-required').fill('20');
    await page.getByTestId('plan-run').click();
    await expect.poll(() => page.getByTestId('candidates').count(), { timeout: 90_000 }).toBe(1);
    const strategies = await page.getByTestId('strategy').allTextContents();
    expect(strategies.length).toBeGreaterThan(0);
    for (const s of strategies) expect(s).toMatch(/[\u4e00-\u9fff]/);
    await shot(page, 'zh-extension-planner');
    scan('extension', await visibleText('#tabpanel-extension'));
  });

  it('check: a sample file, then a file that overlaps rights, protected areas and wells', async () => {
    await page.getByTestId('tab-check').click();
    await page.getByTestId('file-input').setInputFiles('data/samples/sample-guotu-gbk.txt');
    await expect.poll(() => page.getByTestId('check-result').count(), { timeout: 30_000 }).toBe(1);
    scan('check-sample', await visibleText('#tabpanel-check'));

    const over = {
      type: 'Feature',
      properties: { name: '核查测试' },
      geometry: OVER_SHIZHUANG,
    };
    await page
      .getByTestId('file-input')
      .setInputFiles({ name: 'over-shizhuang.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(over)) });
    await expect.poll(() => page.locator('[data-testid=conflict][data-collection=blocks]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await shot(page, 'zh-check-conflicts');
    scan('check-conflicts', await visibleText('#tabpanel-check'));
  });

  it('a mortgaged right: on file in a check over it, and its mortgage in its details', async () => {
    // inside 赵庄 blk-0047, mortgaged in the demo register (data/demo/right_flags.json)
    const inside = {
      type: 'Feature',
      properties: { name: '抵押核查' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [112.95, 35.75],
            [113.0, 35.75],
            [113.0, 35.78],
            [112.95, 35.78],
            [112.95, 35.75],
          ],
        ],
      },
    };
    await page
      .getByTestId('file-input')
      .setInputFiles({ name: 'in-zhaozhuang.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(inside)) });
    const row = page.locator('[data-testid=conflict][data-collection=blocks][data-id=blk-0047]');
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    // the check report's words for what is on file: the mortgage, its document, who recorded it
    expect(await row.getByTestId('on-file').textContent()).toContain('抵押：晋矿抵备〔2025〕第21号（合成）（山西省自然资源厅');
    await row.scrollIntoViewIfNeeded();
    await shot(page, 'zh-check-on-file');
    scan('check-on-file', await visibleText('#tabpanel-check'));

    await waitIdle(page);
    await clickBlock(page, 'blk-0047');
    await expect.poll(() => page.getByTestId('details-title').textContent()).toContain('赵庄');
    const flag = page.getByTestId('details-flags').getByTestId('register-flag');
    await expect.poll(() => flag.count(), { timeout: 30_000 }).toBe(1);
    expect(await flag.getAttribute('data-kind')).toBe('mortgage');
    const text = (await flag.textContent()) ?? '';
    for (const part of [
      '抵押',
      '晋矿抵备〔2025〕第21号（合成）',
      '抵押权人：某商业银行山西省分行（合成）',
      '2025-08-01 起至 2030-07-31',
      '转让须有抵押权人同意',
    ])
      expect(text).toContain(part);
    await shot(page, 'zh-details-mortgage');
    scan('details-flags', await visibleText('[data-testid=details]'));
  });

  it('no console errors while the panels were opened', () => {
    expect(log.errors).toEqual([]);
  });
});
