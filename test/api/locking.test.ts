import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, useTestServer } from '../helpers/server';
import { square } from '../../server/geometry/shapes.fixture';

// Optimistic locking as OGC API – Features Part 4 recommends: GET sends a strong ETag; PUT, PATCH and DELETE
// need If-Match (428 without, 412 when stale), checked inside the SQL statement so concurrent writers cannot both win.
const srv = useTestServer();
const admin = { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` };

const item = (id: string) => `${srv.url}/collections/redlines/items/${encodeURIComponent(id)}`;
const create = async (id: string, lon: number, properties: Record<string, unknown> = { name: id, status: 'proposed' }) => {
  const res = await fetch(`${srv.url}/collections/redlines/items`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ type: 'Feature', id, geometry: square(lon, 31), properties }),
  });
  expect(res.status).toBe(201);
  return res;
};
const put = (id: string, tag: string | null, properties: Record<string, unknown>, lon = 102) =>
  fetch(item(id), {
    method: 'PUT',
    headers: tag === null ? admin : { ...admin, 'if-match': tag },
    body: JSON.stringify({ type: 'Feature', geometry: square(lon, 31), properties }),
  });

describe('ETag', () => {
  it('GET of an item sends a strong ETag "v<version>" that POST and PUT also answer, and that changes with each write', async () => {
    const created = await create('lock-etag', 102);
    const tag = created.headers.get('etag')!;
    expect(tag).toMatch(/^"v\d+"$/);
    const got = await fetch(item('lock-etag'));
    expect(got.headers.get('etag')).toBe(tag);
    const body = await got.json();
    expect(body.properties.version).toBeUndefined();
    const replaced = await put('lock-etag', tag, { name: 'lock-etag', status: 'official' });
    expect(replaced.status).toBe(200);
    const tag2 = replaced.headers.get('etag')!;
    expect(tag2).toMatch(/^"v\d+"$/);
    expect(tag2).not.toBe(tag);
    expect((await fetch(item('lock-etag'))).headers.get('etag')).toBe(tag2);
  });
});

describe('If-Match', () => {
  it('428 PRECONDITION_REQUIRED without If-Match (and for *), in both languages, changing nothing', async () => {
    await create('lock-428', 102.1);
    for (const init of [
      {
        method: 'PUT',
        headers: admin,
        body: JSON.stringify({ type: 'Feature', geometry: square(102.1, 31), properties: { name: 'x', status: 'official' } }),
      },
      { method: 'PATCH', headers: admin, body: '{"properties":{"status":"official"}}' },
      { method: 'DELETE', headers: admin },
      { method: 'DELETE', headers: { ...admin, 'if-match': '*' } },
    ]) {
      const res = await fetch(item('lock-428'), init);
      expect(res.status, `${init.method} ${JSON.stringify(init.headers)}`).toBe(428);
      const e = (await res.json()).error;
      expect(e.code).toBe('PRECONDITION_REQUIRED');
      expect(e.message_zh).toMatch(/If-Match/);
      expect(e.details[0].field).toBe('If-Match');
    }
    expect((await (await fetch(item('lock-428'))).json()).properties.status).toBe('proposed');
  });

  it('the classic lost update: B writes from a stale copy and gets 412 with the current ETag; A’s change stays', async () => {
    const created = await create('lock-lost', 102.2, { name: '原名', status: 'proposed', source: '原来源' });
    const copy = created.headers.get('etag')!; // both A and B read this version
    const a = await put('lock-lost', copy, { name: 'A 改名', status: 'proposed', source: '原来源' }, 102.2);
    expect(a.status).toBe(200);
    const b = await put('lock-lost', copy, { name: '原名', status: 'official', source: '原来源' }, 102.2);
    expect(b.status).toBe(412);
    expect(b.headers.get('etag')).toBe(a.headers.get('etag'));
    const e = (await b.json()).error;
    expect(e.code).toBe('PRECONDITION_FAILED');
    expect(e.details).toEqual([{ field: 'If-Match', current_etag: a.headers.get('etag') }]);
    expect(e.message_zh).toContain('已被修改');
    const now = await (await fetch(item('lock-lost'))).json();
    expect(now.properties).toMatchObject({ name: 'A 改名', status: 'proposed' });
    // weak and foreign tags never match (strong comparison); a list matches when one of its tags does
    expect((await put('lock-lost', `W/${a.headers.get('etag')}`, { name: 'w', status: 'official' }, 102.2)).status).toBe(412);
    expect((await put('lock-lost', '"definitely-not-the-current-etag"', { name: 'w', status: 'official' }, 102.2)).status).toBe(412);
    const listed = await put('lock-lost', `"v1", ${a.headers.get('etag')}`, { name: 'B 合并后', status: 'official' }, 102.2);
    expect(listed.status).toBe(200);
  });

  it('DELETE needs the current ETag too; afterwards the item is 404 for every method', async () => {
    const created = await create('lock-del', 102.3);
    const tag = created.headers.get('etag')!;
    const moved = await put('lock-del', tag, { name: 'lock-del', status: 'official' }, 102.3);
    expect((await fetch(item('lock-del'), { method: 'DELETE', headers: { ...admin, 'if-match': tag } })).status).toBe(412);
    expect((await fetch(item('lock-del'))).status).toBe(200);
    const del = await fetch(item('lock-del'), { method: 'DELETE', headers: { ...admin, 'if-match': moved.headers.get('etag')! } });
    expect(del.status).toBe(204);
    expect((await fetch(item('lock-del'))).status).toBe(404);
    expect((await put('lock-del', moved.headers.get('etag'), { name: 'x', status: 'official' })).status).toBe(404);
  });
});

describe('PATCH (JSON merge patch)', () => {
  const geomOf = async (id: string) =>
    (await srv.db.query<{ g: string; a: number }>('SELECT ST_AsEWKB(geom)::text AS g, area_km2 AS a FROM redlines WHERE id = $1', [id]))
      .rows[0];

  it('changes only the properties named, keeps the stored geometry bit for bit, and removes a property sent as null', async () => {
    const created = await create('lock-patch', 102.4, { name: '补丁', status: 'proposed', source: '某文件', version_date: '2024-01-01' });
    const g0 = await geomOf('lock-patch');
    const res = await fetch(item('lock-patch'), {
      method: 'PATCH',
      headers: { ...admin, 'content-type': 'application/merge-patch+json', 'if-match': created.headers.get('etag')! },
      body: JSON.stringify({ properties: { status: 'official', source: null } }),
    });
    expect(res.status).toBe(200);
    const f = await res.json();
    expect(f.properties).toMatchObject({ name: '补丁', status: 'official', version_date: '2024-01-01', source: null });
    expect(res.headers.get('etag')).not.toBe(created.headers.get('etag'));
    expect(await geomOf('lock-patch')).toEqual(g0);
  });

  it('replaces the geometry when the patch carries one (validated, area recomputed)', async () => {
    const created = await create('lock-patch-geom', 102.5);
    const res = await fetch(item('lock-patch-geom'), {
      method: 'PATCH',
      headers: { ...admin, 'if-match': created.headers.get('etag')! },
      body: JSON.stringify({ geometry: square(102.5, 31, 0.1) }),
    });
    expect(res.status).toBe(200);
    const f = await res.json();
    expect(f.properties.area_km2).toBeGreaterThan(90); // 0.1° × 0.1° at 31°N ≈ 106 km²
    expect(f.properties.name).toBe('lock-patch-geom');
    const bow = await fetch(item('lock-patch-geom'), {
      method: 'PATCH',
      headers: { ...admin, 'if-match': res.headers.get('etag')! },
      body: JSON.stringify({
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [102, 31],
              [102.1, 31.1],
              [102.1, 31],
              [102, 31.1],
              [102, 31],
            ],
          ],
        },
      }),
    });
    expect(bow.status).toBe(422);
    expect((await bow.json()).error.code).toBe('GEOMETRY_SELF_INTERSECTION');
  });

  it('refuses a patch of anything but properties and geometry, an invalid value, and removing the geometry', async () => {
    const created = await create('lock-patch-bad', 102.6);
    const tag = created.headers.get('etag')!;
    const send = (body: string) => fetch(item('lock-patch-bad'), { method: 'PATCH', headers: { ...admin, 'if-match': tag }, body });
    const r1 = await send('{"id":"other"}');
    expect(r1.status).toBe(422);
    expect((await r1.json()).error).toMatchObject({ code: 'PATCH_MEMBER_NOT_ALLOWED', details: [{ field: 'id' }] });
    const r2 = await send('{"properties":{"status":"maybe"}}');
    expect(r2.status).toBe(422);
    expect((await r2.json()).error.details[0].field).toBe('status');
    expect((await send('{"geometry":null}')).status).toBe(422);
    expect((await send('[1,2]')).status).toBe(400);
    expect((await fetch(item('lock-patch-bad'))).headers.get('etag')).toBe(tag);
  });
});

describe('20 concurrent writers on one item', () => {
  it('exactly one wins per version, every history row has a non-empty period, and as_at shows each version', async () => {
    const id = 'lock-race';
    const created = await create(id, 103, { name: 'v0', status: 'proposed' });
    const winners: { name: string; tag: string }[] = [{ name: 'v0', tag: created.headers.get('etag')! }];
    let waiting = Array.from({ length: 20 }, (_, i) => `writer-${i}`);
    for (let round = 0; waiting.length; round++) {
      // everyone still waiting reads the same version, then all write at once
      const tags = await Promise.all(waiting.map(async () => (await fetch(item(id))).headers.get('etag')!));
      expect(new Set(tags).size).toBe(1);
      const results = await Promise.all(waiting.map((name, i) => put(id, tags[i], { name, status: 'proposed' }, 103)));
      const won = results.flatMap((r, i) => (r.status === 200 ? [{ name: waiting[i], tag: r.headers.get('etag')! }] : []));
      expect(won, `round ${round}`).toHaveLength(1);
      for (const r of results) if (r.status !== 200) expect(r.status).toBe(412);
      for (const r of results) if (r.status === 412) expect(r.headers.get('etag')).toBe(won[0].tag);
      winners.push(won[0]);
      waiting = waiting.filter((n) => n !== won[0].name);
    }
    expect(winners).toHaveLength(21);
    const periods = (
      await srv.db.query<{ name: string; empty: boolean; lo: string; hi: string | null }>(
        `SELECT name, isempty(sys_period) AS empty, lower(sys_period)::text AS lo, upper(sys_period)::text AS hi
         FROM (SELECT name, sys_period FROM redlines WHERE id = $1 UNION ALL SELECT name, sys_period FROM redlines_history WHERE id = $1) v
         ORDER BY lower(sys_period)`,
        [id],
      )
    ).rows;
    expect(periods.map((p) => p.name)).toEqual(winners.map((w) => w.name));
    expect(periods.filter((p) => p.empty)).toEqual([]);
    for (let i = 1; i < periods.length; i++) expect(periods[i].lo).toBe(periods[i - 1].hi); // contiguous, no gap, no overlap
    // as_at at the start of every version shows that version (the history endpoint gives the instants to the microsecond)
    const history = await (await fetch(`${item(id)}/history`)).json();
    expect(history.versions.map((v: { properties: { name: string } }) => v.properties.name)).toEqual(winners.map((w) => w.name).reverse());
    for (const v of history.versions) {
      const fc = await (
        await fetch(`${srv.url}/collections/redlines/items?bbox=102.9,30.9,103.2,31.2&as_at=${encodeURIComponent(v.valid_from)}`)
      ).json();
      const hit = fc.features.filter((f: { id: string }) => f.id === id);
      expect(hit.map((f: { properties: { name: string } }) => f.properties.name)).toEqual([v.properties.name]);
    }
  }, 120_000);
});
