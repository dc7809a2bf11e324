/**
 * Conflict checks against a real PostGIS (issue 4). Expected areas come from the hand-written corner
 * lists in test/fixtures/conflicts (see make-fixtures.py), measured here with our own GeographicLib
 * instance on the CGCS2000 ellipsoid — never by the code under test.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as GL from 'geographiclib-geodesic';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { turfOverlay, type OverlayFeature } from '../../server/conflicts/turf-overlay';
import { bowtie, jaggedRing } from '../../server/geometry/shapes.fixture';
import { ADMIN_TOKEN, useTestServer } from '../helpers/server';

// --- independent ellipsoidal measures (CGCS2000: a = 6378137 m, 1/f = 298.257222101) ---------------------------
type GLib = typeof GL;
const lib: GLib = ((GL as unknown as { default?: GLib }).default ?? GL) as GLib;
const geod = new lib.Geodesic.Geodesic(6378137, 1 / 298.257222101);
function ringM2(ring: Position[]): number {
  const p = geod.Polygon(false);
  for (const [lon, lat] of ring.slice(0, -1)) p.AddPoint(lat, lon);
  return Math.abs(p.Compute(false, true).area ?? 0);
}
function km2(g: Polygon | MultiPolygon): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.reduce((s, rings) => s + ringM2(rings[0]) - rings.slice(1).reduce((h, r) => h + ringM2(r), 0), 0) / 1e6;
}
const sumKm2 = (gs: (Polygon | MultiPolygon)[]) => gs.reduce((s, g) => s + km2(g), 0);
const lengthKm = ([a, b]: number[][]) => (geod.Inverse(a[1], a[0], b[1], b[0]).s12 ?? NaN) / 1e3;

const closeRel = (got: number, want: number, rel = 1e-9) => {
  expect(Math.abs(got - want), `got ${got}, want ${want}`).toBeLessThanOrEqual(rel * Math.max(Math.abs(want), 1e-12));
};

// --- fixtures -----------------------------------------------------------------------------------------------
interface Expected {
  collection: string;
  id: string;
  outcome: string;
  overlap?: Polygon | MultiPolygon;
  rule?: string;
  disposal?: Record<string, string>;
  crossing?: number[][];
  crosses?: string[];
}
interface Check {
  name: string;
  request: { input?: Polygon | MultiPolygon; block?: string; [k: string]: unknown };
  expected: Expected[];
  absent?: string[];
  summary?: Record<string, { count?: number; union?: (Polygon | MultiPolygon)[] } | (Polygon | MultiPolygon)[]>;
  warnings?: string[];
}
interface Fixture {
  name: string;
  features: { id: string; geometry: Geometry; properties: Record<string, unknown> }[];
  checks: Check[];
}

const DIR = join(import.meta.dirname, '../fixtures/conflicts');
const FIXTURES: Fixture[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.geojson'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Fixture);
const TABLE: Record<string, string> = {
  blocks: 'blocks',
  'protected-areas': 'protected_areas',
  redlines: 'redlines',
  wells: 'wells',
  pipelines: 'pipelines',
  boundaries: 'boundaries',
};

const srv = useTestServer();
/**
 * The answer's JSON, which must be byte for byte what writing its objects gives: the overlap geometries go out as
 * PostGIS's text (server/http/raw-json.ts lazyGeoJson), and that text must be JSON.stringify's own spelling.
 */
const answerOf = async (res: Response) => {
  const text = await res.text();
  const body = JSON.parse(text);
  expect(text).toBe(JSON.stringify(body));
  return { status: res.status, body: body as any };
};
const post = async (body: unknown) =>
  answerOf(
    await fetch(`${srv.url}/api/checks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
async function run(check: Check) {
  const { input, block, ...params } = check.request;
  if (block) {
    const q = new URLSearchParams(params as Record<string, string>);
    return answerOf(await fetch(`${srv.url}/api/blocks/${block}/conflicts?${q}`));
  }
  return post({ ...input, ...params });
}

// --- the whole-register list against fresh checks (pair tables of migration 023) -----------------------------------
const REGISTER_AS_OF = '2026-06-30';
/** What a register row and a check entry must agree on, exactly (no tolerance: the same expressions compute both). */
const agreed = (subject: string, c: any) =>
  JSON.stringify([
    c.collection,
    subject,
    c.id,
    c.outcome,
    c.deductible,
    c.overlap_area_km2,
    c.share_of_input,
    c.share_of_feature,
    c.length_km ?? null,
    c.crosses ?? null,
  ]);
/**
 * Every register row of the given subject blocks (all blocks when none given) against GET /api/blocks/{id}/conflicts
 * of each: the same rows, the same numbers. Entries the check splits by an agreement or commitment on file (the list
 * does not split) and containment findings (not a pair) are left out of both. Returns the register's rows.
 */
async function registerEqualsChecks(subjects?: string[]): Promise<string[]> {
  const ids =
    subjects ?? (await (await fetch(`${srv.url}/collections/blocks/items?limit=1000`)).json()).features.map((f: any) => String(f.id));
  const checked: string[] = [];
  const split = new Set<string>();
  for (const id of ids) {
    const res = await fetch(`${srv.url}/api/blocks/${encodeURIComponent(id)}/conflicts?as_of=${REGISTER_AS_OF}`);
    const body = await res.json();
    expect(res.status, `${id}: ${JSON.stringify(body).slice(0, 300)}`).toBe(200);
    for (const c of body.conflicts) {
      if (c.check) continue;
      if (c.agreement || c.commitment) split.add(`${c.collection}|${id}|${c.id}`);
      else checked.push(agreed(id, c));
    }
  }
  const register: string[] = [];
  for (const c of ['blocks', 'reserves', 'protected-areas', 'redlines', 'wells', 'pipelines']) {
    const page = await (await fetch(`${srv.url}/api/conflicts?collection=${c}&as_of=${REGISTER_AS_OF}&limit=10000`)).json();
    expect(page.numberReturned, c).toBe(page.rows.length);
    for (const r of page.rows)
      if (ids.includes(r.subject.id) && !split.has(`${r.collection}|${r.subject.id}|${r.id}`)) register.push(agreed(r.subject.id, r));
  }
  expect(register.sort()).toEqual(checked.sort());
  return register;
}

describe('on the demo register', () => {
  it('checks a stored block as an extension by its holder, every outcome with a citation', async () => {
    const res = await fetch(`${srv.url}/api/blocks/blk-0001/conflicts?as_of=2026-06-30`);
    expect(res.status).toBe(200);
    expect(res.headers.get('server-timing')).toMatch(/^sql;dur=[\d.]+, check;dur=[\d.]+$/);
    const body = await res.json();
    expect(body.regime).toBe('shanxi-cbm-2020');
    expect(body.subject).toMatchObject({ application: 'extension', mineral: 'cbm' });
    expect(body.conflicts.length).toBeGreaterThan(0);
    for (const c of body.conflicts) {
      expect(c.basis.length).toBeGreaterThan(0);
      for (const b of c.basis) expect(b.citation).toMatch(/号|DB14|指南|函/);
    }
    expect(body.summary.net_area_km2).toBeCloseTo(body.input.area_km2 - body.summary.deductible_area_km2, 9);
  });
  it('answers 404 for an unknown block', async () => {
    const res = await fetch(`${srv.url}/api/blocks/nope/conflicts`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('NOT_FOUND');
  });
  it('the whole-register list equals a fresh check of each block, to the last bit (32 demo blocks over protected areas and red lines)', async () => {
    // the demo's jagged protected areas and red lines: with the operands in the other order (as the list had them) a
    // pair's overlap was up to 1e-3 km² off the check's (blk-0011 × pa-028)
    const subjects = new Set<string>();
    for (const c of ['protected-areas', 'redlines'])
      for (const r of (await (await fetch(`${srv.url}/api/conflicts?collection=${c}&limit=10000`)).json()).rows) subjects.add(r.subject.id);
    const ids = [...subjects].sort().slice(0, 32);
    expect(ids).toContain('blk-0011');
    expect((await registerEqualsChecks(ids)).length).toBeGreaterThan(50);
  });
});

describe('fixtures with hand-computed areas', () => {
  beforeAll(async () => {
    await srv.ownerQuery(
      'TRUNCATE blocks, blocks_history, reserves, investments, offsets, protected_areas, protected_areas_sub, redlines, redlines_sub, wells, pipelines, boundaries',
    );
    const byCollection = new Map<string, Map<string, unknown>>();
    for (const fx of FIXTURES)
      for (const f of fx.features) {
        const m = byCollection.get(f.properties.collection as string) ?? new Map();
        m.set(f.id, { type: 'Feature', geometry: f.geometry, properties: f.properties });
        byCollection.set(f.properties.collection as string, m);
      }
    for (const [collection, m] of byCollection) await srv.db.named(`${TABLE[collection]}_insert`, [JSON.stringify([...m.values()])]);
  });

  for (const fx of FIXTURES) {
    describe(fx.name, () => {
      for (const check of fx.checks) {
        it(check.name, async () => {
          const { status, body } = await run(check);
          expect(status, JSON.stringify(body).slice(0, 500)).toBe(200);
          const inputKm2 = check.request.input ? km2(check.request.input) : body.input.area_km2;
          closeRel(body.input.area_km2, inputKm2);
          for (const e of check.expected) {
            const got = body.conflicts.find((c: any) => c.collection === e.collection && c.id === e.id);
            expect(got, `${e.collection}/${e.id}`).toBeDefined();
            expect(got.outcome, `${e.id}`).toBe(e.outcome);
            expect(got.basis[0].citation).toBeTruthy();
            if (e.rule) expect(got.basis[0].rule).toBe(e.rule);
            if (e.overlap) {
              closeRel(got.overlap_area_km2, km2(e.overlap));
              closeRel(got.share_of_input, km2(e.overlap) / inputKm2);
              expect(['Polygon', 'MultiPolygon']).toContain(got.geometry.type);
            }
            if (e.disposal) expect(got.disposal, e.id).toMatchObject(e.disposal);
            if (e.crossing) closeRel(got.length_km, lengthKm(e.crossing));
            if (e.crosses) expect(got.crosses).toEqual(e.crosses);
          }
          for (const id of check.absent ?? [])
            expect(
              body.conflicts.find((c: any) => c.id === id),
              id,
            ).toBeUndefined();
          for (const [key, want] of Object.entries(check.summary ?? {})) {
            if (key === 'deductible') {
              const d = sumKm2(want as (Polygon | MultiPolygon)[]);
              closeRel(body.summary.deductible_area_km2, d);
              closeRel(body.summary.net_area_km2, inputKm2 - d);
              continue;
            }
            const w = want as { count?: number; union?: (Polygon | MultiPolygon)[] };
            if (w.count !== undefined) expect(body.summary[key].count, key).toBe(w.count);
            if (w.union) closeRel(body.summary[key].area_km2, sumKm2(w.union));
          }
          const codes = body.input.warnings.map((x: { code: string }) => x.code);
          for (const code of check.warnings ?? []) expect(codes).toContain(code);
        });
      }
    });
  }

  it('Turf overlay (browser) and PostGIS agree within 1e-6 relative on every fixture overlap and union', async () => {
    let compared = 0;
    for (const fx of FIXTURES) {
      const features: OverlayFeature[] = fx.features
        .filter((f) => ['blocks', 'protected-areas', 'redlines'].includes(f.properties.collection as string))
        .map((f) => ({ collection: f.properties.collection as string, id: f.id, geometry: f.geometry as Polygon | MultiPolygon }));
      for (const check of fx.checks) {
        const input = check.request.input;
        if (!input || check.request.block_id) continue;
        const { body } = await run(check);
        const turf = turfOverlay(input, features);
        const sqlPolys = body.conflicts.filter((c: any) => !c.check && ['blocks', 'protected-areas', 'redlines'].includes(c.collection));
        expect(turf.overlaps.map((o) => o.id).sort()).toEqual(sqlPolys.map((c: any) => c.id).sort());
        for (const c of sqlPolys) {
          const t = turf.overlaps.find((o) => o.id === c.id)!;
          closeRel(t.overlap_area_km2, c.overlap_area_km2, 1e-6);
          compared++;
        }
        for (const col of ['blocks', 'protected-areas', 'redlines']) closeRel(turf.union_km2[col] ?? 0, body.summary[col].area_km2, 1e-6);
        closeRel(turf.input_area_km2, body.input.area_km2, 1e-9);
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('takes the same input as a multipart file, with the parameters as form fields', async () => {
    const check = FIXTURES.find((f) => f.name === 'rights')!.checks[0];
    const form = new FormData();
    form.append(
      'file',
      new Blob([JSON.stringify({ type: 'Feature', properties: { name: '申请区' }, geometry: check.request.input })], {
        type: 'application/geo+json',
      }),
      '申请区.geojson',
    );
    for (const k of ['applicant', 'application', 'mineral', 'as_of']) form.append(k, String(check.request[k]));
    const res = await fetch(`${srv.url}/api/checks`, { method: 'POST', body: form });
    const body = await res.json();
    expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(200);
    expect(body.input.format).toBe('geojson');
    const json = (await run(check)).body;
    expect(body.conflicts.map((c: any) => [c.id, c.outcome])).toEqual(json.conflicts.map((c: any) => [c.id, c.outcome]));
    closeRel(body.summary.deductible_area_km2, json.summary.deductible_area_km2);
  });

  it('lists the whole register against red lines, paged, and as CSV with a BOM and Chinese headers', async () => {
    const body = await (await fetch(`${srv.url}/api/conflicts?collection=redlines&as_of=2026-06-30`)).json();
    expect(body.numberMatched).toBe(2);
    const byId = Object.fromEntries(body.rows.map((r: any) => [r.id, r]));
    expect(byId['fx-d01']).toMatchObject({ subject: { id: 'fx-d-block' }, outcome: 'deduct' });
    expect(byId['fx-d02']).toMatchObject({ subject: { id: 'fx-d-block' }, outcome: 'keep_with_commitment' });
    closeRel(
      byId['fx-d01'].overlap_area_km2,
      km2({
        type: 'Polygon',
        coordinates: [
          [
            [112.4, 36.02],
            [112.44, 36.02],
            [112.44, 36.06],
            [112.4, 36.06],
            [112.4, 36.02],
          ],
        ],
      }),
    );
    const page = await (await fetch(`${srv.url}/api/conflicts?collection=redlines&limit=1`)).json();
    expect(page.numberReturned).toBe(1);
    expect(page.links.find((l: any) => l.rel === 'next').href).toContain('offset=1');
    const csv = await fetch(`${srv.url}/api/conflicts?collection=redlines&format=csv&as_of=2026-06-30`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^区块编号,区块名称,矿业权人,图层,要素编号/);
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).toContain(',承诺保留,keep_with_commitment,');
  });

  it('lists block × block pairs in both directions and wells inside blocks', async () => {
    const blocks = await (await fetch(`${srv.url}/api/conflicts?collection=blocks&as_of=2026-06-30`)).json();
    expect(blocks.rows.map((r: any) => `${r.subject.id}>${r.id}`).sort()).toEqual(['fx-a04>fx-a05', 'fx-a05>fx-a04']);
    expect(blocks.rows.every((r: any) => r.outcome === 'same_holder')).toBe(true); // both coal rights are 丙's
    const wells = await (await fetch(`${srv.url}/api/conflicts?collection=wells&as_of=2026-06-30`)).json();
    expect(
      wells.rows
        .filter((r: any) => r.subject.id === 'fx-e-coal')
        .map((r: any) => r.id)
        .sort(),
    ).toEqual(['fx-w02', 'fx-w10']);
    const pipes = await (await fetch(`${srv.url}/api/conflicts?collection=pipelines`)).json();
    expect(pipes.numberMatched).toBe(0); // no block holds a crossing in the fixtures
  });

  describe('refusals in the one error shape', () => {
    it('a self-intersecting input: 422 naming the crossing', async () => {
      const r = await post(bowtie());
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('GEOMETRY_SELF_INTERSECTION');
      expect(r.body.error.message_zh).toBeTruthy();
    });
    it('an unknown application or block', async () => {
      const g = FIXTURES[0].checks[0].request.input;
      expect((await post({ ...g, application: 'grab' })).body.error).toMatchObject({
        code: 'CHECK_BAD_PARAMETER',
        details: [{ field: 'application' }],
      });
      expect((await post({ ...g, block_id: 'nope' })).body.error.code).toBe('CHECK_BLOCK_NOT_FOUND');
    });
    it('a legacy GeoJSON crs member is read by the parser, not taken for a parameter', async () => {
      const g = FIXTURES.find((f) => f.name === 'rights')!.checks[0].request.input;
      const r = await post({
        type: 'Feature',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4490' } },
        properties: {},
        geometry: g,
        applicant: '甲煤层气公司',
        as_of: '2026-06-30',
      });
      expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
      expect(r.body.conflicts.length).toBe(10);
    });
    it('no geometry, or an unknown register collection', async () => {
      expect((await post({ applicant: 'x' })).status).toBe(422);
      const r = await fetch(`${srv.url}/api/conflicts?collection=boundaries`);
      expect(r.status).toBe(422);
    });
  });
});

describe('overlap of a feature split into many subdivided pieces', () => {
  it('measures the merged overlap: equals the overlay with the whole feature to 1e-9', async () => {
    // a 3000-vertex jagged protected area far from the fixtures; ST_Subdivide cuts it into many pieces
    const ring = jaggedRing(3000, 113.9, 39.6, 0.25, 0.015, 2.3);
    await srv.db.named('protected_areas_insert', [
      JSON.stringify([
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: [ring] },
          properties: { id: 'fx-jagged', name: '锯齿森林公园', category: 'forest_park' },
        },
      ]),
    ]);
    const pieces = (await srv.db.query<{ n: number }>("SELECT count(*)::int AS n FROM protected_areas_sub WHERE id = 'fx-jagged'")).rows[0]
      .n;
    expect(pieces).toBeGreaterThan(10);
    const input = {
      type: 'Polygon',
      coordinates: [
        [
          [113.7, 39.45],
          [114.05, 39.45],
          [114.05, 39.75],
          [113.7, 39.75],
          [113.7, 39.45],
        ],
      ],
    };
    // the reference: the same overlay against the whole, unsplit feature (not the path under test)
    const want = (
      await srv.db.query<{ a: number }>(
        "SELECT ST_Area(ST_Intersection(geom, ST_SetSRID(ST_GeomFromGeoJSON($1), 4490))::geography) / 1e6 AS a FROM protected_areas WHERE id = 'fx-jagged'",
        [JSON.stringify(input)],
      )
    ).rows[0].a;
    const r = await post({ ...input, application: 'new_exploration', as_of: '2026-06-30' });
    expect(r.status).toBe(200);
    const c = r.body.conflicts.find((x: { id: string }) => x.id === 'fx-jagged');
    closeRel(c.overlap_area_km2, want, 1e-9);
  });
});

describe('the register and a single block agree', () => {
  it('gives the same overlap area for a block × protected-area pair both ways (to 1e-9)', async () => {
    const page = await (await fetch(`${srv.url}/api/conflicts?collection=protected-areas&limit=20`)).json();
    const rows = page.rows;
    expect(rows.length).toBeGreaterThan(0);
    const row = rows.find((r: any) => r.subject.id.startsWith('blk-')) ?? rows[0];
    const single = await (await fetch(`${srv.url}/api/blocks/${row.subject.id}/conflicts?as_of=2026-06-30`)).json();
    const same = single.conflicts.find((c: { collection: string; id: string }) => c.collection === 'protected-areas' && c.id === row.id);
    closeRel(row.overlap_area_km2, same.overlap_area_km2, 1e-9);
  });
});

describe('the whole-register list follows writes (pair tables of 023)', () => {
  const auth = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };
  const ring = (x0: number, y0: number, x1: number, y1: number) => [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ];
  const write = async (method: string, path: string, body?: unknown) => {
    let headers: Record<string, string> = auth;
    if (method !== 'POST') headers = { ...auth, 'if-match': (await fetch(`${srv.url}${path}`)).headers.get('etag')! };
    const res = await fetch(`${srv.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
  };

  it('after an insert, a geometry update, a status and a category change and a delete through the API, equals a fresh check of every block', async () => {
    // a new block over the wells-and-pipelines fixture: a block, protected areas, a red line, wells, crossings
    await write('POST', '/collections/blocks/items', {
      type: 'Feature',
      id: 'fx-q-new',
      geometry: { type: 'Polygon', coordinates: ring(112.7, 36.0, 112.8, 36.1) },
      properties: { name: '一致性区块', holder: '丁能源公司', kind: 'exploration', mineral: 'cbm', status: 'valid' },
    });
    // a write costs only a queue row: the pairs are computed when the list is read
    const queued = await srv.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM conflict_dirty WHERE layer = 'blocks' AND id = 'fx-q-new'",
    );
    expect(queued.rows[0].n).toBe(1);
    await write('POST', '/collections/reserves/items', {
      type: 'Feature',
      id: 'fx-q-res',
      geometry: { type: 'Polygon', coordinates: ring(112.71, 36.01, 112.73, 36.03) },
      properties: { name: '储量', block_id: 'fx-e-coal', kind: 'proven' },
    });
    const first = await registerEqualsChecks();
    for (const want of [
      '"blocks","fx-q-new","fx-e-coal"',
      '"reserves","fx-q-new","fx-q-res"',
      '"redlines","fx-q-new","fx-e-rl"',
      '"pipelines","fx-q-new","fx-p01"',
    ])
      expect(
        first.some((k) => k.includes(want)),
        want,
      ).toBe(true);

    await write('PATCH', '/collections/blocks/items/fx-q-new', {
      geometry: { type: 'Polygon', coordinates: ring(112.746, 36.01, 112.79, 36.09) },
    });
    await write('PATCH', '/collections/blocks/items/fx-e-coal', { properties: { status: 'expired' } });
    await write('PATCH', '/collections/protected-areas/items/fx-e-nr', { properties: { category: 'other' } });
    await write('PATCH', '/collections/redlines/items/fx-e-rl', {
      geometry: { type: 'Polygon', coordinates: ring(112.77, 36.07, 112.82, 36.12) },
    });
    await write('DELETE', '/collections/blocks/items/fx-a05');
    // what decides which wells are conflicts: a well's status, the block's holder (its wells of 甲 are now its own)
    await write('PATCH', '/collections/wells/items/fx-w01', { properties: { status: 'abandoned' } });
    await write('PATCH', '/collections/blocks/items/fx-q-new', { properties: { holder: '甲煤层气公司' } });
    const second = await registerEqualsChecks();
    expect(second.some((k) => k.includes('"fx-a05"'))).toBe(false);
    expect(second.some((k) => k.includes('"blocks","fx-q-new","fx-e-coal"'))).toBe(false); // moved off it
    expect(second.some((k) => k.includes('"pipelines","fx-q-new","fx-p01"'))).toBe(false); // fx-e-nr no longer a crossing category
    expect(second).not.toEqual(first);
    expect(second.some((k) => k.includes('"wells","fx-q-new","fx-w01"'))).toBe(true);
    expect((await srv.db.query<{ n: number }>('SELECT count(*)::int AS n FROM conflict_stale')).rows[0].n).toBe(0);
  });
});
