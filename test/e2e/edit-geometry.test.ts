/**
 * Geometry editing from the page (issue 13, "The page"), in a real browser against the real service: the demo
 * province regulator opens a red line, replaces its extent with an uploaded coordinate file, saves, then draws a
 * new extent on the map and saves again; each time the register holds the new geometry, the details show the new
 * area and the history a new version by `regulator` with the extent marked changed. The map must show the
 * feature and the edit (screenshots in test-results/e2e; a blank map fails).
 * Build first: `npx vite build`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/server';
import { canvasStats, clickFeature, openMap, shot, signIn, useBrowser, waitIdle, watchConsole, type ConsoleLog } from './browser';

/** 管涔山水源涵养生态保护红线 (official, kept by the province: the demo regulator may change it). */
const RED_LINE = 'red-007';

const server = useTestServer({ STATIC_DIR: 'dist/client' });
const browser = useBrowser();
let page: Page;
let log: ConsoleLog;

const SLOW = 300_000;

type Ring = [number, number][];
const closed = (r: Ring): Ring => [...r, r[0]];
/** The stored feature as the API gives it. */
const stored = async () =>
  (await (await fetch(`${server.url}/collections/redlines/items/${RED_LINE}`)).json()) as {
    geometry: { type: string; coordinates: number[][][][] };
    properties: { area_km2: number };
  };
const outerRing = (g: { type: string; coordinates: unknown }) =>
  (g.type === 'MultiPolygon' ? (g.coordinates as number[][][][])[0][0] : (g.coordinates as number[][][])[0]) as number[][];
const bboxOf = (ring: number[][]) => [
  Math.min(...ring.map((p) => p[0])),
  Math.min(...ring.map((p) => p[1])),
  Math.max(...ring.map((p) => p[0])),
  Math.max(...ring.map((p) => p[1])),
];
const detailsArea = () => page.locator('[data-testid=details-props] [data-key=area] dd').textContent();
const historyRows = () => page.getByTestId('history-row');

/** The map is not blank: many colours and a good share of drawn pixels. */
async function expectDrawnMap(name: string) {
  await waitIdle(page);
  const s = await canvasStats(page);
  await shot(page, name, true);
  expect(s.distinct, `${name}: colours on the map`).toBeGreaterThan(20);
  expect(s.share, `${name}: drawn share of the map`).toBeGreaterThan(0.05);
}

describe('a regulator edits a red line’s geometry from the page', () => {
  it(
    'signs in and opens the red line with edit controls and its history',
    async () => {
      page = await openMap(browser, server.url, {}, async (p) => {
        log = watchConsole(p);
        await p.addInitScript(() => {
          try {
            if (!sessionStorage.getItem('kq.test.init')) {
              localStorage.setItem('kq.lang', 'zh');
              sessionStorage.setItem('kq.test.init', '1');
            }
          } catch {
            /* storage blocked */
          }
        });
      });
      await signIn(page, 'regulator');
      await clickFeature(page, server.url, 'redlines', 'red-fill', RED_LINE);
      await page.getByTestId('edit-feature').waitFor({ timeout: 60_000 });
      await page.getByTestId('details-history').waitFor();
      await expect.poll(() => historyRows().count(), { timeout: 60_000 }).toBeGreaterThan(0);
      await expectDrawnMap('edit-geometry-opened');
    },
    SLOW,
  );

  it(
    'replaces the extent with an uploaded GeoJSON file, saves, and sees the new version and a history row',
    async () => {
      const before = await stored();
      const rows = await historyRows().count();
      const ring: Ring = [
        [111.95, 38.9],
        [112.15, 38.9],
        [112.15, 39.0],
        [111.95, 39.0],
      ];
      const dir = mkdtempSync(join(tmpdir(), 'kq-edit-'));
      const file = join(dir, '管涔山-新范围.geojson');
      writeFileSync(
        file,
        JSON.stringify({ type: 'Feature', properties: { name: '新范围' }, geometry: { type: 'Polygon', coordinates: [closed(ring)] } }),
      );
      await page.getByTestId('edit-feature').click();
      await page.getByTestId('field-name').waitFor();
      expect(await page.getByTestId('geometry-state').textContent()).toBe('范围不变');
      await page.getByTestId('geometry-file').setInputFiles(file);
      await expect
        .poll(() => page.getByTestId('geometry-state').textContent(), { timeout: 60_000 })
        .toMatch(/^新范围：管涔山-新范围\.geojson .*km²$/);
      // the new extent is drawn over the map before it is saved
      await expectDrawnMap('edit-geometry-uploaded-zh');
      await page.getByTestId('edit-save').click();
      await page.getByTestId('edit-saved').waitFor({ timeout: 60_000 });

      const after = await stored();
      const b = bboxOf(outerRing(after.geometry));
      [111.95, 38.9, 112.15, 39.0].forEach((v, i) => expect(b[i]).toBeCloseTo(v, 6));
      expect(after.properties.area_km2).not.toBeCloseTo(before.properties.area_km2, 1);
      // the details show the new area, the history a new version by the regulator with the extent changed
      await expect.poll(() => detailsArea(), { timeout: 60_000 }).toContain(after.properties.area_km2.toFixed(2).slice(0, 4));
      await expect.poll(() => historyRows().count(), { timeout: 60_000 }).toBe(rows + 1);
      const top = historyRows().first();
      expect(await top.getAttribute('data-operation')).toBe('update');
      expect(await top.textContent()).toContain('regulator');
      expect(await top.textContent()).toContain('范围：已改动');
      await expectDrawnMap('edit-geometry-saved-upload-zh');
    },
    SLOW,
  );

  it(
    'draws a new extent on the map (click the corners, Enter), saves, and sees it in the register and the history',
    async () => {
      const rows = await historyRows().count();
      const corners: Ring = [
        [111.98, 38.92],
        [112.12, 38.92],
        [112.12, 38.98],
        [111.98, 38.98],
      ];
      await page.getByTestId('edit-feature').click();
      await page.getByTestId('field-name').waitFor();
      await page.getByTestId('geometry-draw').click();
      const points = await page.evaluate((cs) => {
        const map = window.__map!;
        const r = map.getCanvas().getBoundingClientRect();
        return cs.map((c) => {
          const p = map.project(c as [number, number]);
          return { x: r.left + p.x, y: r.top + p.y };
        });
      }, corners);
      for (const p of points) {
        await page.mouse.click(p.x, p.y);
        await page.waitForTimeout(400); // not a double click
      }
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('geometry-state').textContent(), { timeout: 30_000 }).toBe('新范围（手绘）');
      await expectDrawnMap('edit-geometry-drawn-zh');
      await page.getByTestId('edit-save').click();
      await page.getByTestId('edit-saved').waitFor({ timeout: 60_000 });

      const after = await stored();
      const ring = outerRing(after.geometry);
      expect(ring.length).toBe(5);
      // the drawn corners, to the screen's resolution at this zoom (well under 0.005°)
      const b = bboxOf(ring);
      [111.98, 38.92, 112.12, 38.98].forEach((v, i) => expect(Math.abs(b[i] - v)).toBeLessThan(0.005));
      await expect.poll(() => historyRows().count(), { timeout: 60_000 }).toBe(rows + 1);
      const top = historyRows().first();
      expect(await top.getAttribute('data-operation')).toBe('update');
      expect(await top.textContent()).toContain('regulator');
      expect(await top.textContent()).toContain('范围：已改动');
      // the server's history has the three versions with the regulator as actor of both edits
      const h = (await (
        await fetch(`${server.url}/collections/redlines/items/${RED_LINE}/history`, {
          headers: { authorization: 'Bearer test-admin-token-123' },
        })
      ).json()) as { versions: { operation: string; actor: string | null }[] };
      expect(h.versions.slice(0, 2).map((v) => [v.operation, v.actor])).toEqual([
        ['update', 'regulator'],
        ['update', 'regulator'],
      ]);
      await page.getByTestId('details-history').scrollIntoViewIfNeeded();
      await expectDrawnMap('edit-geometry-saved-drawn-zh');
    },
    SLOW,
  );

  it('shows no console errors', () => {
    expect(log.errors).toEqual([]);
  });
});
