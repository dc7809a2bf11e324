/**
 * The applications page (issue 14 item 7), in a real browser against the real service:
 * - the demo holder checks a proposed block, prepares an application from the check (kind, applicant, area pre-filled),
 *   saves the draft and submits it (the snapshot is frozen);
 * - the register changes (a red line drawn over part of the area), the province regulator opens its queue, opens the
 *   application, sees the frozen snapshot beside today's check with the new finding marked, accepts and approves it
 *   with reasons and a document number;
 * - the investment card of a block and the abnormal list render in Chinese and in English;
 * - each state of the tab (the form, the holder's application, the regulator's queue, the snapshot beside today, the
 *   investment card, the abnormal list) passes an axe-core audit with no serious or critical violation (issue 16 item 7);
 * - the regulator's application at 1366×768, 768×1024 and 390×844, in Chinese and in English: no sideways scrolling, every
 *   top-bar button inside the bar, the comparison's change column inside the panel (issue 16 item 8).
 * Build first: `node scripts/build-client.mjs`. Screenshots applications-*.png and layout-{zh,en}-{desktop,tablet,phone}-
 * applications.png (docs/screenshots with UPDATE_SCREENSHOTS=1).
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { box } from '../../server/geometry/shapes.fixture';
import { ADMIN_TOKEN, useTestServer } from '../helpers/server';
import { bearer, call } from '../helpers/auth';
import { audit, clickBlock, openMap, shot, signIn, useBrowser, waitIdle, watchConsole, type ConsoleLog } from './browser';

const server = useTestServer({ STATIC_DIR: 'dist/client' });
const browser = useBrowser();
/** A provincial CBM exploration block with investment filings (data/demo/investment_reports.json). */
const INVESTMENT_BLOCK = 'blk-0021';
/** A proposed CBM exploration block beside 柿庄南 (blk-0010), overlapping rights, wells and pipelines of the demo register. */
const PROPOSAL = box(112.64, 35.93, 112.72, 36.01);

/** The visible text of a part of the page. */
const textOf = (page: Page, testid: string) => page.getByTestId(testid).evaluate((el) => (el as HTMLElement).innerText);
/** English words and raw codes that must not reach the Chinese page. */
const NOT_ON_THE_CHINESE_PAGE =
  /\b(draft|submitted|accepted|approved|new_exploration|unchanged|added|candidates|INVESTMENT_[A-Z_]+|Loading)\b/;

const SIZES = [
  ['desktop', 1366, 768],
  ['tablet', 768, 1024],
  ['phone', 390, 844],
] as const;

/**
 * The side panel at the three layout sizes with `part` in view (a bottom sheet below 900 px): no sideways scrolling of
 * the page or the panel, the right edge of `part` inside the panel; screenshots layout-{lang}-{size}-applications.
 * Back to 1366×768 after.
 */
async function layoutShots(page: Page, lang: 'zh' | 'en', part: Locator) {
  for (const [size, width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await expect.poll(() => page.locator('#side-panel').isVisible()).toBe(true);
    await part.scrollIntoViewIfNeeded();
    // nothing reaches past the right edge (named when something does)
    const past = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5 && e.getClientRects().length > 0)
        .filter((e) => !e.closest('.maplibregl-map'))
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}px`),
    );
    expect(past, size).toEqual([]);
    // every top-bar button inside the bar (a signed-in regulator's name, role, tokens and sign-out join it)
    const bar = (await page.locator('.topbar').boundingBox())!;
    for (const b of await page.locator('.topbar button').all()) {
      const r = (await b.boundingBox())!;
      expect(r.y + r.height, `${size}: ${await b.innerText()}`).toBeLessThanOrEqual(bar.y + bar.height + 0.5);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), size).toBeLessThanOrEqual(0);
    const panel = page.locator('#tabpanel-applications');
    expect(await panel.evaluate((el) => el.scrollWidth - el.clientWidth), size).toBeLessThanOrEqual(0);
    const [p, x] = [(await panel.boundingBox())!, (await part.boundingBox())!];
    expect(x.x + x.width, `${size}: the comparison's right edge inside the panel`).toBeLessThanOrEqual(p.x + p.width + 0.5);
    await waitIdle(page);
    await shot(page, `layout-${lang}-${size}-applications`, true);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

describe('applications page', () => {
  let appId = '';
  // one page for the whole story (the map loads once): the holder signs out, the regulator signs in
  let page: Page;
  let log: ConsoleLog;
  beforeAll(async () => {
    page = await openMap(browser, server.url, {}, (p) => {
      log = watchConsole(p);
    });
  });
  afterAll(() => page?.context().close());

  it('a holder prepares an application from a check, saves the draft and submits it', async () => {
    await signIn(page, 'holder');
    await page.getByTestId('tab-check').click();
    const proposal = { type: 'Feature', properties: { name: '申请演示（合成）' }, geometry: PROPOSAL };
    await page
      .getByTestId('file-input')
      .setInputFiles({ name: 'proposal.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(proposal)) });
    await page.getByTestId('check-prepare-application').waitFor({ timeout: 30_000 });
    await page.getByTestId('check-prepare-application').click();

    const form = page.getByTestId('apps-form');
    await form.waitFor();
    expect(await page.getByTestId('tab-applications').getAttribute('aria-selected')).toBe('true');
    expect(await form.getByTestId('apps-kind').inputValue()).toBe('new_exploration');
    expect(await form.getByTestId('apps-applicant').inputValue()).toBe('中联煤层气有限责任公司(合成)');
    expect(await textOf(page, 'apps-geometry')).toMatch(/\d+\.\d{4} km²，来自核查结果/);
    expect(await audit(page), 'the form').toEqual([]);
    await form.getByTestId('apps-title').fill('柿庄南外围新立探矿权（合成）');
    await form.getByTestId('apps-reason').fill('据核查结果申请（演示）');
    await form.getByTestId('apps-save').click();

    const view = page.getByTestId('apps-view');
    await expect.poll(() => view.getByTestId('apps-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('draft');
    appId = (await view.getAttribute('data-id')) ?? '';
    expect(appId).not.toBe('');
    // a step needs a reason: keyboard only, the submit button says why when it is missing
    await view.getByTestId('apps-step-submit').focus();
    await page.keyboard.press('Enter');
    await view.getByRole('alert').first().waitFor();
    await view.getByTestId('apps-step-reason').fill('材料齐全，提交审批（演示）');
    await view.getByTestId('apps-step-submit').click();
    await expect.poll(() => view.getByTestId('apps-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('submitted');
    await view.getByTestId('apps-snapshot').waitFor();
    // the holder follows it: the steps so far, in Chinese
    const steps = await textOf(page, 'apps-steps');
    expect(steps).toContain('创建');
    expect(steps).toContain('草稿 → 已提交');
    expect(steps).toContain('材料齐全，提交审批（演示）');
    expect(await textOf(page, 'apps-panel')).not.toMatch(NOT_ON_THE_CHINESE_PAGE);
    expect(await audit(page), 'the holder’s application').toEqual([]);
    // the check's outcome legend stands above the coordinate readout in the map's corner, not under it
    const legend = (await page.getByTestId('outcome-legend').boundingBox())!;
    const readout = (await page.getByTestId('coord-readout').boundingBox())!;
    expect(legend.y + legend.height).toBeLessThanOrEqual(readout.y + 0.5);
    await shot(page, 'applications-zh-holder-submitted', true);
    expect(log.errors).toEqual([]);
  }, 120_000);

  it('a regulator opens its queue, sees the snapshot beside today with the new finding marked, accepts and approves', async () => {
    expect(appId).not.toBe('');
    // the register changes after submission: an official red line over part of the proposed area
    const r = await call(server.url, bearer('admin', ADMIN_TOKEN), 'POST', '/collections/redlines/items', {
      type: 'Feature',
      geometry: box(112.66, 35.95, 112.7, 35.99),
      properties: { name: '申请对比演示红线（合成）', status: 'official' },
    });
    expect(r.status, await r.clone().text()).toBe(201);

    await page.getByTestId('signout').click();
    await page.getByTestId('signin').waitFor();
    await signIn(page, 'regulator');
    const list = page.getByTestId('apps-list');
    await expect.poll(() => list.locator(`li[data-id="${appId}"]`).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('apps-state-filter').inputValue()).toBe('submitted');
    expect(await audit(page), 'the queue').toEqual([]);
    await list.locator(`li[data-id="${appId}"] button`).click();

    const view = page.getByTestId('apps-view');
    const diff = view.getByTestId('apps-diff');
    await diff.getByTestId('apps-diff-findings').waitFor({ timeout: 60_000 });
    const added = diff.locator('[data-testid=apps-diff-findings] li[data-change=added]');
    expect(await added.count()).toBeGreaterThan(0);
    expect(await added.first().innerText()).toContain('申请对比演示红线（合成）');
    expect(await diff.locator('tr[data-key^="area:"][data-changed=true]').count()).toBeGreaterThan(0);
    expect(await diff.locator('tr[data-key=verdict] td').first().innerText()).toMatch(/[\u4e00-\u9fff]/);
    expect(await textOf(page, 'apps-diff')).not.toMatch(NOT_ON_THE_CHINESE_PAGE);
    // the change column in words, inside the 340-px panel
    const changeCell = diff.locator('tr[data-key^="area:"][data-changed=true] td.diff-mark').first();
    expect(await changeCell.innerText()).toBe('有变化');
    const [panelBox, cellBox] = [(await page.locator('#tabpanel-applications').boundingBox())!, (await changeCell.boundingBox())!];
    expect(cellBox.x + cellBox.width).toBeLessThanOrEqual(panelBox.x + panelBox.width);
    expect(await audit(page), 'the snapshot beside today').toEqual([]);
    await diff.scrollIntoViewIfNeeded();
    await shot(page, 'applications-zh-regulator-diff', true);

    // the same at tablet and phone sizes, in Chinese and in English
    const table = diff.getByTestId('apps-diff-check');
    await layoutShots(page, 'zh', table);
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => textOf(page, 'apps-diff')).toContain('Frozen snapshot beside today');
    // row names start with a capital in English (the vocabulary's labels are written to run inside a sentence)
    const rowNames = await table.locator('tr[data-key^="area:"] th').allInnerTexts();
    expect(rowNames).toContain('Mining rights');
    for (const n of rowNames) expect(n, n).toMatch(/^[A-Z]/);
    await layoutShots(page, 'en', table);
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('lang-switch').textContent()).toBe('English');

    await view.getByTestId('apps-step-reason').fill('材料齐全，予以受理（演示）');
    await view.getByTestId('apps-step-docno').fill('晋自然资受〔2026〕1号(合成)');
    await view.getByTestId('apps-step-accept').click();
    await expect.poll(() => view.getByTestId('apps-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('accepted');
    await view.getByTestId('apps-step-reason').fill('经审查，准予登记（演示）');
    await view.getByTestId('apps-step-docno').fill('晋自然资批〔2026〕2号(合成)');
    await view.getByTestId('apps-step-approve').click();
    await expect.poll(() => view.getByTestId('apps-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('approved');
    const steps = await textOf(page, 'apps-steps');
    expect(steps).toContain('晋自然资批〔2026〕2号(合成)');
    expect(steps).toContain('已受理 → 已批准');
    await view.getByTestId('apps-steps').scrollIntoViewIfNeeded();
    await shot(page, 'applications-zh-regulator-approved', true);

    // the queue no longer holds it
    await view.getByTestId('apps-back').click();
    await expect.poll(() => list.locator(`li[data-id="${appId}"]`).count(), { timeout: 15_000 }).toBe(0);
    expect(log.errors).toEqual([]);
  }, 120_000);

  it('the investment card and the abnormal list, in Chinese and in English', async () => {
    // back from the proposal's close-up to the basin, where the block's tiles are loaded
    await page.getByTestId('fit-qinshui').click();
    await waitIdle(page);
    await clickBlock(page, INVESTMENT_BLOCK);
    const card = page.getByTestId('details-investment');
    await card.getByTestId('investment-years').waitFor({ timeout: 60_000 });
    const zhCard = await textOf(page, 'details-investment');
    expect(zhCard).toContain('年度勘查投入');
    expect(zhCard).toContain('最低投入');
    expect(zhCard).not.toMatch(NOT_ON_THE_CHINESE_PAGE);
    expect(await audit(page), 'the investment card').toEqual([]);
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'applications-zh-investment', true);

    // the abnormal list in the side panel, beside the details
    await page.getByTestId('apps-part-abnormal').click();
    const list = page.getByTestId('abnormal-list');
    await list.getByTestId('abnormal-status').waitFor({ timeout: 30_000 });
    const zhList = await textOf(page, 'abnormal-list');
    expect(zhList).toContain('异常名录');
    expect(zhList).not.toMatch(NOT_ON_THE_CHINESE_PAGE);
    expect(await audit(page), 'the abnormal list').toEqual([]);
    await shot(page, 'applications-zh-abnormal', true);

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => textOf(page, 'abnormal-list')).toContain('Abnormal list');
    expect(await textOf(page, 'abnormal-list')).toMatch(/Candidates|Published|Not published/);
    const enCard = await textOf(page, 'details-investment');
    expect(enCard).toContain('Annual exploration investment');
    expect(enCard).not.toMatch(/年度勘查投入|最低投入|未填报/);
    await shot(page, 'applications-en-abnormal-investment', true);
    expect(log.errors).toEqual([]);
  }, 120_000);
});
