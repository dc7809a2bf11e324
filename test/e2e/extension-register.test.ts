/**
 * Issue 16 items 1–2, as the user did it: find 寿阳北 in 查询, open it, read the register's verdict in the details
 * panel, click 用于延续评估 — the 延续 tab assesses the stored block and says the same (不予延续, with the register's
 * reasons), every input named with its source; override 已延续次数 to 0 and the override is marked, the verdict
 * noted as not the register's. Signed in as the demo holder of 寿阳北 (the whole assessment is theirs to see).
 * One page; screenshots of both cards at 1366×768 and 390×844, zh and en (docs/screenshots with UPDATE_SCREENSHOTS=1).
 * Build first: `npx vite build`.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/server';
import { openMap, shot, signIn, useBrowser, waitIdle, watchConsole, type ConsoleLog } from './browser';

const server = useTestServer({ STATIC_DIR: 'dist/client' });
const browser = useBrowser();
let page: Page;
let log: ConsoleLog;

const reasonsOf = (scope: string) => page.locator(`[data-testid=${scope}] [data-testid=refusal-reasons] li`).allInnerTexts();

/** No table of the card wider than its panel. */
const tablesFit = (testid: string) =>
  page
    .getByTestId(testid)
    .evaluate((el) => [...el.querySelectorAll('table')].every((t) => t.scrollWidth <= (t.parentElement as HTMLElement).clientWidth + 1));

/** Scroll a card's verdict banner to the top of its panel and take the screenshot. */
async function picture(testid: string, name: string) {
  await page.locator(`[data-testid=${testid}] [data-testid=assessment-banner]`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(300);
  await shot(page, name, true);
}

beforeAll(async () => {
  page = await openMap(browser, server.url, {}, (p) => {
    log = watchConsole(p);
  });
  await waitIdle(page);
  await signIn(page, 'holder');
});

describe('用于延续评估 assesses the stored block (issue 16 item 1)', () => {
  it('寿阳北: the 延续 tab gives the register verdict with its reasons, then marks an override', async () => {
    await page.getByTestId('tab-find').click();
    await page.getByTestId('search-input').fill('寿阳北');
    await page.getByTestId('search-submit').click();
    await expect.poll(() => page.getByTestId('search-results').textContent(), { timeout: 20_000 }).toContain('寿阳北');
    await page.getByTestId('search-results').locator('button').first().click();
    await expect.poll(() => page.getByTestId('details-title').textContent()).toContain('寿阳北');

    // the register card: the verdict first, its reasons in Chinese right under it
    const card = page.getByTestId('details').getByTestId('assessment-card');
    await card.waitFor({ timeout: 60_000 });
    expect(await card.getByTestId('assessment-decision').textContent()).toBe('不予延续');
    const registerReasons = await reasonsOf('assessment-card');
    expect(registerReasons).toHaveLength(3);
    expect(registerReasons.join('\n')).toMatch(/已延续 2 次/);
    expect(registerReasons.join('\n')).toMatch(/2023-04-30 前未完成转采登记/);
    expect(registerReasons.join('\n')).toMatch(/98\.6895%/);
    // money in 万元 with separators, dates written out, no raw keys
    const text = (await card.innerText()).replace(/\s+/g, ' ');
    expect(text).toMatch(/13,437\.59 万元/);
    expect(text).toMatch(/2030年12月15日/);
    expect(text).not.toMatch(/derived_steps|usage_fee_cny|refusal_reasons|decision|refuse/);
    await picture('assessment-card', 'assessment-register-zh');

    await page.getByTestId('use-for-extension').click();
    await expect.poll(() => page.getByTestId('ext-block').textContent()).toContain('寿阳北');
    const ext = page.getByTestId('ext-card');
    await ext.waitFor({ timeout: 60_000 });
    // the same verdict and the same reasons as the register card — never 准予延续 on the licensed area alone
    expect(await ext.getByTestId('assessment-decision').textContent()).toBe('不予延续');
    expect(await reasonsOf('ext-card')).toEqual(registerReasons);
    expect(await ext.getByTestId('assessment-override').count()).toBe(0);
    // every input with its source: the register's extensions used, reserves date and shortfall
    const used = ext.getByTestId('input-extensions_used');
    expect(await used.getAttribute('data-source')).toBe('register');
    expect(await used.getByTestId('input-value').textContent()).toBe('2');
    expect(await used.getByTestId('input-source').textContent()).toBe('来自登记簿');
    expect(await ext.getByTestId('input-proven_reserves_submitted_date').getByTestId('input-value').textContent()).toBe('2015年11月18日');
    expect(await ext.getByTestId('input-unfinished_ratio').getAttribute('data-source')).toBe('register');
    expect(await ext.getByTestId('input-application_date').getAttribute('data-source')).toBe('default');
    await picture('ext-card', 'extension-register-zh');

    // override one input: extensions used → 0
    await used.getByTestId('override-open').click();
    await used.getByTestId('override-value').fill('0');
    await used.getByTestId('override-apply').click();
    await expect.poll(() => ext.getByTestId('assessment-override').count(), { timeout: 30_000 }).toBe(1);
    expect(await ext.getByTestId('assessment-override').textContent()).toMatch(/^含用户覆盖值，非登记簿结论（覆盖：已延续次数/);
    expect(await used.getAttribute('data-source')).toBe('override');
    expect(await used.getByTestId('input-value').textContent()).toBe('0');
    expect(await used.getByTestId('input-source').textContent()).toBe('用户覆盖');
    expect(await used.textContent()).toContain('登记簿：2');
    // still refused, now on the two other reasons
    expect(await ext.getByTestId('assessment-decision').textContent()).toBe('不予延续');
    expect(await reasonsOf('ext-card')).toEqual(registerReasons.slice(1));
    await picture('ext-card', 'extension-override-zh');

    // the override undone: the register's verdict again
    await used.getByTestId('override-clear').click();
    await expect.poll(() => ext.getByTestId('assessment-override').count(), { timeout: 30_000 }).toBe(0);
    expect(await reasonsOf('ext-card')).toEqual(registerReasons);
  });

  it('the cards fit a phone (390×844) and read in English', async () => {
    const ext = page.getByTestId('ext-card');
    expect(await tablesFit('ext-card')).toBe(true);
    expect(await tablesFit('assessment-card')).toBe(true);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    expect(await tablesFit('assessment-card')).toBe(true);
    await picture('assessment-card', 'assessment-register-phone-zh');
    // the details panel closed, the extension tab underneath
    await page.getByTestId('details-close').click();
    await page.waitForTimeout(300);
    expect(await tablesFit('ext-card')).toBe(true);
    await picture('ext-card', 'extension-register-phone-zh');
    await page.setViewportSize({ width: 1366, height: 768 });
    // the block opened again from the search results, the extension tab beside it
    await page.getByTestId('tab-find').click();
    await page.getByTestId('search-results').locator('button').first().click();
    await page.getByTestId('details').getByTestId('assessment-card').waitFor({ timeout: 60_000 });
    await page.getByTestId('tab-extension').click();
    await ext.waitFor({ timeout: 60_000 });
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => ext.getByTestId('assessment-decision').textContent()).toBe('refuse');
    expect(await ext.getByTestId('input-extensions_used').getByTestId('input-source').textContent()).toBe('from the register');
    expect(await tablesFit('ext-card')).toBe(true);
    const text = await ext.innerText();
    expect(text).toMatch(/CN¥/);
    expect(text).not.toMatch(/不予延续|来自登记簿|用户覆盖|万元/);
    await picture('ext-card', 'extension-register-en');
    await page.getByTestId('details').getByTestId('assessment-card').waitFor({ timeout: 60_000 });
    expect(await tablesFit('assessment-card')).toBe(true);
    await picture('assessment-card', 'assessment-register-en');
    await page.getByTestId('lang-switch').click();
  });

  it('no console errors', () => {
    expect(log.errors).toEqual([]);
  });
});
