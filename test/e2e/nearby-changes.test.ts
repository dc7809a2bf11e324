/**
 * What changed around a right, in a real browser against the real service: a member of the public opens 蓝焰 blk-0061;
 * a regulator (here the API with the bootstrap token) draws a proposed red line beside it and then makes it official;
 * the right's details list both changes under 周边登记变更 (newest first: the status 拟划 → 正式 and the new geometry),
 * in Chinese, and a change's name puts the map on it. Build first: `npx vite build`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, useTestServer } from '../helpers/server';
import { clickFeature, openMap, shot, useBrowser, watchConsole, type ConsoleLog } from './browser';

const BLOCK = 'blk-0061';
const server = useTestServer({ STATIC_DIR: 'dist/client' });
const browser = useBrowser();
let page: Page;
let log: ConsoleLog;
const SLOW = 300_000;
const admin = { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` };

const section = () => page.getByTestId('details-changes');

beforeAll(async () => {
  page = await openMap(browser, server.url, {}, (p) => {
    log = watchConsole(p);
  });
}, SLOW);

afterAll(async () => {
  await page?.context().close();
});

describe('register changes around a right', () => {
  it(
    'lists a red line drawn beside the right and then made official, in Chinese, and shows it on the map',
    async () => {
      const block = (await (await fetch(`${server.url}/collections/blocks/items/${BLOCK}`)).json()) as {
        properties: { name: string };
        geometry: { coordinates: number[][][][] };
      };
      await clickFeature(page, server.url, 'blocks', 'blk-fill', BLOCK);
      await expect.poll(() => page.getByTestId('details-title').textContent()).toBe(block.properties.name);
      // the section answers (demo history is back-dated: there may be nothing in the last year)
      await expect
        .poll(async () => (await section().getByTestId('change').count()) + (await section().getByTestId('changes-none').count()), {
          timeout: 60_000,
        })
        .toBeGreaterThan(0);

      // a small red line at the right's first corner, proposed, then official with a larger outline
      const [lon, lat] = block.geometry.coordinates[0][0][0];
      const ring = (d: number) => [
        [
          [lon, lat],
          [lon + d, lat],
          [lon + d, lat + d],
          [lon, lat + d],
          [lon, lat],
        ],
      ];
      const base = `${server.url}/collections/redlines/items`;
      const created = await fetch(base, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({
          type: 'Feature',
          id: 'red-near-61',
          geometry: { type: 'Polygon', coordinates: ring(0.01) },
          properties: { name: '蓝焰周边拟划红线', status: 'proposed' },
        }),
      });
      expect(created.status).toBe(201);
      const made = await fetch(`${base}/red-near-61`, {
        method: 'PUT',
        headers: { ...admin, 'if-match': created.headers.get('etag')! },
        body: JSON.stringify({
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: ring(0.02) },
          properties: { name: '蓝焰周边拟划红线', status: 'official' },
        }),
      });
      expect(made.status).toBe(200);

      // another period reads the changes again
      await section().getByTestId('changes-period').selectOption('90');
      const ours = section().locator('[data-testid="change"][data-collection="redlines"]');
      await expect.poll(() => ours.count(), { timeout: 60_000 }).toBe(2);
      const [update, create] = [ours.nth(0), ours.nth(1)];
      expect(await update.getAttribute('data-operation')).toBe('update');
      expect(await create.getAttribute('data-operation')).toBe('create');
      const text = (await update.textContent()) ?? '';
      for (const part of ['生态保护红线', '蓝焰周边拟划红线', '修改', '状态', '拟划', '正式', '面积', '范围', '已改动'])
        expect(text).toContain(part);
      expect(await update.getByTestId('change-field').evaluateAll((es) => es.map((e) => e.getAttribute('data-field')))).toEqual([
        'area_km2',
        'status',
      ]);
      // Chinese only: no raw keys or English words in the section (units and the ids' digits aside)
      const all = (await section().textContent()) ?? '';
      expect(all.replace(/km²|blk-\d+|red-near-\d+|\d/g, '')).not.toMatch(/[A-Za-z]{3,}/);

      // a change's name puts the map on it
      const before = await page.evaluate(() => location.hash);
      await update.getByRole('button', { name: '蓝焰周边拟划红线' }).click();
      await expect.poll(() => page.evaluate(() => location.hash), { timeout: 10_000 }).not.toBe(before);
      await shot(page, 'zh-nearby-changes');
      expect(log.errors).toEqual([]);
    },
    SLOW,
  );
});
