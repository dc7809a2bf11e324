import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { parseUpload } from './index';

const HEAD = ['[属性描述]', '坐标系=2000国家大地坐标系', '几度分带=3', '投影类型=高斯克吕格', '计量单位=米', '带号=38', '[地块坐标]'];
const txt = (body: string[], head = HEAD) => Buffer.from([...head, ...body].join('\r\n'), 'utf8');
const square = (x0 = 3960000, y0 = 38375000, d = 2000) => [
  `5,410.0,1,方块,面,,,,@`,
  `J1,1,${x0},${y0}`,
  `J2,1,${x0 + d},${y0}`,
  `J3,1,${x0 + d},${y0 + d}`,
  `J4,1,${x0},${y0 + d}`,
  `J1,1,${x0},${y0}`,
];

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    const a = e as AppError;
    expect(a.status).toBeGreaterThanOrEqual(400);
    expect(a.status).toBeLessThan(500);
    expect(a.message).toBeTruthy();
    expect(a.messageZh).toBeTruthy();
    return a;
  }
  throw new Error('expected a refusal');
}

describe('国土 TXT', () => {
  it('parses a square, in GBK, with declared hectares checked', async () => {
    const r = await parseUpload(iconv.encode(txt(square()).toString(), 'gbk'), 'a.txt');
    expect(r.format).toBe('guotu-txt');
    expect(r.crs).toBe(4526);
    expect(r.parcels[0].name).toBe('方块');
    expect(r.area_km2).toBeGreaterThan(3.99);
    expect(r.warnings.map((w) => w.code)).toContain('PARSE_AREA_MISMATCH'); // 410 ha declared, ~400 computed
  });

  it('refuses fewer than 3 distinct corners', async () => {
    const e = await refusal(
      parseUpload(txt(['3,1,1,x,面,,,,@', 'J1,1,3960000,38375000', 'J2,1,3961000,38375000', 'J1,1,3960000,38375000']), 'a.txt'),
    );
    expect(e.code).toBe('GEOMETRY_TOO_FEW_POINTS');
    expect(e.details![0]).toMatchObject({ parcel: 'x', corners: 2 });
  });

  it('refuses a bow-tie and names the crossing edges', async () => {
    const e = await refusal(
      parseUpload(
        txt([
          '5,1,1,x,面,,,,@',
          'J1,1,3960000,38375000',
          'J2,1,3962000,38377000',
          'J3,1,3962000,38375000',
          'J4,1,3960000,38377000',
          'J1,1,3960000,38375000',
        ]),
        'a.txt',
      ),
    );
    expect(e.code).toBe('GEOMETRY_SELF_INTERSECTION');
    expect(e.status).toBe(422);
    expect(e.message).toMatch(/J1–J2.*J3–J4/);
    expect(e.details![0]).toMatchObject({ point: 'J1', line: 9, edge: 'J1–J2', other_edge: 'J3–J4', kind: 'cross' });
  });

  it('refuses a hole crossing its outer ring', async () => {
    const e = await refusal(
      parseUpload(
        txt([...square(), 'J5,2,3961000,38376000', 'J6,2,3963000,38376000', 'J7,2,3963000,38376500', 'J8,2,3961000,38376500']),
        'a.txt',
      ),
    );
    expect(e.code).toBe('GEOMETRY_SELF_INTERSECTION');
    expect(e.details![0]).toMatchObject({ ring: 1, other_ring: 2 });
  });

  it('refuses non-numeric and non-finite values with the line', async () => {
    for (const bad of ['39600x0', 'NaN', 'Infinity', '1e999', '']) {
      const body = square();
      body[2] = `J2,1,${bad},38375000`;
      const e = await refusal(parseUpload(txt(body), 'a.txt'));
      expect(e.code).toMatch(/PARSE_NOT_NUMERIC|PARSE_UNREADABLE/);
      expect(e.details![0].line).toBe(HEAD.length + 3);
    }
  });

  it('detects swapped X/Y from the zone prefix and corrects it with a warning', async () => {
    const body = square().map((l) => (l.endsWith('@') ? l : l.replace(/^(J\d),(\d),(\d+),(\d+)$/, '$1,$2,$4,$3')));
    const r = await parseUpload(txt(body), 'a.txt');
    expect(r.warnings.map((w) => w.code)).toContain('PARSE_AXES_SWAPPED');
    const ok = await parseUpload(txt(square()), 'a.txt');
    expect(r.area_km2).toBeCloseTo(ok.area_km2, 12);
  });

  it('refuses eastings without prefix when nothing names the zone', async () => {
    const noZone = HEAD.filter((l) => !l.startsWith('带号'));
    const body = square(3960000, 375000);
    const e = await refusal(parseUpload(txt(body, noZone), 'a.txt'));
    expect(e.code).toBe('PARSE_ZONE_UNKNOWN');
    const r = await parseUpload(txt(body, noZone), 'a.txt', { zone: 38 });
    expect(r.crs).toBe(4547);
    const r2 = await parseUpload(txt(body, noZone), 'a.txt', { crs: 4547 });
    expect(r2.area_km2).toBeCloseTo(r.area_km2, 12);
    const r3 = await parseUpload(txt(body), 'a.txt'); // header 带号=38
    expect(r3.area_km2).toBeCloseTo(r.area_km2, 12);
  });

  it('refuses a zone that disagrees with the prefix, and a block outside its band', async () => {
    expect((await refusal(parseUpload(txt(square()), 'a.txt', { zone: 37 }))).code).toBe('PARSE_ZONE_MISMATCH');
    expect((await refusal(parseUpload(txt(square()), 'a.txt', { crs: 4527 }))).code).toBe('PARSE_ZONE_MISMATCH');
    // easting 38 100000 is 400 km west of CM 114: outside the 3° band.
    const e = await refusal(parseUpload(txt(square(3960000, 38100000)), 'a.txt'));
    expect(e.code).toBe('PARSE_ZONE_MISMATCH');
    expect(e.details![0]).toMatchObject({ point: 'J1' });
    const mixed = square();
    mixed[3] = 'J3,1,3962000,37377000';
    expect((await refusal(parseUpload(txt(mixed), 'a.txt'))).code).toBe('PARSE_ZONE_MISMATCH');
  });

  it('refuses truncated files, other datums and points outside China', async () => {
    expect((await refusal(parseUpload(txt(square().slice(0, 4)), 'a.txt'))).code).toBe('PARSE_UNREADABLE');
    expect((await refusal(parseUpload(Buffer.from('[属性描述]\n坐标系=2000'), 'a.txt'))).code).toBe('PARSE_UNREADABLE');
    const xian = HEAD.map((l) => (l.startsWith('坐标系') ? '坐标系=80西安坐标系' : l));
    expect((await refusal(parseUpload(txt(square(), xian), 'a.txt'))).code).toBe('PARSE_CRS_UNSUPPORTED');
    const e = await refusal(parseUpload(Buffer.from('经度,纬度\n10,10\n10.1,10\n10.1,10.1\n'), 'a.csv'));
    expect(e.code).toBe('GEOMETRY_OUTSIDE_CHINA');
    expect(e.details![0]).toMatchObject({ line: 2 });
  });

  it('enforces vertex and parcel limits, stating them', async () => {
    const e = await refusal(parseUpload(txt(square()), 'a.txt', {}, { maxVertices: 3 }));
    expect(e.code).toBe('TOO_MANY_VERTICES');
    expect(e.status).toBe(413);
    expect(e.message).toContain('3');
    const two = [...square(), ...square(3970000).map((l) => l.replace('方块', '方块2'))];
    expect((await refusal(parseUpload(txt(two), 'a.txt', {}, { maxParcels: 1 }))).code).toBe('TOO_MANY_PARCELS');
    const r = await parseUpload(txt(two), 'a.txt');
    expect(r.geometry.type).toBe('MultiPolygon');
    expect(r.parcels.map((p) => p.name)).toEqual(['方块', '方块2']);
    expect((await refusal(parseUpload(Buffer.alloc(2000, 0x41), 'a.txt', {}, { maxUploadBytes: 1000 }))).code).toBe('UPLOAD_TOO_LARGE');
  });

  it('warns about duplicate consecutive points', async () => {
    const body = square();
    body.splice(2, 0, body[1]);
    body[0] = '6,410.0,1,方块,面,,,,@';
    const r = await parseUpload(txt(body), 'a.txt');
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'PARSE_DUPLICATE_POINT', point: 'J1', line: HEAD.length + 3 }));
    expect(r.parcels[0].vertex_count).toBe(4);
  });
});

describe('tables, GeoJSON, archives', () => {
  it('reads decimal degrees in either column order and X/Y degrees in GIS order', async () => {
    const a = await parseUpload(Buffer.from('lon,lat\n112.6,35.8\n112.62,35.8\n112.62,35.82\n'), 'a.csv');
    const b = await parseUpload(Buffer.from('纬度,经度\n35.8,112.6\n35.8,112.62\n35.82,112.62\n'), 'b.csv');
    const c = await parseUpload(Buffer.from('X,Y\n112.6,35.8\n112.62,35.8\n112.62,35.82\n'), 'c.csv');
    expect(b.area_km2).toBeCloseTo(a.area_km2, 12);
    expect(c.area_km2).toBeCloseTo(a.area_km2, 12);
    const swapped = await parseUpload(Buffer.from('lon,lat\n35.8,112.6\n35.8,112.62\n35.82,112.62\n'), 'd.csv');
    expect(swapped.warnings.map((w) => w.code)).toContain('PARSE_AXES_SWAPPED');
    expect(swapped.area_km2).toBeCloseTo(a.area_km2, 12);
  });

  it('reads a 6° zone prefix', async () => {
    const r = await parseUpload(
      Buffer.from('X,Y\n3964532.703,19644631.263\n3964532.703,19646631.263\n3966532.703,19646631.263\n'),
      'a.csv',
    );
    expect(r.crs).toBe(4497);
    expect(r.parcels[0].rings[0][0][0]).toBeCloseTo(112.6, 6);
  });

  it('refuses DMS garbage with the line', async () => {
    const e = await refusal(parseUpload(Buffer.from('东经,北纬\n112°36′43.2″,35°48′\n112°61′,35°48′\n'), 'a.csv'));
    expect(e.code).toBe('PARSE_NOT_NUMERIC');
    expect(e.details![0]).toMatchObject({ line: 3 });
  });

  it('reads GeoJSON with a legacy GK crs member', async () => {
    const gj = {
      type: 'Feature',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4526' } },
      properties: { name: 'legacy' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [38375000, 3960000],
            [38377000, 3960000],
            [38377000, 3962000],
            [38375000, 3960000],
          ],
        ],
      },
    };
    const r = await parseUpload(Buffer.from(JSON.stringify(gj)), 'a.geojson');
    expect(r.crs).toBe(4526);
    expect(r.parcels[0].name).toBe('legacy');
    expect((await refusal(parseUpload(Buffer.from(JSON.stringify(gj)), 'a.geojson', { crs: 4527 }))).code).toBe('PARSE_CRS_MISMATCH');
  });

  it('refuses a crs hint that contradicts a Gauss-Krüger .prj', async () => {
    const buf = readFileSync(join(__dirname, '../../data/samples/sample-gk-zone38-gbk.shp.zip'));
    expect((await refusal(parseUpload(buf, 'a.zip', { crs: 4527 }))).code).toBe('PARSE_CRS_MISMATCH');
    expect((await refusal(parseUpload(buf, 'a.zip', { zone: 39 }))).code).toBe('PARSE_ZONE_MISMATCH');
    expect((await parseUpload(buf, 'a.zip', { crs: 4526 })).crs).toBe(4526);
  });

  it('refuses unknown formats, bad JSON and non-polygons', async () => {
    expect((await refusal(parseUpload(Buffer.from([0, 1, 2, 3, 0, 0]), 'a.bin'))).code).toBe('PARSE_FORMAT_UNKNOWN');
    expect((await refusal(parseUpload(Buffer.from('hello world'), 'a.txt'))).code).toBe('PARSE_FORMAT_UNKNOWN');
    expect((await refusal(parseUpload(Buffer.from('x'), 'a.txt', { format: 'dxf' }))).code).toBe('PARSE_FORMAT_UNKNOWN');
    expect((await refusal(parseUpload(Buffer.from('{"type":'), 'a.json'))).code).toBe('PARSE_UNREADABLE');
    expect((await refusal(parseUpload(Buffer.from('{"type":"Point","coordinates":[1,2]}'), 'a.json'))).code).toBe('PARSE_TOO_FEW_POINTS');
    expect((await refusal(parseUpload(Buffer.from('<kml><Placemark>'), 'a.kml'))).code).toBe('PARSE_UNREADABLE');
  });

  it('checks archive limits before inflating (zip bomb)', async () => {
    const bomb = zipSync({ 'a.shp': new Uint8Array(5_000_000), 'a.dbf': new Uint8Array(10) }, { level: 9 });
    expect(bomb.length).toBeLessThan(50_000);
    const e = await refusal(parseUpload(Buffer.from(bomb), 'a.zip', {}, { maxArchiveBytes: 1_000_000 }));
    expect(e.code).toBe('ARCHIVE_TOO_LARGE');
    expect(e.status).toBe(413);
    expect(e.message).toContain('1000000');
    const many = zipSync(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.kml`, new Uint8Array(1)])));
    expect((await refusal(parseUpload(Buffer.from(many), 'a.kmz', {}, { maxArchiveEntries: 10 }))).code).toBe('ARCHIVE_TOO_LARGE');
    expect((await refusal(parseUpload(Buffer.from(bomb.subarray(0, 200)), 'a.zip'))).code).toBe('PARSE_UNREADABLE');
  });
});

describe('warnings', () => {
  it('fixes orientation (quietly for corner tables, listed clockwise by convention) and reports slivers', async () => {
    const cw = await parseUpload(Buffer.from('lon,lat\n112.6,35.8\n112.6,35.82\n112.62,35.82\n112.62,35.8\n'), 'a.csv');
    expect(cw.warnings.map((w) => w.code)).not.toContain('PARSE_ORIENTATION_FIXED');
    const gj = {
      type: 'Polygon',
      coordinates: [
        [
          [112.6, 35.8],
          [112.6, 35.82],
          [112.62, 35.82],
          [112.62, 35.8],
          [112.6, 35.8],
        ],
      ],
    };
    expect((await parseUpload(Buffer.from(JSON.stringify(gj)), 'a.geojson')).warnings.map((w) => w.code)).toContain(
      'PARSE_ORIENTATION_FIXED',
    );
    const ring = cw.parcels[0].rings[0];
    let s = 0;
    for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    expect(s).toBeGreaterThan(0); // counter-clockwise outer ring
    const sliver = await parseUpload(Buffer.from('lon,lat\n112.6,35.8\n112.7,35.8\n112.7,35.80001\n'), 'b.csv');
    expect(sliver.warnings.map((w) => w.code)).toContain('PARSE_SLIVER');
  });
});
