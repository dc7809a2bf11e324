import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, useTestServer } from '../helpers/server';
import { square } from '../../server/geometry/shapes.fixture';

// History for every collection (issue 13): valid-time versions kept by trigger, `as_at` on every layer's items,
// and one change list per item (GET /collections/{c}/items/{id}/history) with who made each version.
const srv = useTestServer();
const admin = { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` };

interface Version {
  version: string | null;
  valid_from: string;
  valid_to: string | null;
  properties: Record<string, unknown> | null;
  geometry: unknown;
  actor: string | null;
  operation: string;
}

const items = async (c: string, bbox: string, asAt?: string) => {
  const res = await fetch(`${srv.url}/collections/${c}/items?bbox=${bbox}&limit=100${asAt ? `&as_at=${encodeURIComponent(asAt)}` : ''}`);
  expect(res.status).toBe(200);
  return (await res.json()).features as { id: string; properties: Record<string, unknown> }[];
};

describe('a red line created, edited and deleted leaves its full history', () => {
  const id = 'hist-rl';
  let versions: Version[] = [];

  it('is written through the API', async () => {
    const base = `${srv.url}/collections/redlines/items`;
    const created = await fetch(base, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ type: 'Feature', id, geometry: square(104, 32), properties: { name: '拟划红线', status: 'proposed' } }),
    });
    expect(created.status).toBe(201);
    const edited = await fetch(`${base}/${id}`, {
      method: 'PUT',
      headers: { ...admin, 'if-match': created.headers.get('etag')! },
      body: JSON.stringify({ type: 'Feature', geometry: square(104, 32, 0.08), properties: { name: '正式红线', status: 'official' } }),
    });
    expect(edited.status).toBe(200);
    const deleted = await fetch(`${base}/${id}`, { method: 'DELETE', headers: { ...admin, 'if-match': edited.headers.get('etag')! } });
    expect(deleted.status).toBe(204);
  });

  it('GET …/history lists delete, update and create newest first, with actor and operation for an administrator', async () => {
    const res = await fetch(`${srv.url}/collections/redlines/items/${id}/history`, { headers: { authorization: admin.authorization } });
    expect(res.status).toBe(200);
    const h = await res.json();
    expect(h).toMatchObject({ id, collection: 'redlines' });
    versions = h.versions;
    expect(versions.map((v) => [v.operation, v.actor])).toEqual([
      ['delete', 'bootstrap-admin'],
      ['update', 'bootstrap-admin'],
      ['create', 'bootstrap-admin'],
    ]);
    const [del, upd, cre] = versions;
    expect(cre.properties).toMatchObject({ name: '拟划红线', status: 'proposed' });
    expect(upd.properties).toMatchObject({ name: '正式红线', status: 'official' });
    expect(upd.properties!.area_km2 as number).toBeGreaterThan(cre.properties!.area_km2 as number);
    expect(del).toMatchObject({ version: null, properties: null, geometry: null, valid_to: null });
    // contiguous periods, each non-empty, ISO 8601 UTC to the microsecond
    expect(cre.valid_to).toBe(upd.valid_from);
    expect(upd.valid_to).toBe(del.valid_from);
    for (const v of versions) expect(v.valid_from).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(cre.valid_from < cre.valid_to!).toBe(true);
    expect(upd.valid_from < upd.valid_to!).toBe(true);
    expect((cre.geometry as { type: string }).type).toBe('MultiPolygon');
  });

  it('shows the versions without actors to the public', async () => {
    const h = await (await fetch(`${srv.url}/collections/redlines/items/${id}/history`)).json();
    expect(h.versions.map((v: Version) => v.operation)).toEqual(['delete', 'update', 'create']);
    expect(h.versions.every((v: Version) => v.actor === null)).toBe(true);
  });

  it('as_at shows each version at its time, and nothing before the creation or after the deletion', async () => {
    const bbox = '103.9,31.9,104.2,32.2';
    const [del, upd, cre] = versions;
    const at = async (t: string) => (await items('redlines', bbox, t)).filter((f) => f.id === id).map((f) => f.properties.name);
    expect(await at(cre.valid_from)).toEqual(['拟划红线']);
    expect(await at(upd.valid_from)).toEqual(['正式红线']);
    expect(await at(del.valid_from)).toEqual([]);
    expect(await at('2020-01-01')).toEqual([]);
    expect((await items('redlines', bbox)).filter((f) => f.id === id)).toEqual([]);
  });

  it('an id deleted and created again shows both lives', async () => {
    const base = `${srv.url}/collections/redlines/items`;
    const again = await fetch(base, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ type: 'Feature', id, geometry: square(104, 32), properties: { name: '重新划定', status: 'proposed' } }),
    });
    expect(again.status).toBe(201);
    const h = await (await fetch(`${base}/${id}/history`)).json();
    expect(h.versions.map((v: Version) => v.operation)).toEqual(['create', 'delete', 'update', 'create']);
    expect(h.versions[1].valid_to).toBe(h.versions[0].valid_from);
  });

  it('answers 404 for an item that never existed and for an unknown collection', async () => {
    expect((await fetch(`${srv.url}/collections/redlines/items/never-was/history`)).status).toBe(404);
    expect((await fetch(`${srv.url}/collections/nope/items/x/history`)).status).toBe(404);
  });
});

describe('every collection keeps history and answers as_at', () => {
  const SAMPLES: { c: string; geometry: unknown; v1: Record<string, unknown>; v2: Record<string, unknown>; bbox: string }[] = [
    {
      c: 'blocks',
      geometry: square(105, 33),
      v1: { name: 'h1', kind: 'exploration', mineral: 'cbm' },
      v2: { name: 'h2', kind: 'exploration', mineral: 'cbm' },
      bbox: '104.9,32.9,105.1,33.1',
    },
    {
      c: 'reserves',
      geometry: square(105.2, 33),
      v1: { block_id: 'b', name: 'h1' },
      v2: { block_id: 'b', name: 'h2' },
      bbox: '105.1,32.9,105.3,33.1',
    },
    {
      c: 'protected-areas',
      geometry: square(105.4, 33),
      v1: { name: 'h1', category: 'geopark' },
      v2: { name: 'h2', category: 'geopark' },
      bbox: '105.3,32.9,105.5,33.1',
    },
    {
      c: 'wells',
      geometry: { type: 'Point', coordinates: [105.62, 33.02] },
      v1: { name: 'h1' },
      v2: { name: 'h2' },
      bbox: '105.5,32.9,105.7,33.1',
    },
    {
      c: 'pipelines',
      geometry: {
        type: 'LineString',
        coordinates: [
          [105.81, 33.01],
          [105.85, 33.04],
        ],
      },
      v1: { name: 'h1' },
      v2: { name: 'h2' },
      bbox: '105.7,32.9,105.9,33.1',
    },
    {
      c: 'boundaries',
      geometry: square(106, 33),
      v1: { name: 'h1', level: 'city' },
      v2: { name: 'h2', level: 'city' },
      bbox: '105.9,32.9,106.1,33.1',
    },
  ];
  it.each(SAMPLES)('$c: as_at before the edit shows v1, now shows v2, and the history has both', async (s) => {
    const id = `hist-${s.c}`;
    const base = `${srv.url}/collections/${s.c}/items`;
    const created = await fetch(base, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ type: 'Feature', id, geometry: s.geometry, properties: s.v1 }),
    });
    expect(created.status).toBe(201);
    const edited = await fetch(`${base}/${id}`, {
      method: 'PUT',
      headers: { ...admin, 'if-match': created.headers.get('etag')! },
      body: JSON.stringify({ type: 'Feature', geometry: s.geometry, properties: s.v2 }),
    });
    expect(edited.status).toBe(200);
    const h = await (await fetch(`${base}/${id}/history`)).json();
    expect(h.versions.map((v: Version) => v.properties!.name)).toEqual(['h2', 'h1']);
    const names = async (t?: string) => (await items(s.c, s.bbox, t)).filter((f) => f.id === id).map((f) => f.properties.name);
    expect(await names(h.versions[1].valid_from)).toEqual(['h1']);
    expect(await names(h.versions[0].valid_from)).toEqual(['h2']);
    expect(await names()).toEqual(['h2']);
  });

  it('demo data is on record from its own date: a red line is absent as at a day before its version date', async () => {
    const rl = (await items('redlines', '110,34,115,41')).find((f) => typeof f.properties.version_date === 'string');
    expect(rl).toBeDefined();
    const day = String(rl!.properties.version_date);
    const before = new Date(Date.parse(`${day}T00:00:00+08:00`) - 86_400_000).toISOString();
    const after = new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000).toISOString();
    expect((await items('redlines', '110,34,115,41', before)).some((f) => f.id === rl!.id)).toBe(false);
    expect((await items('redlines', '110,34,115,41', after)).some((f) => f.id === rl!.id)).toBe(true);
    const h = await (await fetch(`${srv.url}/collections/redlines/items/${rl!.id}/history`)).json();
    expect(h.versions).toHaveLength(1);
    expect(h.versions[0]).toMatchObject({ operation: 'create', actor: null, valid_to: null });
  });
});
