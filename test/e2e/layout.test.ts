/**
 * Layout, access and speed felt (issue 16 items 6–8), in Chromium against the real service:
 * - an automated accessibility audit (axe-core, WCAG 2.2 A/AA rules) of the main page states — the first map, a block's
 *   details with its conflicts, a check's results, the extension tab — with no serious or critical violation (the 申请
 *   tab's states — form, queue, snapshot beside today, investment card, abnormal list — in applications-page.test.ts);
 * - Esc closes the details and gives focus back to what opened them; check results and search results are announced
 *   through live regions; drawing has a keyboard path (the typed corner entry, reached and used with keys only);
 * - a block click reads no conflict overlay until the conflicts section is opened (requests counted);
 * - at 768×1024 one panel at a time as a bottom sheet, the map keeping the full width and most of the height;
 *   at 390×844 the language switch on screen and no sideways scrolling;
 * - screenshots layout-{zh,en}-{desktop,tablet,phone}.png (docs/screenshots with UPDATE_SCREENSHOTS=1).
 * Build first: `npx vite build`.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/server';
import { audit, clickBlock, openMap, shot, useBrowser, waitIdle, watchConsole, type ConsoleLog } from './browser';

const server = useTestServer({ STATIC_DIR: 'dist/client' });
const browser = useBrowser();
/** Requests the page makes whose path matches, counted from now on. */
function countRequests(page: Page, path: RegExp): { n: number; stop: () => void } {
  const c = {
    n: 0,
    stop: () => page.off('request', on),
  };
  const on = (r: { url: () => string }) => {
    if (path.test(new URL(r.url()).pathname)) c.n++;
  };
  page.on('request', on);
  return c;
}

/** The fraction of the viewport the map canvas covers, and its size. */
async function mapShare(page: Page): Promise<{ w: number; h: number; share: number; vw: number; vh: number }> {
  return page.evaluate(() => {
    const r = window.__map!.getCanvas().getBoundingClientRect();
    return { w: r.width, h: r.height, vw: innerWidth, vh: innerHeight, share: (r.width * r.height) / (innerWidth * innerHeight) };
  });
}

describe('desktop 1366×768 (zh): accessibility audit of the main states, focus, announcements, lazy conflicts', () => {
  let page: Page;
  let log: ConsoleLog;
  beforeAll(async () => {
    page = await openMap(browser, server.url, {}, (p) => {
      log = watchConsole(p);
    });
    await waitIdle(page);
  });
  afterAll(() => page?.context().close());
  beforeEach(async () => {
    // each state starts from a page without open details (a failed step must not leave them open for the next)
    if (await page.getByTestId('details').count()) await page.getByTestId('details-close').click();
  });

  it('the first map: no serious or critical axe violation', async () => {
    expect(await audit(page)).toEqual([]);
    await shot(page, 'layout-zh-desktop', true);
  });

  it('a block click reads no conflict overlay; opening the conflicts section reads it once; the details pass axe', async () => {
    await page.getByTestId('fit-qinshui').click();
    await waitIdle(page);
    const overlays = countRequests(page, /^\/api\/blocks\/[^/]+\/conflicts$/);
    await clickBlock(page, 'blk-0010');
    await expect.poll(() => page.getByTestId('details-title').textContent()).toContain('柿庄南');
    await page.getByTestId('assessment-card').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('wells-count').textContent(), { timeout: 30_000 }).toMatch(/^\d+$/);
    expect(overlays.n).toBe(0);
    await page.getByTestId('details-conflicts-toggle').click();
    await page.getByTestId('details-conflicts').getByTestId('verdict').waitFor({ timeout: 60_000 });
    expect(overlays.n).toBe(1);
    overlays.stop();
    expect(await audit(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('details').count()).toBe(0);
  });

  it('Esc closes the details and gives focus back to the search result that opened them; results are announced', async () => {
    await page.getByTestId('tab-find').click();
    await page.getByTestId('search-input').fill('柿庄南');
    await page.getByTestId('search-input').press('Enter');
    await expect.poll(() => page.getByTestId('find-announce').textContent(), { timeout: 30_000 }).toMatch(/找到 \d+ 个区块/);
    const result = page.locator('#tabpanel-find .results button').first();
    await result.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('details-title').textContent(), { timeout: 30_000 }).toContain('柿庄南');
    // focus moved into the details (their close button)
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('details-close');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('details').count()).toBe(0);
    await expect
      .poll(() =>
        page.evaluate(
          () => document.activeElement?.closest('#tabpanel-find .results') !== null && document.activeElement !== document.body,
        ),
      )
      .toBe(true);
  });

  it('a check with conflicts: the result is announced in the live region and passes axe', async () => {
    await page.getByTestId('tab-check').click();
    await page.getByTestId('file-input').setInputFiles('data/samples/demo-overlap-guotu.txt');
    await page.getByTestId('check-result').getByTestId('verdict').waitFor({ timeout: 60_000 });
    const verdict = (await page.getByTestId('check-result').getByTestId('verdict-code').textContent())!;
    await expect.poll(() => page.getByTestId('check-announce').textContent(), { timeout: 10_000 }).toContain(`核查完成：${verdict}`);
    expect(await page.getByTestId('check-announce').getAttribute('aria-live')).toBe('polite');
    expect(await audit(page)).toEqual([]);
  });

  it('drawing has a keyboard path: the typed corner entry, opened and used with keys only', async () => {
    const before = await page.getByTestId('input-area').textContent();
    const summary = page.getByTestId('corner-entry').locator('summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // the corner text
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('corner-text');
    await page.keyboard.insertText('点号,经度,纬度\nJ1,112.62,35.90\nJ2,112.70,35.90\nJ3,112.70,35.98\nJ4,112.62,35.98\n');
    await page.keyboard.press('Tab'); // the zone
    await page.keyboard.press('Tab'); // read
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('corner-read');
    await page.keyboard.press('Enter');
    // the typed block is checked: its four corners in the corner table, a new area, the result announced
    await expect.poll(() => page.getByTestId('corner-lon').count(), { timeout: 60_000 }).toBe(4);
    await expect.poll(() => page.getByTestId('input-area').textContent(), { timeout: 60_000 }).not.toBe(before);
    expect(await page.getByTestId('input-area').textContent()).toMatch(/km²$/);
    await expect.poll(() => page.getByTestId('check-announce').textContent(), { timeout: 60_000 }).toMatch(/^核查完成/);
  });

  it('the extension tab passes axe', async () => {
    await page.getByTestId('tab-extension').click();
    await page.locator('#tabpanel-extension .panel-body').waitFor({ timeout: 30_000 });
    expect(await audit(page)).toEqual([]);
  });

  it('the English page: first map and check results pass axe; no console errors', async () => {
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('lang-switch').textContent()).toBe('中文');
    await page.getByTestId('tab-layers').click();
    expect(await audit(page)).toEqual([]);
    await shot(page, 'layout-en-desktop', true);
    await page.getByTestId('lang-switch').click();
    expect(log.errors).toEqual([]);
  });
});

/** A page at a size, in a language. */
async function openAt(b: Browser, width: number, height: number, lang: 'zh' | 'en'): Promise<Page> {
  const page = await openMap(b, server.url, {
    viewport: { width, height },
    locale: lang === 'zh' ? 'zh-CN' : 'en-US',
    isMobile: width < 500,
    hasTouch: width < 500,
  });
  if ((await page.getByTestId('lang-switch').textContent()) !== (lang === 'zh' ? 'English' : '中文'))
    await page.getByTestId('lang-switch').click();
  await expect.poll(() => page.getByTestId('lang-switch').textContent()).toBe(lang === 'zh' ? 'English' : '中文');
  await waitIdle(page);
  return page;
}

describe('tablet 768×1024: one panel at a time, as a bottom sheet under a full-width map', () => {
  for (const lang of ['zh', 'en'] as const)
    it(`${lang}: the side panel and the details each leave the map most of the screen; Esc and focus`, async () => {
      const page = await openAt(browser, 768, 1024, lang);
      try {
        // the panel starts closed: the whole screen below the top bar is map
        expect((await mapShare(page)).share).toBeGreaterThan(0.9);
        await page.getByTestId('toggle-panel').click();
        await page.getByTestId('tab-layers').waitFor();
        let m = await mapShare(page);
        expect(m.w).toBe(768);
        expect(m.share).toBeGreaterThan(0.5);
        if (lang === 'zh') expect(await audit(page)).toEqual([]);
        await shot(page, `layout-${lang}-tablet`, true);

        // a block's details replace the side panel (never both): the map keeps the full width
        await page.getByTestId('fit-qinshui').click();
        await waitIdle(page);
        await clickBlock(page, 'blk-0010');
        await page.getByTestId('details-title').waitFor({ timeout: 30_000 });
        await expect.poll(() => page.locator('#side-panel').isVisible()).toBe(false);
        m = await mapShare(page);
        expect(m.w).toBe(768);
        expect(m.share).toBeGreaterThan(0.5);
        await waitIdle(page);
        await shot(page, `layout-${lang}-tablet-details`, true);
        // Esc closes the details; the side panel is back
        await page.keyboard.press('Escape');
        await expect.poll(() => page.getByTestId('details').count()).toBe(0);
        await expect.poll(() => page.locator('#side-panel').isVisible()).toBe(true);
        // Esc again closes the sheet and gives focus to the menu button
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('#side-panel').isVisible()).toBe(false);
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('toggle-panel');
      } finally {
        await page.context().close();
      }
    });
});

describe('phone 390×844: the language switch on screen, no sideways scrolling', () => {
  for (const lang of ['zh', 'en'] as const)
    it(`${lang}: every top-bar button inside the screen`, async () => {
      const page = await openAt(browser, 390, 844, lang);
      try {
        const sw = page.getByTestId('lang-switch');
        const box = (await sw.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(390);
        expect(box.y + box.height).toBeLessThanOrEqual(120);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        for (const b of await page.locator('.topbar button').all()) {
          const r = (await b.boundingBox())!;
          expect(r.x + r.width).toBeLessThanOrEqual(390);
        }
        // the coordinate readout shows lon/lat only on a phone (one line, not a quarter of the map strip); the other
        // formats are one tap away, and the choice is kept
        const readout = page.getByTestId('coord-readout');
        await readout.waitFor();
        expect(await page.getByTestId('coord-dms').count()).toBe(0);
        const small = (await readout.boundingBox())!;
        expect(small.height).toBeLessThanOrEqual(64);
        await page.getByTestId('coord-formats').click();
        await page.getByTestId('coord-gk').waitFor();
        expect(await page.getByTestId('coord-formats').getAttribute('aria-expanded')).toBe('true');
        expect((await readout.boundingBox())!.height).toBeGreaterThan(small.height + 30);
        await shot(page, `layout-${lang}-phone-readout-all`, true);
        await page.getByTestId('coord-formats').click();
        await expect.poll(() => page.getByTestId('coord-dms').count()).toBe(0);
        await page.getByTestId('toggle-panel').click();
        await page.getByTestId('tab-layers').waitFor();
        const m = await mapShare(page);
        expect(m.w).toBe(390);
        expect(m.share).toBeGreaterThan(0.4);
        if (lang === 'zh') expect(await audit(page)).toEqual([]);
        await shot(page, `layout-${lang}-phone`, true);
        // the choice is kept: all three formats after a reload once chosen
        await page.getByTestId('coord-formats').click();
        await page.getByTestId('coord-gk').waitFor();
        await page.reload();
        await waitIdle(page);
        await page.getByTestId('coord-gk').waitFor();
        expect(await page.getByTestId('coord-formats').getAttribute('aria-expanded')).toBe('true');
      } finally {
        await page.context().close();
      }
    });
});
