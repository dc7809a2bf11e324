/**
 * The page printed (Ctrl+P, issue 15 item 5): with print media emulated, the map and the open panel share an
 * A4 landscape sheet with the legend (layers tab open), the scale bar, a north arrow and the synthetic-data
 * notice; printed to PDF it is one A4 landscape page whose first page is rendered to PNG (pdftoppm) and kept in
 * docs/screenshots/print-a4-landscape.png with UPDATE_SCREENSHOTS=1. Build first: `npx vite build`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/server';
import { DOCS_SHOTS, openMap, SHOTS, useBrowser } from './browser';

const server = useTestServer({ STATIC_DIR: 'dist/client' });
const browser = useBrowser();
let page: Page;

beforeAll(async () => {
  page = await openMap(browser, server.url);
});

const visible = (sel: string) =>
  page.evaluate((s) => {
    const el = document.querySelector(s);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && cs.display !== 'none' && cs.visibility !== 'hidden';
  }, sel);

describe('print stylesheet', () => {
  it('lays the map and the open panel on A4 landscape with legend, scale bar, north arrow and the synthetic-data notice', async () => {
    await page.getByTestId('tab-layers').click();
    await page.emulateMedia({ media: 'print' });
    expect(await visible('.map canvas')).toBe(true);
    expect(await visible('#tabpanel-layers')).toBe(true);
    expect(await visible('#tabpanel-layers .legend')).toBe(true);
    expect(await visible('.maplibregl-ctrl-scale')).toBe(true);
    expect(await visible('.tabs')).toBe(false); // controls that do nothing on paper
    const marks = await page.evaluate(() => {
      const w = document.querySelector('.map-wrap')!;
      return { north: getComputedStyle(w, '::before').content, notice: getComputedStyle(w, '::after').content };
    });
    expect(marks.north).toContain('北');
    expect(marks.notice).toContain('合成演示数据');
    // side panel and map side by side, the map the larger part
    const [side, map] = await page.evaluate(() =>
      ['.side', '.map-wrap'].map((s) => {
        const r = document.querySelector(s)!.getBoundingClientRect();
        return { x: r.x, w: r.width, h: r.height };
      }),
    );
    expect(map.x).toBeGreaterThanOrEqual(side.x + side.w - 1);
    expect(map.w).toBeGreaterThan(side.w);
    expect(map.h).toBeGreaterThan(100);

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    mkdirSync(SHOTS, { recursive: true });
    const path = join(SHOTS, 'print-a4-landscape.pdf');
    writeFileSync(path, pdf);
    const info = execFileSync('pdfinfo', [path]).toString();
    expect(info).toMatch(/Pages:\s+1\b/);
    const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!.slice(1).map(Number);
    expect(w).toBeCloseTo(841.89, 0); // A4 landscape: 297 × 210 mm
    expect(h).toBeCloseTo(595.28, 0);
    const text = execFileSync('pdftotext', [path, '-']).toString().replace(/\s+/g, '');
    expect(text).toContain('合成演示数据');
    expect(text).toContain('北');
    const png = join(SHOTS, 'print-a4-landscape');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', path, png]);
    expect(statSync(`${png}.png`).size).toBeGreaterThan(30_000);
    if (process.env.UPDATE_SCREENSHOTS === '1' && existsSync(`${png}.png`)) {
      mkdirSync(DOCS_SHOTS, { recursive: true });
      copyFileSync(`${png}.png`, join(DOCS_SHOTS, 'print-a4-landscape.png'));
    }
    await page.emulateMedia({ media: 'screen' });
  });
});
