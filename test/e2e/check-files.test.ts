/**
 * The check page with real-world coordinate files (issue 10): a file whose eastings carry no zone prefix asks for the
 * zone, reads again with the choice, and remembers it after a reload; the demo-overlap sample shows a real conflict
 * list (licence blocks, protected areas, red lines). Build first: `npx vite build`.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/server';
import { openMap, shot, useBrowser, waitForMap } from './browser';

const server = useTestServer({ STATIC_DIR: 'dist/client' });
const browser = useBrowser();
let page: Page;

beforeAll(async () => {
  page = await openMap(browser, server.url);
});

const NOPREFIX = readFileSync('data/samples/sample-gk-noprefix-cm114.csv');
const OVERLAP = readFileSync('data/samples/demo-overlap-guotu.txt');

describe('check page and coordinate files', () => {
  it('asks for the zone when the file needs one, reads again with it, and remembers it', async () => {
    await page.getByTestId('tab-check').click();
    await page.getByTestId('file-input').setInputFiles({ name: 'sample-gk-noprefix-cm114.csv', mimeType: 'text/csv', buffer: NOPREFIX });
    await expect.poll(() => page.getByTestId('projection-choice').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('error').textContent()).toContain('PARSE_ZONE_UNKNOWN');
    await page.getByTestId('projection-kind').selectOption('cm');
    await page.getByTestId('projection-value').fill('113');
    expect(await page.getByTestId('projection-apply').isDisabled()).toBe(true); // 113 is no GK central meridian
    await page.getByTestId('projection-value').fill('114');
    await page.getByTestId('projection-apply').click();
    await expect.poll(() => page.getByTestId('input-area').textContent(), { timeout: 30_000 }).toBe('41.7527 km²');
    expect(await page.getByTestId('projection-used').textContent()).toContain('中央经线 114°');
    expect(await page.getByTestId('check-result').textContent()).toContain('EPSG:4547');
    await shot(page, 'check-zone-choice');

    // after a reload the choice is remembered and applied to the next file that needs it
    await page.reload();
    await waitForMap(page, 90_000);
    await page.getByTestId('tab-check').click();
    await page.getByTestId('file-input').setInputFiles({ name: 'sample-gk-noprefix-cm114.csv', mimeType: 'text/csv', buffer: NOPREFIX });
    await expect.poll(() => page.getByTestId('input-area').textContent(), { timeout: 30_000 }).toBe('41.7527 km²');
    expect(await page.getByTestId('projection-used').textContent()).toContain('114');
    expect(await page.getByTestId('error').count()).toBe(0);
  });

  it('the demo-overlap sample lists licence blocks, protected areas and red lines, and its declared area', async () => {
    await page.getByTestId('file-input').setInputFiles({ name: 'demo-overlap-guotu.txt', mimeType: 'text/plain', buffer: OVERLAP });
    const rows = (g: string) => page.locator(`[data-testid=conflict][data-collection=${g}]`);
    await expect.poll(() => rows('blocks').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    for (const g of ['blocks', 'protected-areas', 'redlines']) expect(await rows(g).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('projection-used').count()).toBe(0); // prefixed eastings need no zone
    expect(await page.getByTestId('declared-area').textContent()).toContain('高斯-克吕格平面面积');
    await shot(page, 'check-demo-overlap', true);
  });
});
