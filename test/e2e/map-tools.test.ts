/**
 * Map tools surveyors expect (issue 16 items 4-5), in a real browser against the real service: cursor coordinates,
 * ellipsoidal measuring compared with GeographicLib, drawing finished by double-click and its corners edited, typed
 * corners read by the server's parser, a permalink restored after a reload, and the context base outside Shanxi.
 * Build first: `npx vite build`. Screenshots: test-results/e2e/map-tools-*.png (docs/screenshots with UPDATE_SCREENSHOTS=1).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { geod } from '../../server/geodesy/area';
import { gkConverter, gkCrsForZone } from '../../server/geodesy/crs';
import { parseDms } from '../../server/geodesy/dms';
import { readout } from '../../client/src/map/tools/coords';
import { formatArea, formatLength } from '../../client/src/map/tools/measure';
import { useTestServer } from '../helpers/server';
import {
  DESKTOP,
  canvasStats,
  clickBlock,
  renderedIds,
  shot,
  useBrowser,
  waitForMap,
  waitIdle,
  watchConsole,
  type ConsoleLog,
} from './browser';

const server = useTestServer({ STATIC_DIR: 'dist/client' });
const browser = useBrowser();
let context: BrowserContext;
let page: Page;
let log: ConsoleLog;

/** Screen point (page coordinates) of a lon/lat, and the lon/lat the map reads back at that whole pixel. */
async function pointOf(lon: number, lat: number): Promise<{ x: number; y: number; lon: number; lat: number }> {
  return page.evaluate(
    ([lo, la]) => {
      const map = window.__map!;
      const r = map.getCanvas().getBoundingClientRect();
      const p = map.project([lo, la]);
      const x = Math.round(p.x);
      const y = Math.round(p.y);
      const back = map.unproject([x, y]);
      return { x: r.left + x, y: r.top + y, lon: back.lng, lat: back.lat };
    },
    [lon, lat],
  );
}

async function jump(lon: number, lat: number, zoom: number) {
  await page.evaluate(([lo, la, z]) => window.__map!.jumpTo({ center: [lo, la], zoom: z }), [lon, lat, zoom]);
  await waitIdle(page);
}

/** The corners of the drawn/typed polygon as the corner table lists them (lon/lat inputs in DMS, read back). */
async function tableCorners(): Promise<[number, number][]> {
  const lons = await page.getByTestId('corner-lon').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  const lats = await page.getByTestId('corner-lat').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  return lons.map((lon, i) => [parseDms(lon)!.value, parseDms(lats[i])!.value]);
}

beforeAll(async () => {
  context = await browser.newContext(DESKTOP);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  page = await context.newPage();
  log = watchConsole(page);
  await page.goto(server.url);
  await waitForMap(page, 90_000);
  await waitIdle(page);
});

describe('map tools', () => {
  it('shows the cursor position in decimal degrees, DMS and GK 3° zone; a click pins it and a click on a value copies it', async () => {
    await jump(112.7, 36.0, 9);
    const at = await pointOf(112.75, 35.95);
    await page.mouse.move(at.x, at.y);
    const want = readout(at.lon, at.lat, 'zh');
    await expect.poll(() => page.getByTestId('coord-decimal').textContent()).toBe(want.decimal);
    expect(await page.getByTestId('coord-dms').textContent()).toBe(want.dms);
    expect(await page.getByTestId('coord-gk').textContent()).toBe(want.gk);
    expect(want.gk).toContain('3°带 38');
    await shot(page, 'map-tools-cursor', true);

    // a click pins the position: moving the mouse to the readout does not change it
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.getByTestId('coord-kind').textContent()).toMatch(/已固定/);
    await page.getByTestId('coord-gk').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(want.gk);
    await page.getByTestId('coord-dms').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(want.dms);
    await page.keyboard.press('Escape');
  });

  it('measures a distance and an area on the ellipsoid, equal to GeographicLib on the same points', async () => {
    await jump(112.7, 36.0, 10);
    await page.getByTestId('measure-distance').click();
    const a = await pointOf(112.6, 35.93);
    const b = await pointOf(112.8, 36.06);
    await page.mouse.click(a.x, a.y);
    await page.waitForTimeout(350);
    await page.mouse.click(b.x, b.y);
    await page.keyboard.press('Enter');
    const s12 = geod.Inverse(a.lat, a.lon, b.lat, b.lon).s12!;
    await expect.poll(() => page.getByTestId('measure-length').textContent()).toBe(formatLength(s12));
    expect(s12 / 1000).toBeGreaterThan(20);

    await page.getByTestId('measure-area-btn').click();
    const corners = [await pointOf(112.6, 35.93), await pointOf(112.8, 35.93), await pointOf(112.8, 36.06), await pointOf(112.6, 36.06)];
    for (const c of corners) {
      await page.mouse.click(c.x, c.y);
      await page.waitForTimeout(350);
    }
    await page.keyboard.press('Enter');
    const poly = geod.Polygon(false);
    for (const c of corners) poly.AddPoint(c.lat, c.lon);
    const ref = poly.Compute(false, true);
    await expect.poll(() => page.getByTestId('measure-area').textContent()).toBe(formatArea(Math.abs(ref.area!), 'zh'));
    expect(await page.getByTestId('measure-perimeter').textContent()).toBe(formatLength(ref.perimeter));
    await shot(page, 'map-tools-measure', true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('measure-result').count()).toBe(0);
  });

  it('finishes a drawing by double-click without a stray corner; corners are dragged, deleted and checked again', async () => {
    await page.getByTestId('tab-check').click();
    await jump(112.9, 36.6, 10);
    await page.getByTestId('draw').click();
    const pts = [await pointOf(112.82, 36.55), await pointOf(112.98, 36.55), await pointOf(112.98, 36.66)];
    for (const p of pts) {
      await page.mouse.click(p.x, p.y);
      await page.waitForTimeout(350);
    }
    // the fourth corner placed by the double-click that finishes
    const last = await pointOf(112.82, 36.66);
    await page.mouse.dblclick(last.x, last.y);
    await expect.poll(() => page.getByTestId('input-area').textContent(), { timeout: 30_000 }).toMatch(/^\d+\.\d{4} km²$/);
    expect(await page.getByTestId('error').count()).toBe(0);
    await expect.poll(() => page.getByTestId('corner-row').count()).toBe(4);
    expect(await tableCorners()).toHaveLength(4);
    await waitIdle(page); // the map fits the checked block

    // drag J2 to the east: the table follows and asks for a new check
    const j2 = await pointOf(...(await tableCorners())[1]);
    await page.mouse.move(j2.x, j2.y);
    await page.mouse.down();
    await page.mouse.move(j2.x + 40, j2.y + 10, { steps: 6 });
    await page.mouse.up();
    await expect.poll(async () => (await tableCorners())[1][0]).toBeGreaterThan(112.99);
    await expect.poll(() => page.getByText('拐点已修改，请重新检查').count()).toBe(1);
    await shot(page, 'map-tools-corners', true);

    // select J4 from the table (keyboard-reachable button) and delete it with the Delete key
    await page.getByRole('button', { name: '选中拐点 J4' }).click();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.getByTestId('corner-row').count()).toBe(3);
    expect(await tableCorners()).toHaveLength(3);
    const before = await page.getByTestId('input-area').textContent();
    await page.getByTestId('corners-check').click();
    await expect.poll(() => page.getByTestId('input-area').textContent(), { timeout: 30_000 }).not.toBe(before);
    expect(await page.getByText('拐点已修改，请重新检查').count()).toBe(0);
  }, 240_000);

  it('reads typed GK corners through the server parser into an editable polygon', async () => {
    const GK = [
      [3966200.125, 38375300.25],
      [3966500.375, 38379800.5],
      [3964100.625, 38382100.75],
      [3960400.875, 38381500.125],
    ];
    const text = ['点号,X,Y', ...GK.map(([x, y], i) => `J${i + 1},${x},${y}`)].join('\n');
    await page.getByTestId('corner-entry').locator('summary').click();
    await page.getByTestId('corner-text').fill(text);
    await page.getByTestId('corner-read').click();
    await expect.poll(() => page.getByTestId('corner-row').count(), { timeout: 30_000 }).toBe(4);
    await expect.poll(() => page.getByTestId('input-area').textContent(), { timeout: 30_000 }).toMatch(/^\d+\.\d{4} km²$/);
    const toLonLat = gkConverter(gkCrsForZone(38)!);
    const want = GK.map(([x, y]) => toLonLat(x, y));
    const got = await tableCorners();
    // DMS to 0.001″ in the table: within 1e-6°
    for (const w of want) expect(got.some((g) => Math.abs(g[0] - w[0]) < 1e-6 && Math.abs(g[1] - w[1]) < 1e-6)).toBe(true);
    // the GK column of the table shows the corners as typed (to the centimetre)
    const shown = (await page.getByTestId('corner-gk').allTextContents()).map((t) => t.match(/\d+\.\d{2}/g)!.map(Number));
    for (const [x, y] of GK) expect(shown.some(([sx, sy]) => Math.abs(sx - x) < 0.011 && Math.abs(sy - y) < 0.011)).toBe(true);
  });

  it('a permalink restores view, layers, filters, selection, tab and language after a reload', async () => {
    await page.getByTestId('tab-layers').click();
    await jump(113.25, 37.93, 10);
    await clickBlock(page, 'blk-0015');
    await expect.poll(() => page.getByTestId('details-title').isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByTestId('toggle-wells').uncheck();
    await page.getByTestId('lang-switch').click();
    await page.evaluate(() => window.__map!.jumpTo({ center: [112.91234, 37.71234], zoom: 9.25 }));
    await page.getByTestId('tab-find').click();
    await page.getByTestId('filter-status').selectOption('valid');
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/sel=blocks%2Fblk-0015/);
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toContain('map=9.25%2F37.7123%2F112.9123'); // 4 decimals: finer than a pixel at zoom 9
    expect(hash).toContain('tab=find');
    expect(hash).toContain('lang=en');
    expect(hash).toContain('status=valid');
    expect(hash).toContain('off=wells');

    // a new page with the link (no stored language: the link decides)
    const other = await browser.newContext(DESKTOP);
    const p2 = await other.newPage();
    const log2 = watchConsole(p2);
    await p2.goto(`${server.url}/${hash}`);
    await waitForMap(p2, 90_000);
    await expect.poll(() => p2.evaluate(() => document.documentElement.lang)).toBe('en');
    const view = await p2.evaluate(() => ({ c: window.__map!.getCenter(), z: window.__map!.getZoom() }));
    expect(view.z).toBeCloseTo(9.25, 2);
    expect(Math.abs(view.c.lng - 112.91234)).toBeLessThan(1e-4);
    expect(Math.abs(view.c.lat - 37.71234)).toBeLessThan(1e-4);
    expect(await p2.getByTestId('tab-find').getAttribute('aria-selected')).toBe('true');
    expect(await p2.getByTestId('filter-status').inputValue()).toBe('valid');
    await expect.poll(() => p2.getByTestId('details-title').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await p2.evaluate(() => window.__map!.getFilter('blk-fill'))).toEqual(['==', ['get', 'status'], 'valid']);
    await expect.poll(() => p2.evaluate(() => window.__map!.getLayoutProperty('well-point', 'visibility'))).toBe('none');
    await p2.getByTestId('tab-layers').click();
    expect(await p2.getByTestId('toggle-wells').isChecked()).toBe(false);
    expect(await p2.getByTestId('toggle-blocks').isChecked()).toBe(true);
    await p2.getByTestId('tab-find').click();
    await waitIdle(p2);
    await shot(p2, 'map-tools-permalink-en', true);
    expect(log2.errors).toEqual([]);
    await other.close();
  }, 240_000);

  it('draws the offline context outside Shanxi (provinces, rivers) and the overview inset: not a blank canvas', async () => {
    if ((await page.evaluate(() => document.documentElement.lang)) !== 'zh-CN') await page.getByTestId('lang-switch').click();
    await jump(116.4, 38.6, 6.2);
    expect((await renderedIds(page, ['base-province-line'])).length).toBeGreaterThan(0);
    const drawn = await page.evaluate(() => ({
      provinces: window.__map!.queryRenderedFeatures({ layers: ['base-province-line'] }).length,
      rivers: window.__map!.queryRenderedFeatures({ layers: ['base-river'] }).length,
      labels: window.__map!.queryRenderedFeatures({ layers: ['base-province-label'] }).map((f) => f.properties.name),
    }));
    expect(drawn.provinces).toBeGreaterThan(3);
    expect(drawn.rivers).toBeGreaterThan(0);
    expect(drawn.labels).toEqual(expect.arrayContaining(['河北省']));
    const stats = await canvasStats(page);
    expect(stats.distinct).toBeGreaterThan(20);
    expect(stats.share).toBeGreaterThan(0.05);
    // the overview inset has the view frame drawn in red
    const red = await page.getByTestId('overview-map').evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] > 180 && d[i + 1] < 60 && d[i + 2] < 60) n++;
      return n;
    });
    expect(red).toBeGreaterThan(10);
    await shot(page, 'map-outside-shanxi', true);
    // page errors must be none; MapLibre's own console noise under load is reported apart (see the report)
    expect(log.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
