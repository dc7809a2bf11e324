/**
 * Conflict results triaged (issue 16 items 3–4), doing what the reviewer did: a 442 km² 国土 TXT (made by the service's
 * own exporter) over 郑庄, a scenic area and ~2,000 wells, checked for a CBM company → the verdict first, findings by
 * severity, wells and pipelines grouped and counted, pipelines in km, the outcome legend on the map, a name zooms to
 * its finding and highlights it, a name in the details panel opens that feature; a file without zone prefix gets a
 * zone field; the containment check runs with an exploration block picked by search and on the map.
 * Build first: `npx vite build`. `UPDATE_SCREENSHOTS=1` refreshes docs/screenshots/check-triage{,-en}.png.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { box } from '../../server/geometry/shapes.fixture';
import type { CheckResult } from '../../client/src/api/contract';
import { useTestServer } from '../helpers/server';
import { openMap, shot, useBrowser, waitIdle, watchConsole, type ConsoleLog } from './browser';

const server = useTestServer({ STATIC_DIR: 'dist/client' });
const browser = useBrowser();
let page: Page;
let log: ConsoleLog;
const APPLICANT = '某煤层气公司';
const SCENIC = box(112.38, 35.52, 112.6, 35.72);
let txt: Buffer;
let api: CheckResult;

beforeAll(async () => {
  page = await openMap(browser, server.url, {}, (p) => {
    log = watchConsole(p);
  });
  const exp = await fetch(`${server.url}/api/export?format=guotu-txt&name=${encodeURIComponent('测试区块')}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(SCENIC),
  });
  expect(exp.status).toBe(200);
  txt = Buffer.from(await exp.arrayBuffer());
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(txt)]), 'over-scenic.txt');
  form.append('applicant', APPLICANT);
  api = (await (await fetch(`${server.url}/api/checks`, { method: 'POST', body: form })).json()) as CheckResult;
});

/** Fit the map to a register feature (its tiles must be loaded before a block can be clicked). */
async function fitFeature(collection: string, id: string) {
  const f = (await (await fetch(`${server.url}/collections/${collection}/items/${id}`)).json()) as { bbox?: number[]; geometry: unknown };
  await page.evaluate((g) => {
    const pts = (JSON.stringify(g).match(/-?\d+(?:\.\d+)?,-?\d+(?:\.\d+)?/g) ?? []).map((s) => s.split(',').map(Number));
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    window.__map!.fitBounds(
      [
        [Math.min(...xs), Math.min(...ys)],
        [Math.max(...xs), Math.max(...ys)],
      ],
      { padding: 60, duration: 0 },
    );
  }, f.geometry);
  await waitIdle(page);
}

/** A screen point on a block (blocks layer) that is the map itself, not a control or overlay drawn over it. */
async function openPointOn(id: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((blockId) => {
    const map = window.__map!;
    const canvas = map.getCanvas();
    const r = canvas.getBoundingClientRect();
    for (let i = 1; i < 16; i++)
      for (let j = 1; j < 16; j++) {
        const x = (r.width * i) / 16;
        const y = (r.height * j) / 16;
        // the block alone under the point (on every identifiable layer), and the map itself under the pointer
        const layers = ['well-point', 'well-cluster', 'pipe-line', 'pipe-planned', 'res-fill', 'blk-fill', 'red-fill', 'pa-fill'];
        const hits = map.queryRenderedFeatures(
          [
            [x - 4, y - 4],
            [x + 4, y + 4],
          ],
          { layers: layers.filter((l) => map.getLayer(l)) },
        );
        const on = hits.length > 0 && hits.every((f) => f.layer.id === 'blk-fill' && f.properties.id === blockId);
        if (on && document.elementFromPoint(r.left + x, r.top + y) === canvas) return { x: r.left + x, y: r.top + y };
      }
    return null;
  }, id);
}

const mapZoom = () => page.evaluate(() => window.__map!.getZoom());
const focusDrawn = () => page.evaluate(() => window.__map!.queryRenderedFeatures({ layers: ['chk-focus-line', 'chk-focus-point'] }).length);

describe('conflict triage on the check page', () => {
  it('verdict first, findings by severity, wells and pipelines grouped and counted, pipelines in km, a legend', async () => {
    const wells = api.conflicts.filter((c) => c.collection === 'wells');
    expect(wells.length, 'the box holds many wells').toBeGreaterThan(500);
    expect(api.verdict.code).toBe('not_acceptable');

    await page.getByTestId('tab-check').click();
    await page.locator('#tabpanel-check input[type=text]').first().fill(APPLICANT);
    await page.getByTestId('file-input').setInputFiles({ name: 'over-scenic.txt', mimeType: 'text/plain', buffer: txt });
    await page.getByTestId('verdict').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('verdict').getAttribute('data-verdict')).toBe('not_acceptable');
    expect(await page.getByTestId('verdict-code').textContent()).toBe('不予受理');
    // the verdict comes before every finding, the most serious section first
    const order = await page.evaluate(() => {
      const at = (sel: string) => [...document.querySelectorAll('#tabpanel-check [data-testid]')].findIndex((e) => e.matches(sel));
      return {
        verdict: at('[data-testid=verdict]'),
        firstConflict: at('[data-testid=conflict], [data-testid^=group-]'),
        sections: [...document.querySelectorAll('#tabpanel-check [data-testid^=severity-]')].map((e) => e.getAttribute('data-testid')),
      };
    });
    expect(order.verdict).toBeGreaterThanOrEqual(0);
    expect(order.verdict).toBeLessThan(order.firstConflict);
    expect(order.sections[0]).toBe('severity-block');
    expect(order.sections.indexOf('severity-block')).toBeLessThan(order.sections.indexOf('severity-condition'));
    expect(await page.getByTestId('verdict-reasons').locator('[data-outcome=forbidden]').count()).toBe(1);

    // wells: one row per outcome with the count, by holder and by status, no row per well
    const other = wells.filter((c) => c.outcome === 'other_holder_well');
    const wellGroup = page.locator('[data-testid=group-wells][data-outcome=other_holder_well]');
    expect(await wellGroup.getAttribute('data-count')).toBe(String(other.length));
    expect(await wellGroup.getByTestId('group-count').textContent()).toBe(`${other.length} 口`);
    const wellText = (await wellGroup.textContent()) ?? '';
    expect(wellText).toContain('按权利人');
    expect(wellText).toContain('按状态');
    expect(await page.locator('[data-testid=conflict][data-collection=wells]').count()).toBe(0);

    // pipelines: lengths inside the block in km (never "0.0000 km²")
    const pipes = api.conflicts.filter((c) => c.collection === 'pipelines');
    expect(pipes.length).toBeGreaterThan(0);
    const pipeGroup = page.locator('[data-testid=group-pipelines]').first();
    const inside = pipes.reduce((t, c) => t + (c.length_in_input_km ?? 0), 0);
    expect(await pipeGroup.getByTestId('group-length').textContent()).toContain(`区内长度 ${inside.toFixed(3)} km`);
    await pipeGroup.getByTestId('group-toggle').click();
    const first = pipeGroup.locator('[data-testid=conflict][data-collection=pipelines]').first();
    const id = await first.getAttribute('data-id');
    const p = pipes.find((c) => c.id === id)!;
    expect(await first.getByTestId('pipeline-length').textContent()).toContain(`${p.length_in_input_km!.toFixed(3)} km`);
    expect(await pipeGroup.textContent()).not.toContain('km²');
    await wellGroup.scrollIntoViewIfNeeded();
    await shot(page, 'check-triage-groups', true);

    // the outcome colours have a legend on the map
    const legend = page.getByTestId('outcome-legend');
    expect(await legend.isVisible()).toBe(true);
    expect(await legend.locator('[data-severity]').evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')))).toEqual(
      expect.arrayContaining(['block', 'condition']),
    );
    expect(await legend.textContent()).toContain('申请范围');
  });

  it('a name zooms to its finding and highlights it strongly', async () => {
    await waitIdle(page);
    const before = await mapZoom();
    expect(await focusDrawn()).toBe(0);
    // the smallest overlap with a right (rows are largest first): the view must close in on it
    const row = page.locator('[data-testid=severity-block] [data-testid=conflict][data-collection=blocks]').last();
    const id = await row.getAttribute('data-id');
    const c = api.conflicts.find((x) => x.collection === 'blocks' && x.id === id)!;
    await row.getByTestId('conflict-name').click();
    await page.waitForTimeout(900);
    await waitIdle(page);
    expect(await row.getByTestId('conflict-name').getAttribute('aria-pressed')).toBe('true');
    expect(await mapZoom()).toBeGreaterThan(before);
    expect(await focusDrawn()).toBeGreaterThan(0);
    // the view holds the whole finding
    const inView = await page.evaluate((g) => {
      const b = window.__map!.getBounds();
      const pts = JSON.stringify(g).match(/-?\d+\.\d+,-?\d+\.\d+/g) ?? [];
      return pts.every((s) => {
        const [x, y] = s.split(',').map(Number);
        return b.contains([x, y]);
      });
    }, c.geometry);
    expect(inView).toBe(true);
    await shot(page, 'check-triage-focus', true);
    await page.locator('#tabpanel-check').evaluate((el) => el.scrollTo(0, 0));
    await shot(page, 'check-triage', true);

    // the same panel in English
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('verdict-code').textContent()).toBe('not acceptable');
    await page.locator('#tabpanel-check').evaluate((el) => el.scrollTo(0, 0));
    await shot(page, 'check-triage-en', true);
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('verdict-code').textContent()).toBe('不予受理');
  });

  it('a conflict name in the details panel opens that feature', async () => {
    const own = (await (await fetch(`${server.url}/api/blocks/blk-0001/conflicts`)).json()) as CheckResult;
    expect(own.conflicts.length).toBeGreaterThan(0);
    await fitFeature('blocks', 'blk-0001');
    const at = await openPointOn('blk-0001');
    expect(at, 'a clickable point on blk-0001').not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
    const section = page.getByTestId('details-conflicts');
    // the block's conflicts are read when their section is opened
    await page.getByTestId('details-conflicts-toggle').click();
    await section.getByTestId('verdict').waitFor({ timeout: 60_000 });
    const link = section.locator('[data-testid=conflict] [data-testid=conflict-name]').first();
    const row = section.locator('[data-testid=conflict]').first();
    const [collection, id] = [await row.getAttribute('data-collection'), await row.getAttribute('data-id')];
    const c = own.conflicts.find((x) => x.collection === collection && x.id === id)!;
    await link.click();
    await expect.poll(() => page.getByTestId('details-title').textContent(), { timeout: 30_000 }).toBe(c.name ?? c.id);
    await page.getByTestId('details-close').click();
  });

  it('a GK file without zone prefix gets a zone field and is read with it', async () => {
    await page.getByTestId('tab-check').click();
    await page.getByTestId('file-input').setInputFiles('data/samples/sample-gk-noprefix-cm114.csv');
    await page.getByTestId('projection-choice').waitFor({ timeout: 30_000 });
    await page.getByTestId('projection-kind').selectOption('zone');
    await page.getByTestId('projection-value').fill('38');
    await page.getByTestId('projection-apply').click();
    await expect.poll(() => page.getByTestId('input-area').textContent(), { timeout: 30_000 }).toBe('41.7527 km²');
  });

  it('report-then-produce: the exploration block is picked by search and on the map, and containment is checked', async () => {
    const overlap = readFileSync('data/samples/demo-overlap-guotu.txt');
    const block = (await (await fetch(`${server.url}/collections/blocks/items/blk-0001`)).json()) as { properties: { name: string } };
    await page.getByTestId('tab-check').click();
    await page.locator('#tabpanel-check select').first().selectOption('report_then_produce');
    const picker = page.getByTestId('containment-block');
    expect(await picker.isVisible()).toBe(true);
    await page.getByTestId('file-input').setInputFiles({ name: 'demo-overlap-guotu.txt', mimeType: 'text/plain', buffer: overlap });
    await page.getByTestId('verdict').waitFor({ timeout: 60_000 });
    // without the block: containment not checked, and the verdict says so
    await expect.poll(() => page.getByTestId('verdict-reasons').locator('[data-outcome=outside_exploration_block]').count()).toBe(1);
    expect(await page.getByTestId('verdict-reasons').textContent()).toContain('未检查');

    // by search
    await page.getByTestId('block-search').fill(block.properties.name);
    await page.getByTestId('block-search').press('Enter');
    await page.locator('[data-testid=block-option][data-id=blk-0001]').click();
    expect(await page.getByTestId('picked-block').getAttribute('data-id')).toBe('blk-0001');
    const contained = page.locator('[data-testid=conflict][data-outcome=outside_exploration_block]');
    await expect.poll(() => contained.count(), { timeout: 60_000 }).toBe(1);
    expect(await page.getByTestId('verdict-reasons').textContent()).not.toContain('未检查');
    await shot(page, 'check-containment', true);

    // on the map: clear, pick, click the block
    await page.getByTestId('picked-block').getByRole('button').click();
    await expect.poll(() => contained.count(), { timeout: 60_000 }).toBe(0);
    await page.getByTestId('pick-on-map').click();
    await waitIdle(page);
    const at = await openPointOn('blk-0001');
    expect(at, 'a clickable point on blk-0001').not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
    await expect.poll(() => page.getByTestId('picked-block').getAttribute('data-id')).toBe('blk-0001');
    await expect.poll(() => contained.count(), { timeout: 60_000 }).toBe(1);
    // picking did not open the block's details
    expect(await page.getByTestId('details').count()).toBe(0);
  });

  it('no console errors', () => {
    expect(log.errors).toEqual([]);
  });
});
