import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { ADMIN_TOKEN, useTestServer } from '../helpers/server';
import { square } from '../../server/geometry/shapes.fixture';

// The register's change list (GET /api/changes): what was created, changed or deleted in an area after an instant,
// read from every collection's valid-time history; asked again from its `until`, nothing is missed or listed twice.
const srv = useTestServer();
const admin = { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` };
// far from the demo data and from the other history tests
const AREA = '105.4,33.4,105.8,33.8';

interface Change {
  id: string;
  geometry: { type: string; coordinates: unknown } | null;
  properties: {
    collection: string;
    feature_id: string;
    operation: string;
    at: string;
    version: string | null;
    changed: string[];
    geometry_changed: boolean;
    after: Record<string, unknown> | null;
    before: Record<string, unknown> | null;
  };
}
interface ChangeList {
  since: string;
  until: string;
  features: Change[];
  numberMatched?: number;
  numberReturned: number;
  links: { rel: string; href: string }[];
}

const changes = async (query: string) => {
  const res = await fetch(`${srv.url}/api/changes?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
  return (await res.json()) as ChangeList;
};

const write = async (method: string, path: string, body?: unknown, etag?: string) => {
  const res = await fetch(`${srv.url}/collections/redlines/items${path}`, {
    method,
    headers: { ...admin, ...(etag ? { 'if-match': etag } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return res.headers.get('etag') ?? undefined;
};

describe('GET /api/changes lists creations, changes and deletions in an area after an instant', () => {
  let since = '';
  let list: ChangeList;

  it('starts from the `until` of an empty answer', async () => {
    const first = await changes(`since=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}&bbox=${AREA}`);
    expect(first.features).toEqual([]);
    expect(first.numberMatched).toBe(0);
    expect(first.until >= first.since).toBe(true);
    since = first.until;
  });

  it('lists a red line created then made official, and another created then deleted, newest first', async () => {
    const a = await write('POST', '', {
      type: 'Feature',
      id: 'chg-a',
      geometry: square(105.5, 33.5),
      properties: { name: '拟划红线甲', status: 'proposed' },
    });
    await write(
      'PUT',
      '/chg-a',
      { type: 'Feature', geometry: square(105.5, 33.5, 0.08), properties: { name: '拟划红线甲', status: 'official' } },
      a,
    );
    const b = await write('POST', '', {
      type: 'Feature',
      id: 'chg-b',
      geometry: square(105.7, 33.7),
      properties: { name: '拟划红线乙', status: 'proposed' },
    });
    await write('DELETE', '/chg-b', undefined, b);

    list = await changes(`since=${encodeURIComponent(since)}&bbox=${AREA}`);
    expect(list.since).toBe(since);
    expect(list.features.map((f) => [f.properties.feature_id, f.properties.operation])).toEqual([
      ['chg-b', 'delete'],
      ['chg-b', 'create'],
      ['chg-a', 'update'],
      ['chg-a', 'create'],
    ]);
    expect(list.numberMatched).toBe(4);
    const [del, createdB, upd, createdA] = list.features;
    for (const f of list.features) expect(f.properties.collection).toBe('redlines');
    // times in order, each after `since` and up to `until`
    const at = list.features.map((f) => f.properties.at).reverse();
    expect([...at].sort()).toEqual(at);
    expect(at[0] > since && at[3] <= list.until).toBe(true);

    expect(createdA.properties).toMatchObject({ before: null, geometry_changed: false, after: { name: '拟划红线甲', status: 'proposed' } });
    expect(createdA.properties.changed).toEqual(expect.arrayContaining(['name', 'status', 'area_km2']));
    expect(upd.properties.before).toMatchObject({ status: 'proposed' });
    expect(upd.properties.after).toMatchObject({ status: 'official' });
    expect(upd.properties.changed).toEqual(['area_km2', 'status']);
    expect(upd.properties.geometry_changed).toBe(true);
    expect(upd.properties.version).toMatch(/^\d+$/);
    // no bookkeeping in the properties: `at` says when
    expect(upd.properties.after).not.toHaveProperty('recorded_from');
    expect(upd.geometry?.type).toBe('MultiPolygon');

    expect(createdB.properties.after).toMatchObject({ name: '拟划红线乙' });
    expect(del.properties).toMatchObject({ operation: 'delete', version: null, after: null, before: { name: '拟划红线乙' } });
    // a deletion carries the geometry it ended: where it was
    expect(del.geometry).toEqual(createdB.geometry);
    expect(del.id).toBe(`redlines/chg-b@${del.properties.at}`);
  });

  it('asked again from `until`, lists nothing twice', async () => {
    const again = await changes(`since=${encodeURIComponent(list.until)}&bbox=${AREA}`);
    expect(again.features).toEqual([]);
  });

  it('keeps to its area and its collections', async () => {
    expect((await changes(`since=${encodeURIComponent(since)}&bbox=100,20,101,21`)).features).toEqual([]);
    expect((await changes(`since=${encodeURIComponent(since)}&bbox=${AREA}&collections=wells,blocks`)).features).toEqual([]);
    expect((await changes(`since=${encodeURIComponent(since)}&bbox=${AREA}&collections=redlines`)).numberMatched).toBe(4);
  });

  it('pages up to the first page’s `until`', async () => {
    const p1 = await changes(`since=${encodeURIComponent(since)}&bbox=${AREA}&limit=3`);
    expect(p1.numberReturned).toBe(3);
    const next = p1.links.find((l) => l.rel === 'next')!;
    expect(new URL(next.href).searchParams.get('until')).toBe(p1.until);
    const p2 = (await (await fetch(next.href.replace(/^https?:\/\/[^/]+/, srv.url))).json()) as ChangeList;
    expect(p2.until).toBe(p1.until);
    expect([...p1.features, ...p2.features].map((f) => f.id)).toEqual(list.features.map((f) => f.id));
    expect(p2.links.find((l) => l.rel === 'next')).toBeUndefined();
  });

  it('refuses an unknown collection, a missing or malformed `since`', async () => {
    for (const q of [`since=${encodeURIComponent(since)}&collections=redline`, 'bbox=1,2,3,4', 'since=yesterday']) {
      const res = await fetch(`${srv.url}/api/changes?${q}`);
      expect(res.status, q).toBe(422);
      const e = (await res.json()).error;
      expect(e.code).toBe('INVALID_QUERY');
      expect(e.message_zh).toBeTruthy();
    }
  });
});

describe('`until` waits for a write still in progress', () => {
  it('stops before a transaction that has not committed, so its change is listed by the next ask', async () => {
    const start = (await changes(`since=${encodeURIComponent(new Date(Date.now() - 1000).toISOString())}&bbox=${AREA}`)).until;
    // another instance of the service (the same role) in the middle of a write
    const other = new pg.Client({ connectionString: srv.config.DATABASE_URL });
    await other.connect();
    try {
      await other.query('BEGIN');
      // its start, to the microsecond as the API writes instants
      const { rows } = await other.query<{ t: string }>(`SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS t`);
      const during = await changes(`since=${encodeURIComponent(start)}&bbox=${AREA}`);
      expect(during.until < rows[0].t).toBe(true);
      await other.query(
        `INSERT INTO redlines (id, name, status, geom) VALUES ('chg-late', '迟到的红线', 'proposed',
           ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($1), 4490)))`,
        [JSON.stringify(square(105.45, 33.45, 0.02))],
      );
      await other.query('COMMIT');
      const after = await changes(`since=${encodeURIComponent(during.until)}&bbox=${AREA}`);
      expect(after.features.map((f) => [f.properties.feature_id, f.properties.operation])).toEqual([['chg-late', 'create']]);
    } finally {
      await other.end();
    }
  });
});
