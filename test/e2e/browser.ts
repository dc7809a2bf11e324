/**
 * Shared helpers of the browser suites: launch Debian's Chromium (never a downloaded one), collect
 * console errors, wait for the map, count pixels, save screenshots.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContextOptions, type ConsoleMessage, type Page } from 'playwright-core';
import { perFile } from '../helpers/per-file';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--ignore-gpu-blocklist',
];

/**
 * The page as the suites open it: 1366×768, zh-CN, and reduced motion (the page then skips label fades and camera
 * animations, as it does for users who ask for it — frames software WebGL would otherwise spend on transitions).
 */
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 768 }, locale: 'zh-CN', reducedMotion: 'reduce' };

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** Chromium for one test file, closed after the file's tests (before its server: hooks unwind in reverse). */
export const useBrowser = (): Browser => perFile('browser', launch, (b) => b.close());

/**
 * The map page in a new context (1366×768, zh-CN unless `options` say otherwise), loaded and with its map drawn.
 * `prepare` runs on the page before it loads (watch the console, add init scripts).
 */
export async function openMap(
  browser: Browser,
  url: string,
  options: BrowserContextOptions = {},
  prepare?: (page: Page) => unknown,
): Promise<Page> {
  const context = await browser.newContext({ ...DESKTOP, ...options });
  const page = await context.newPage();
  await prepare?.(page);
  await page.goto(url);
  await waitForMap(page, 90_000);
  return page;
}

export const SHOTS = 'test-results/e2e';
export const DOCS_SHOTS = 'docs/screenshots';

/** Save a screenshot under test-results/e2e, and copy it to docs/screenshots when `keep` and UPDATE_SCREENSHOTS=1. */
export async function shot(page: Page, name: string, keep = false): Promise<string> {
  const path = join(SHOTS, `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path });
  // docs/screenshots are refreshed only on request, so a test run leaves the work tree clean
  if (keep && process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(DOCS_SHOTS, { recursive: true });
    copyFileSync(path, join(DOCS_SHOTS, `${name}.png`));
  }
  return path;
}

export interface ConsoleLog {
  errors: string[];
  /** HTTP 4xx answers the page asked for on purpose (a bad file → 422) or to probe a route (404) */
  expectedHttp: string[];
}

/**
 * Record console errors and page exceptions. Chromium logs every 4xx/5xx fetch as a console error
 * ("Failed to load resource"); those from /api/ are the page's own error handling at work and are
 * kept apart. Anything else fails the "no console errors" checks.
 */
export function watchConsole(page: Page): ConsoleLog {
  const log: ConsoleLog = { errors: [], expectedHttp: [] };
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() !== 'error') return;
    const url = m.location()?.url ?? '';
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text()) && /\/api\//.test(url)) {
      log.expectedHttp.push(`${m.text()} ${url}`);
      return;
    }
    log.errors.push(`${m.text()} ${url}`);
  });
  page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
  return log;
}

/** Wait until the map has loaded, is idle, and has drawn blocks. */
export async function waitForMap(page: Page, timeout = 60_000) {
  await page.waitForFunction(() => window.__kq?.ready === true && window.__kq?.firstBlocksIdleMs !== undefined, undefined, { timeout });
}

/**
 * Wait for the map's next 'idle' (after a change): the 'idle' event, or — when a busy machine makes the event slip past
 * (it fires once, after a frame with nothing pending) — the same state seen by polling: style and tiles loaded, no camera
 * movement, after at least one frame rendered since the call.
 */
export async function waitIdle(page: Page, timeout = 60_000) {
  await page.evaluate(
    (t) =>
      new Promise<void>((ok, fail) => {
        const map = window.__map!;
        let rendered = false;
        const onRender = () => (rendered = true);
        const finish = (err?: Error) => {
          clearTimeout(timer);
          clearInterval(poll);
          map.off('render', onRender);
          map.off('idle', done);
          if (err) fail(err);
          else ok();
        };
        const done = () => finish();
        const timer = setTimeout(() => finish(new Error('map never became idle')), t);
        const poll = setInterval(() => {
          if (rendered && map.loaded() && map.areTilesLoaded() && !map.isMoving()) finish();
        }, 250);
        map.on('render', onRender);
        map.once('idle', done);
        map.triggerRepaint();
      }),
    timeout,
  );
}

/** Pixel statistics of the map canvas (preserveDrawingBuffer is on): distinct colours and non-background pixels. */
export async function canvasStats(
  page: Page,
): Promise<{ width: number; height: number; distinct: number; nonBackground: number; share: number }> {
  return page.evaluate(() => {
    const src = window.__map!.getCanvas();
    const w = 320;
    const h = Math.max(1, Math.round((src.height / src.width) * w));
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    const g = c.getContext('2d', { willReadFrequently: true })!;
    g.drawImage(src, 0, 0, w, h);
    const d = g.getImageData(0, 0, w, h).data;
    const colours = new Set<number>();
    let non = 0;
    // background #eef0ea and the province fill #fbfbf6 count as "empty"
    const empty = [
      [0xee, 0xf0, 0xea],
      [0xfb, 0xfb, 0xf6],
    ];
    for (let i = 0; i < d.length; i += 4) {
      const r = d[i],
        gg = d[i + 1],
        b = d[i + 2];
      colours.add((r << 16) | (gg << 8) | b);
      if (!empty.some(([er, eg, eb]) => Math.abs(r - er) + Math.abs(gg - eg) + Math.abs(b - eb) < 12)) non++;
    }
    return { width: w, height: h, distinct: colours.size, nonBackground: non, share: non / (w * h) };
  });
}

/** Rendered features of some layers, de-duplicated by id (tiles repeat features across their edges). */
export async function renderedIds(page: Page, layers: string[]): Promise<string[]> {
  return page.evaluate((ls) => {
    const map = window.__map!;
    const present = ls.filter((l) => map.getLayer(l));
    const ids = new Set<string>();
    for (const f of map.queryRenderedFeatures({ layers: present })) ids.add(String(f.properties?.id ?? f.id));
    return [...ids];
  }, layers);
}

declare global {
  interface Window {
    __map?: import('maplibre-gl').Map;
    __kq?: { firstBlocksIdleMs?: number; ready?: boolean };
  }
}

/** A screen point inside a block where the block is the topmost identifiable feature. */
export async function pointOnBlock(page: Page, id: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((blockId) => {
    const map = window.__map!;
    const feats = map.querySourceFeatures('blocks', { sourceLayer: 'blocks', filter: ['==', ['get', 'id'], blockId] });
    if (!feats.length) return null;
    let b = [Infinity, Infinity, -Infinity, -Infinity];
    for (const f of feats) {
      const walk = (c: unknown): void => {
        if (Array.isArray(c) && typeof c[0] === 'number') {
          b = [
            Math.min(b[0], c[0] as number),
            Math.min(b[1], c[1] as number),
            Math.max(b[2], c[0] as number),
            Math.max(b[3], c[1] as number),
          ];
        } else if (Array.isArray(c)) c.forEach(walk);
      };
      walk((f.geometry as GeoJSON.Polygon).coordinates);
    }
    const layers = ['well-point', 'well-cluster', 'pipe-line', 'pipe-planned', 'res-fill', 'blk-fill', 'red-fill', 'pa-fill'].filter((l) =>
      map.getLayer(l),
    );
    for (let i = 1; i < 12; i++) {
      for (let j = 1; j < 12; j++) {
        const p = map.project([b[0] + ((b[2] - b[0]) * i) / 12, b[1] + ((b[3] - b[1]) * j) / 12]);
        const hits = map.queryRenderedFeatures(
          [
            [p.x - 4, p.y - 4],
            [p.x + 4, p.y + 4],
          ],
          { layers },
        );
        if (hits[0] && hits[0].layer.id === 'blk-fill' && hits[0].properties.id === blockId) {
          const r = map.getCanvas().getBoundingClientRect();
          // not under a control drawn over the map (overview inset, coordinate readout, toolbar): a user cannot click there
          if (document.elementFromPoint(r.left + p.x, r.top + p.y) !== map.getCanvas()) continue;
          return { x: r.left + p.x, y: r.top + p.y };
        }
      }
    }
    return null;
  }, id);
}

/** Zoom to a block and click it where it is the topmost identifiable feature. */
export async function clickBlock(page: Page, id: string) {
  await page.evaluate((blockId) => {
    const map = window.__map!;
    const feats = map.querySourceFeatures('blocks', { sourceLayer: 'blocks', filter: ['==', ['get', 'id'], blockId] });
    let b = [Infinity, Infinity, -Infinity, -Infinity];
    const walk = (c: unknown): void => {
      if (Array.isArray(c) && typeof c[0] === 'number')
        b = [
          Math.min(b[0], c[0] as number),
          Math.min(b[1], c[1] as number),
          Math.max(b[2], c[0] as number),
          Math.max(b[3], c[1] as number),
        ];
      else if (Array.isArray(c)) c.forEach(walk);
    };
    for (const f of feats) walk((f.geometry as GeoJSON.Polygon).coordinates);
    if (Number.isFinite(b[0]))
      map.fitBounds(
        [
          [b[0], b[1]],
          [b[2], b[3]],
        ],
        { padding: 60, duration: 0 },
      );
  }, id);
  await waitIdle(page);
  const at = await pointOnBlock(page, id);
  expect(at, `a clickable point on ${id}`).not.toBeNull();
  await page.mouse.click(at!.x, at!.y);
}

/** The demo accounts (demo data only; README lists them). */
export const DEMO_ACCOUNTS = {
  admin: { username: 'admin', password: 'demo-admin-2026' },
  regulator: { username: 'regulator', password: 'demo-regulator-2026' },
  /** the ministry's regulator: oversees every authority (the CBM rights are registered by 自然资源部) */
  mnr: { username: 'mnr', password: 'demo-mnr-2026' },
  holder: { username: 'holder', password: 'demo-holder-2026' },
} as const;

/** Sign in from the page's header with a demo account and wait for the account badge. */
export async function signIn(page: Page, who: keyof typeof DEMO_ACCOUNTS) {
  await page.getByTestId('signin').click();
  const dialog = page.getByTestId('signin-dialog');
  await dialog.locator('input[name=username]').fill(DEMO_ACCOUNTS[who].username);
  await dialog.locator('input[name=password]').fill(DEMO_ACCOUNTS[who].password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('account').waitFor({ timeout: 15_000 });
}

/** Zoom to a feature of a polygon layer and click it where it is the topmost identifiable feature. */
export async function clickFeature(page: Page, baseUrl: string, collection: string, layer: string, id: string) {
  const f = (await (await fetch(`${baseUrl}/collections/${collection}/items/${id}`)).json()) as { geometry: GeoJSON.Geometry };
  await page.evaluate((g) => {
    let b = [Infinity, Infinity, -Infinity, -Infinity];
    const walk = (c: unknown): void => {
      if (Array.isArray(c) && typeof c[0] === 'number')
        b = [Math.min(b[0], c[0]), Math.min(b[1], c[1] as number), Math.max(b[2], c[0]), Math.max(b[3], c[1] as number)];
      else if (Array.isArray(c)) c.forEach(walk);
    };
    walk((g as GeoJSON.Polygon).coordinates);
    window.__map!.fitBounds(
      [
        [b[0], b[1]],
        [b[2], b[3]],
      ],
      { padding: 40, duration: 0 },
    );
  }, f.geometry);
  await waitIdle(page);
  const at = await page.evaluate(
    ([lyr, fid]) => {
      const map = window.__map!;
      const layers = ['well-point', 'well-cluster', 'pipe-line', 'pipe-planned', 'res-fill', 'blk-fill', 'red-fill', 'pa-fill'].filter(
        (l) => map.getLayer(l),
      );
      const r = map.getCanvas().getBoundingClientRect();
      for (let i = 1; i < 30; i++)
        for (let j = 1; j < 30; j++) {
          const x = (r.width * i) / 30;
          const y = (r.height * j) / 30;
          const hits = map.queryRenderedFeatures(
            [
              [x - 4, y - 4],
              [x + 4, y + 4],
            ],
            { layers },
          );
          if (hits[0] && hits[0].layer.id === lyr && String(hits[0].properties.id) === fid) return { x: r.left + x, y: r.top + y };
        }
      return null;
    },
    [layer, id] as const,
  );
  expect(at, `a clickable point on ${id}`).not.toBeNull();
  await page.mouse.click(at!.x, at!.y);
  await expect.poll(() => page.getByTestId('details-title').isVisible(), { timeout: 15_000 }).toBe(true);
}

/** axe-core's browser bundle, read on the first audit. */
let axeSource: string | undefined;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Run axe-core on the page (WCAG 2.0–2.2 A and AA rules) and return its serious and critical violations, readable
 * (issue 16 item 7: the layout suite audits the main states, the applications suite the 申请 tab's).
 */
export async function audit(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // evaluated through the DevTools protocol: the page's CSP (script-src 'self') forbids an injected <script>
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return r.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 4)
          .map((n) => `${n.target.join(' ')} (${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 160)})`)
          .join('; ')}`,
    );
}
