/**
 * The conflict check as at a date (issue 13): every layer is read from its history (012) when a check names
 * `as_at` — the subdivided twins used for speed keep no history, so a past instant must not be answered from them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAt, expectSameAnswer, redLineLifeAndChecks, type CheckAnswer } from '../helpers/check-as-at';
import { ADMIN_TOKEN, startTestServer } from '../helpers/server';
import { square } from '../../server/geometry/shapes.fixture';

let srv: Awaited<ReturnType<typeof startTestServer>>;
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv?.close();
});

describe('POST /api/checks?as_at= answers from the register as it stood', () => {
  it('a red line created, moved and deleted: the check as at each version finds what stood then', async () => {
    await redLineLifeAndChecks(srv.url, auth, 'asat-rl', 104, 32);
  }, 180_000); // eight checks on the demo register: ~15 s quiet, past the 60 s default on a loaded machine

  it('a protected area, a reserve, a well and a pipeline edited after the instant are checked as they were', async () => {
    const json = { ...auth, 'content-type': 'application/json' };
    const post = async (c: string, body: unknown) => {
      const r = await fetch(`${srv.url}/collections/${c}/items`, { method: 'POST', headers: json, body: JSON.stringify(body) });
      expect(r.status, await r.clone().text()).toBe(201);
      return r.headers.get('etag')!;
    };
    const put = async (c: string, id: string, etag: string, body: unknown) => {
      const r = await fetch(`${srv.url}/collections/${c}/items/${id}`, {
        method: 'PUT',
        headers: { ...json, 'if-match': etag },
        body: JSON.stringify(body),
      });
      expect(r.status, await r.clone().text()).toBe(200);
    };
    const pa = {
      type: 'Feature',
      id: 'asat-pa',
      geometry: square(105, 31, 0.05),
      properties: { name: '保护区甲', category: 'nature_reserve', zone: 'core' },
    };
    const rs = {
      type: 'Feature',
      id: 'asat-rs',
      geometry: square(105.01, 31.06, 0.02),
      properties: { name: '储量甲', kind: 'proven', block_id: 'blk-0015' },
    };
    const well = {
      type: 'Feature',
      id: 'asat-w',
      geometry: { type: 'Point', coordinates: [105.05, 31.09] },
      properties: { name: '井甲', type: 'vertical', status: 'abandoned', status_since: '2010-01-01', holder: '他人公司' },
    };
    const pipe = {
      type: 'Feature',
      id: 'asat-p',
      geometry: {
        type: 'LineString',
        coordinates: [
          [104.99, 31.02],
          [105.06, 31.02],
        ],
      },
      properties: { name: '管线甲', type: 'trunk', status: 'operating' },
    };
    const tags = [await post('protected-areas', pa), await post('reserves', rs), await post('wells', well), await post('pipelines', pipe)];
    const input = square(104.98, 31.0, 0.1);
    const before = await checkAt(srv.url, input);
    const ids = (a: CheckAnswer) =>
      a.conflicts
        .map((c) => `${c.collection}/${c.id}`)
        .filter((k) => k.includes('asat-'))
        .sort();
    expect(ids(before)).toEqual(['pipelines/asat-p', 'protected-areas/asat-pa', 'reserves/asat-rs', 'wells/asat-w']);
    const h = (await (await fetch(`${srv.url}/collections/pipelines/items/asat-p/history`)).json()) as {
      versions: { valid_from: string }[];
    };
    const at = h.versions[0].valid_from; // the pipeline was written last: all four stand by then
    // move every one of them out of the input
    await put('protected-areas', 'asat-pa', tags[0], { ...pa, geometry: square(106, 31, 0.05) });
    await put('reserves', 'asat-rs', tags[1], { ...rs, geometry: square(106.01, 31.06, 0.02) });
    await put('wells', 'asat-w', tags[2], { ...well, geometry: { type: 'Point', coordinates: [106.05, 31.09] } });
    await put('pipelines', 'asat-p', tags[3], {
      ...pipe,
      geometry: {
        type: 'LineString',
        coordinates: [
          [105.99, 31.02],
          [106.06, 31.02],
        ],
      },
    });
    expect(ids(await checkAt(srv.url, input))).toEqual([]);
    const then = await checkAt(srv.url, input, at);
    expect(ids(then)).toEqual(['pipelines/asat-p', 'protected-areas/asat-pa', 'reserves/asat-rs', 'wells/asat-w']);
    expectSameAnswer(
      { ...before, conflicts: before.conflicts.filter((c) => c.id.startsWith('asat-')) },
      { ...then, conflicts: then.conflicts.filter((c) => c.id.startsWith('asat-')) },
    );
  });

  it('as at now gives the same answer as today on the demo register (every layer, history path vs the subdivided twins)', async () => {
    // a block with conflicts in each collection, from the register list
    const subjects = new Set<string>();
    for (const c of ['blocks', 'reserves', 'protected-areas', 'redlines', 'wells', 'pipelines']) {
      const page = await (await fetch(`${srv.url}/api/conflicts?collection=${c}&limit=1`)).json();
      if (page.rows[0]) subjects.add(page.rows[0].subject.id);
    }
    expect(subjects.size).toBeGreaterThan(1);
    const now = new Date().toISOString();
    for (const id of subjects) {
      const today = (await (await fetch(`${srv.url}/api/blocks/${id}/conflicts`)).json()) as CheckAnswer;
      const res = await fetch(`${srv.url}/api/blocks/${id}/conflicts?as_at=${encodeURIComponent(now)}`);
      expect(res.status).toBe(200);
      const asAt = (await res.json()) as CheckAnswer;
      expect(today.conflicts.length).toBeGreaterThan(0);
      expectSameAnswer(today, asAt);
    }
  });

  it('each kq_<layer>_as_at (017) returns every column of its layer, by name and type, from the layer and its history', async () => {
    const layers = ['blocks', 'reserves', 'protected_areas', 'redlines', 'wells', 'pipelines', 'boundaries'];
    const columns = async (table: string) =>
      Object.fromEntries(
        (
          await srv.ownerQuery(
            'SELECT attname, atttypid::int AS t FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped',
            [table],
          )
        ).rows.map((r: { attname: string; t: number }) => [r.attname, r.t]),
      );
    for (const layer of layers) {
      const table = await columns(layer);
      // the history may not lack a column of its layer (the function would fail to read it)
      expect(Object.keys(await columns(`${layer}_history`)).sort(), layer).toEqual(expect.arrayContaining(Object.keys(table).sort()));
      for (const at of ['NULL', "'2000-01-01'", 'now()']) {
        const fields = (await srv.ownerQuery(`SELECT * FROM kq_${layer}_as_at(${at}) LIMIT 1`)).fields;
        expect(Object.fromEntries(fields.map((f) => [f.name, f.dataTypeID])), `${layer} ${at}`).toEqual(table);
      }
    }
  });

  it('a named block is read as it stood: before it existed the check answers 422 CHECK_BLOCK_NOT_FOUND / 404', async () => {
    const res = await fetch(`${srv.url}/api/checks?as_at=1990-01-01&block_id=blk-0015&application=extension`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(square(112.5, 37.5, 0.01)),
    });
    expect(res.status).toBe(422);
    const e = (await res.json()).error;
    expect(e.code).toBe('CHECK_BLOCK_NOT_FOUND');
    expect(e.message_zh).toContain('截至');
    expect((await fetch(`${srv.url}/api/blocks/blk-0015/conflicts?as_at=1990-01-01`)).status).toBe(404);
  });

  it('refuses an impossible as_at with 422 CHECK_BAD_PARAMETER naming the field', async () => {
    for (const bad of ['2021-02-30', '2021-02-30T00:00:00Z', 'yesterday', '0000-01-01T00:00:00Z']) {
      const res = await fetch(`${srv.url}/api/checks?as_at=${encodeURIComponent(bad)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(square(104, 32, 0.01)),
      });
      expect(res.status, bad).toBe(422);
      const e = (await res.json()).error;
      expect(e.code).toBe('CHECK_BAD_PARAMETER');
      expect(e.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'as_at' })]));
    }
  });

  it('the whole-register list cannot answer as at a date: 422 AS_AT_NOT_SUPPORTED, never today’s data', async () => {
    const res = await fetch(`${srv.url}/api/conflicts?collection=redlines&as_at=2021-06-01`);
    expect(res.status).toBe(422);
    const e = (await res.json()).error;
    expect(e.code).toBe('AS_AT_NOT_SUPPORTED');
    expect(e.message_zh).toMatch(/as_at/);
    expect(e.details).toEqual([{ field: 'as_at' }]);
  });
});
