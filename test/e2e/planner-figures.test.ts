/**
 * The relinquishment planner run on three demo blocks in the page, pictured for docs/planner.md
 * (docs/screenshots/planner-*.png). Required areas are the worked figures of RULES.md §2 and the seeds:
 * 寿阳北 (268.752 − 58.91) × 25% = 52.4605 km²; 保德 (384.681 − 86.9) × 25% = 74.44525 km²;
 * 沁源 744.40225 km² given by hand (the service itself refuses that extension on the seed facts: docs/planner.md).
 */
import { bbox } from '@turf/turf';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/server';
import { clickBlock, openMap, shot, useBrowser, waitIdle } from './browser';

const CASES = [
  { id: 'blk-0015', name: '寿阳北', required: 52.4605 },
  { id: 'blk-0009', name: '保德', required: 74.44525 },
  // 沁源 holds a forest park and red lines that leave the block at extension; under the default reading
  // (protected_counts_toward_required = false, issue 11 item 5) they go on top of the cut, so the candidate is larger
  { id: 'blk-0001', name: '沁源', required: 744.40225, protectedOnTop: true },
];

const server = useTestServer({ STATIC_DIR: 'dist/client' });
const browser = useBrowser();
let page: Page;

beforeAll(async () => {
  page = await openMap(browser, server.url);
  await waitIdle(page);
});

describe('relinquishment planner on demo blocks', () => {
  for (const c of CASES) {
    it(`${c.name}: candidates meeting ${c.required} km² drawn on the map`, async () => {
      await page.keyboard.press('Escape');
      // bring the block into view first: its tiles must be loaded before it can be clicked
      const f = await (await fetch(`${server.url}/collections/blocks/items/${c.id}`)).json();
      const box = bbox(f.geometry);
      await page.evaluate(
        (b) =>
          window.__map!.fitBounds(
            [
              [b[0], b[1]],
              [b[2], b[3]],
            ],
            { padding: 60, duration: 0 },
          ),
        box,
      );
      await waitIdle(page);
      await clickBlock(page, c.id);
      await expect.poll(() => page.getByTestId('details-title').textContent()).toContain(c.name);
      await page.getByTestId('use-for-extension').click();
      await expect.poll(() => page.getByTestId('ext-block').textContent()).toContain(c.name);
      await page.getByTestId('plan-required').fill(String(c.required));
      await page.getByTestId('plan-run').click();
      await expect.poll(() => page.getByTestId('candidates').count(), { timeout: 90_000 }).toBe(1);
      const items = page.getByTestId('candidates').locator(':scope > li');
      expect(await items.count()).toBeGreaterThan(0);
      // every candidate shown: what counts toward the requirement (outside proven reserves; protected areas and red lines
      // that leave the block on top of it under the default reading) meets it — never less, at most 0.5 % more
      const counted = await page.getByTestId('counted').allTextContents();
      expect(counted.length).toBe(await items.count());
      for (const t of counted) {
        const km2 = Number(/(\d+\.\d{4}) km²/.exec(t)?.[1]);
        expect(km2).toBeGreaterThanOrEqual(Math.floor(c.required * 1e4) / 1e4);
        expect(km2).toBeLessThanOrEqual(c.required * 1.005);
      }
      const text = (await items.first().textContent()) ?? '';
      const area = Number(/(\d+\.\d{4}) km²/.exec(text)?.[1]);
      expect(area).toBeGreaterThanOrEqual(Math.floor(c.required * 1e4) / 1e4);
      // the relinquished area is the counted area plus protected areas (沁源) and proven reserves given up
      expect(area).toBeGreaterThanOrEqual(Number(/(\d+\.\d{4}) km²/.exec(counted[0])?.[1]) - 1e-4);
      await items.first().click();
      await page.waitForTimeout(900);
      await waitIdle(page);
      const drawn = await page.evaluate(() => [
        ...new Set(window.__map!.queryRenderedFeatures({ layers: ['cand-line'] }).map((f) => f.properties.letter)),
      ]);
      expect(drawn).toContain('A');
      await shot(page, `planner-${c.id}`, true);
    });
  }
});
