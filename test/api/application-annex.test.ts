/**
 * The extension annex from the applicant's own retained polygon (issue 15 item 2: "retained polygon from the planner or
 * the applicant's choice"): GET /api/applications/{id}/annex as CSV, XLSX and PDF, and the block dossier with
 * ?application=. Corner coordinates in CGCS2000 Gauss-Krüger (3° zone of the block) with X the northing and Y the easting
 * with the zone prefix; areas ellipsoidal. Only those who may read the application have its annex.
 */
import { existsSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { ellipsoidalAreaKm2 } from '../../server/geodesy/area';
import { gkCrsForZone, lonLatToGkConverter } from '../../server/geodesy/crs';
import { box } from '../../server/geometry/shapes.fixture';
import { ANON, bearer, call, login, type Who } from '../helpers/auth';
import { provinceCbmExploration } from '../helpers/blocks';
import { pdfPages, pdfText, renderPages, savePdf } from '../helpers/pdf';
import { ADMIN_TOKEN, useTestServer } from '../helpers/server';

const srv = useTestServer();
const H = '附件测试煤层气有限公司(合成)';
const OTHER = '附件别家能源有限公司(合成)';
const HAVE_TOOLS = existsSync('/usr/bin/chromium') && existsSync('/usr/bin/pdftotext');

const who: Record<'holder' | 'other' | 'admin', Who> = {} as never;
const day = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

// block an-ext: 111.00–111.10°E × 37.00–37.10°N (3° GK zone 37, central meridian 111°E); the applicant keeps the west 70 %
const BLOCK = box(111.0, 37.0, 111.1, 37.1) as Polygon;
const RETAINED = box(111.0, 37.0, 111.07, 37.1) as Polygon;
const RELINQUISHED = box(111.07, 37.0, 111.1, 37.1) as Polygon;
let appId = '';
let retentionId = '';

async function newBlock(id: string, geometry: Polygon) {
  const r = await call(
    srv.url,
    who.admin,
    'POST',
    '/api/collections/blocks/items',
    provinceCbmExploration(id, geometry, {
      name: `附件测试 ${id}`,
      holder: H,
      first_registration_date: day(200 - 5 * 365),
      valid_from: day(200 - 5 * 365),
      valid_to: day(200),
      extensions_used: 0,
      // by tender: the ordinary 25 % reduction (a listed right is cut by the unfinished share only, R-RED-6: nothing here)
      acquisition_method: 'tender',
    }),
  );
  expect(r.status, await r.clone().text()).toBe(201);
  // a ledger with the minimum investment made in full: the assessment extends with the ordinary 25 % reduction
  const y0 = Number(day(200 - 5 * 365).slice(0, 4));
  for (let y = y0; y <= y0 + 5; y++)
    await srv.ownerQuery('INSERT INTO investments (block_id, year, amount_cny) VALUES ($1, $2, $3)', [id, y, 1e9]);
}

beforeAll(async () => {
  const boot = bearer('bootstrap', ADMIN_TOKEN);
  who.admin = boot;
  for (const [username, holders] of [
    ['an-holder', [H]],
    ['an-other', [OTHER]],
  ] as const) {
    const r = await call(srv.url, boot, 'POST', '/api/accounts', { username, role: 'holder', holders, password: 'annex-password-1' });
    expect(r.status, await r.clone().text()).toBe(201);
  }
  who.holder = await login(srv.url, 'an-holder', 'annex-password-1');
  who.other = await login(srv.url, 'an-other', 'annex-password-1');
  await newBlock('an-ext', BLOCK);
  await newBlock('an-second', box(111.2, 37.0, 111.3, 37.1) as Polygon);
  let r = await call(srv.url, who.holder, 'POST', '/api/applications', { kind: 'extension', block_id: 'an-ext', geometry: RETAINED });
  expect(r.status, await r.clone().text()).toBe(201);
  appId = ((await r.json()) as { id: string }).id;
  r = await call(srv.url, who.holder, 'POST', `/api/applications/${appId}/transitions`, { action: 'submit', reason: '提交延续申请' });
  expect(r.status, await r.clone().text()).toBe(200);
  r = await call(srv.url, who.holder, 'POST', '/api/applications', { kind: 'retention', block_id: 'an-second', reason: '保留' });
  expect(r.status, await r.clone().text()).toBe(201);
  retentionId = ((await r.json()) as { id: string }).id;
}, 60_000);

/** RFC 4180 CSV (quoted cells with "" escapes), BOM dropped. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  return rows;
}

const annex = (w: Who, id: string, q: string) => call(srv.url, w, 'GET', `/api/applications/${encodeURIComponent(id)}/annex?${q}`);
const errorCode = async (r: Response) => ((await r.json()) as { error: { code: string; message_zh: string } }).error;

/** The corners of a box in GK zone 37, in the order the annex lists them (the ring as stored, closing corner dropped). */
function gkCorners(p: Polygon) {
  const to = lonLatToGkConverter(gkCrsForZone(37)!);
  return p.coordinates[0].slice(0, -1).map(([lon, lat]) => to(lon, lat));
}

describe('the annex corner table from the applicant’s retained polygon (CSV, XLSX)', () => {
  it('CSV in Chinese: the application, the three ellipsoidal areas, GK 3° zone 37 corners (X northing, Y easting with the zone prefix)', async () => {
    const r = await annex(who.holder, appId, 'format=csv');
    expect(r.status, await r.clone().text()).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(decodeURIComponent(r.headers.get('content-disposition') ?? '')).toContain(`延续登记附件-附件测试 an-ext-${appId}.csv`);
    const rows = parseCsv(await r.text());
    expect(rows[0][0]).toBe('延续登记附件：申请人拟保留范围拐点坐标');
    const head = new Map(
      rows
        .slice(
          1,
          rows.findIndex((x) => x.length === 1 && x[0] === ''),
        )
        .map((x) => [x[0], x[1]]),
    );
    expect(head.get('申请')).toBe(`${appId}（延续，已提交）`);
    expect(head.get('申请人')).toBe(H);
    expect(head.get('保留范围来源')).toBe('申请人提交的拟保留范围');
    // areas ellipsoidal (CGCS2000 spheroid), to 4 decimals: the block, the polygon kept, the rest
    const licensed = ellipsoidalAreaKm2(BLOCK);
    const kept = ellipsoidalAreaKm2(RETAINED);
    expect(Number(head.get('延续前登记面积(km²)'))).toBeCloseTo(licensed, 4);
    expect(Number(head.get('延续后保留面积(km²)'))).toBeCloseTo(kept, 4);
    expect(Number(head.get('缩减（退出）面积(km²)'))).toBeCloseTo(ellipsoidalAreaKm2(RELINQUISHED), 3);
    expect(Number(head.get('缩减（退出）面积(km²)'))).toBeCloseTo(licensed - kept, 3);
    expect(kept / licensed).toBeGreaterThan(0.69);
    expect(head.get('拐点坐标')).toContain('第 37 带（EPSG:4525）');
    expect(head.get('拐点坐标')).toContain('Y 为横坐标（东，含带号 37）');
    expect(head.get('数据说明')).toContain('合成演示数据');

    const at = rows.findIndex((x) => x[0] === '地块');
    expect(rows[at]).toEqual(['地块', '圈号', '点号', 'X(m，纵坐标/北)', 'Y(m，横坐标/东，含带号)', '经度', '纬度']);
    const corners = rows.slice(at + 1).filter((x) => x.length > 1);
    expect(corners).toHaveLength(4); // the closing corner is not repeated
    // the corners of the polygon as given (the order its ring was stored in): compared as a set
    const want = gkCorners(RETAINED).sort((a, b) => a.x - b.x || a.y - b.y);
    const byXY = [...corners].sort((a, b) => Number(a[3]) - Number(b[3]) || Number(a[4]) - Number(b[4]));
    corners.forEach((c, i) => {
      expect(c[0]).toBe('附件测试 an-ext（保留）');
      expect(c.slice(1, 3)).toEqual(['1', String(i + 1)]);
    });
    byXY.forEach((c, i) => {
      // millimetres, X the northing (~4.1e6 m at 37°N), Y the easting with the zone prefix 37 (37 5xx xxx m)
      expect(c[3]).toMatch(/^\d{7}\.\d{3}$/);
      expect(c[4]).toMatch(/^37\d{6}\.\d{3}$/);
      expect(Number(c[3])).toBeCloseTo(want[i].x, 3);
      expect(Number(c[4])).toBeCloseTo(want[i].y, 3);
      expect(Number(c[3])).toBeGreaterThan(4_090_000);
      expect(Number(c[3])).toBeLessThan(4_110_000);
      expect(c[5]).toMatch(/^111°0[0-4]′/);
      expect(c[6]).toMatch(/^37°0[0-6]′/);
    });
    // the corner at 111.07°E lies east of the central meridian (111°E): easting above the 500 km false easting
    expect(Number(corners.find((c) => c[5].startsWith('111°04′12'))![4])).toBeGreaterThan(37_500_000);
  });

  it('CSV in English: the same numbers under English headers', async () => {
    const r = await annex(who.holder, appId, 'format=csv&lang=en');
    expect(r.status).toBe(200);
    const rows = parseCsv(await r.text());
    expect(rows[0][0]).toBe('Extension annex: corners of the area the applicant retains');
    const head = new Map(rows.map((x) => [x[0], x[1]]));
    expect(head.get('Application')).toBe(`${appId} (extension, submitted)`);
    expect(head.get('Corner coordinates')).toContain('X northing, Y easting with the zone prefix 37');
    expect(rows.find((x) => x[0] === 'Parcel')).toEqual([
      'Parcel',
      'Ring',
      'No.',
      'X (m, northing)',
      'Y (m, easting with zone prefix)',
      'Longitude',
      'Latitude',
    ]);
  });

  it('XLSX: the retained corners as numbers (0.000), the relinquished and the licensed corners on sheets of their own', async () => {
    const r = await annex(who.holder, appId, 'format=xlsx');
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await r.arrayBuffer()) as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['保留范围拐点坐标', '缩减范围拐点坐标', '延续前登记范围拐点坐标']);
    const main = wb.worksheets[0];
    let top = 0;
    main.eachRow((row, n) => {
      if (row.getCell(1).value === '地块') top = n;
    });
    expect(top).toBeGreaterThan(0);
    const first = main.getRow(top + 1);
    expect(typeof first.getCell(4).value).toBe('number');
    expect(first.getCell(4).numFmt).toBe('0.000');
    expect(gkCorners(RETAINED).some((c) => Math.abs(c.x - (first.getCell(4).value as number)) < 5e-4)).toBe(true);
    expect(Math.floor((first.getCell(5).value as number) / 1e6)).toBe(37);
    const cut = wb.worksheets[1];
    expect(cut.getRow(2).getCell(1).value).toBe('附件测试 an-ext（缩减）');
    expect(cut.rowCount).toBeGreaterThanOrEqual(5);
    expect(wb.worksheets[2].rowCount).toBe(5); // header + the block's 4 corners
  });

  it('only for those who may read the application; stable codes for the rest', async () => {
    expect((await annex(ANON, appId, 'format=csv')).status).toBe(401);
    let r = await annex(who.other, appId, 'format=csv');
    expect(r.status).toBe(403);
    expect((await errorCode(r)).code).toBe('FORBIDDEN');
    expect((await annex(who.admin, appId, 'format=csv')).status).toBe(200);
    r = await annex(who.holder, 'APP-nonexistent', 'format=csv');
    expect(r.status).toBe(404);
    r = await annex(who.holder, retentionId, 'format=csv');
    expect(r.status).toBe(422);
    const e = await errorCode(r);
    expect(e.code).toBe('ANNEX_NO_RETAINED_POLYGON');
    expect(e.message_zh).toContain('保留');
    r = await annex(who.holder, appId, 'format=docx');
    expect(r.status).toBe(422);
    expect((await errorCode(r)).code).toBe('EXPORT_BAD_PARAMETER');
  });

  it('the dossier names an application of its own block only, and not for the anonymous', async () => {
    let r = await call(srv.url, who.holder, 'GET', `/api/blocks/an-second/report.pdf?application=${appId}`);
    expect(r.status).toBe(422);
    expect((await errorCode(r)).code).toBe('ANNEX_OTHER_BLOCK');
    r = await call(srv.url, ANON, 'GET', `/api/blocks/an-ext/report.pdf?application=${appId}`);
    expect(r.status).toBe(401);
  });
});

describe.runIf(HAVE_TOOLS)('the annex PDF from the applicant’s retained polygon', () => {
  it('GET /api/applications/{id}/annex (PDF): the dossier whose annex is the applicant’s polygon, areas and GK corners', async () => {
    const r = await annex(who.holder, appId, 'format=pdf');
    expect(r.status, await r.clone().text()).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('x-certificate-id')).toBeTruthy();
    const path = savePdf('annex-applicant-zh', Buffer.from(await r.arrayBuffer()));
    const pages = pdfPages(path);
    let at = 0;
    for (let p = 1; p <= pages && !at; p++) if (pdfText(path, p, p).includes('附件：延续登记缩减范围')) at = p;
    expect(at).toBeGreaterThan(1);
    const text = pdfText(path, at, pages).replace(/\s+/g, '');
    expect(text).toContain('申请人提交的拟保留范围');
    // the assessment's area to relinquish (25 % of the licensed area) beside the applicant's own polygon
    expect(text).toContain('应缩减面积');
    expect(text).toContain(`${(ellipsoidalAreaKm2(BLOCK) * 0.25).toFixed(4)}km²（延续评估）`);
    expect(text).toContain(appId);
    expect(text).toContain(H);
    expect(text).toContain(ellipsoidalAreaKm2(RETAINED).toFixed(4));
    expect(text).toContain(ellipsoidalAreaKm2(BLOCK).toFixed(4));
    expect(text).toContain('延续后保留范围拐点坐标');
    expect(text).toContain('缩减范围拐点坐标');
    expect(text).toContain('第37带');
    // every retained corner's GK X and Y to the millimetre
    for (const c of gkCorners(RETAINED)) {
      expect(text).toContain(c.x.toFixed(3));
      expect(text).toContain(c.y.toFixed(3));
    }
    const png = renderPages(path, 'annex-applicant-zh', at);
    expect(statSync(png).size).toBeGreaterThan(20_000);
  });
});
