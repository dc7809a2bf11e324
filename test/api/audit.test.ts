import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, useTestServer } from '../helpers/server';
import { square } from '../../server/geometry/shapes.fixture';

// Audit trail (issue 13): every write appends exactly one audit row in the transaction of the write itself;
// a refused or failed write appends none. GET /api/audit is for regulators and administrators.
const srv = useTestServer();
const json = { 'content-type': 'application/json' };
const admin = { ...json, authorization: `Bearer ${ADMIN_TOKEN}` };

/** One minimal feature per collection, far from the demo data; `change` is a valid property edit. */
const SAMPLES: { c: string; geometry: unknown; properties: Record<string, unknown>; change: Record<string, unknown> }[] = [
  {
    c: 'blocks',
    geometry: square(100.1, 30.1),
    properties: { name: '审计区块', kind: 'exploration', mineral: 'cbm' },
    change: { holder: '甲公司' },
  },
  { c: 'reserves', geometry: square(100.2, 30.1), properties: { block_id: 'x', kind: 'proven' }, change: { name: '储量' } },
  {
    c: 'protected-areas',
    geometry: square(100.3, 30.1),
    properties: { name: '审计保护区', category: 'forest_park' },
    change: { level: 'provincial' },
  },
  { c: 'redlines', geometry: square(100.4, 30.1), properties: { name: '审计红线', status: 'proposed' }, change: { status: 'official' } },
  { c: 'wells', geometry: { type: 'Point', coordinates: [100.5, 30.1] }, properties: { name: '审计井' }, change: { status: 'drilling' } },
  {
    c: 'pipelines',
    geometry: {
      type: 'LineString',
      coordinates: [
        [100.6, 30.1],
        [100.7, 30.2],
      ],
    },
    properties: { name: '审计管线' },
    change: { status: 'planned' },
  },
  { c: 'boundaries', geometry: square(100.8, 30.1), properties: { name: '审计市', level: 'city' }, change: { name: '审计市（改）' } },
];

/** before/after of an audit row: the item (features) or the record (offsets, checks); null where there is none. */
interface AuditJson {
  version: string;
  properties: Record<string, unknown>;
  [k: string]: unknown;
}

const auditRows = async (collection: string, id: string) =>
  (
    await srv.db.query<{
      operation: string;
      actor: string;
      role: string;
      via: string;
      before: AuditJson;
      after: AuditJson;
      request_id: string | null;
    }>('SELECT operation, actor, role, via, before, after, request_id FROM audit_log WHERE collection = $1 AND item_id = $2 ORDER BY id', [
      collection,
      id,
    ])
  ).rows;
const totalRows = async () => (await srv.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;

describe('feature writes: one audit row each, in the same transaction', () => {
  it.each(SAMPLES)('$c: create, replace, patch and delete leave one row each with actor, request id, before and after', async (s) => {
    const id = `audit-${s.c}`;
    const url = `${srv.url}/collections/${s.c}/items`;
    const created = await fetch(url, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ type: 'Feature', id, geometry: s.geometry, properties: s.properties }),
    });
    expect(created.status).toBe(201);
    let rows = await auditRows(s.c, id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ operation: 'create', actor: 'bootstrap-admin', role: 'admin', via: 'bootstrap', before: null });
    expect(rows[0].request_id).toBeTruthy();
    expect(`"v${rows[0].after.version}"`).toBe(created.headers.get('etag'));
    expect(rows[0].after).toMatchObject({ type: 'Feature', id, properties: s.properties });

    const put = await fetch(`${url}/${id}`, {
      method: 'PUT',
      headers: { ...admin, 'if-match': created.headers.get('etag')! },
      body: JSON.stringify({ type: 'Feature', geometry: s.geometry, properties: { ...s.properties, ...s.change } }),
    });
    expect(put.status).toBe(200);
    rows = await auditRows(s.c, id);
    expect(rows).toHaveLength(2);
    expect(rows[1].operation).toBe('update');
    expect(rows[1].before.version).toBe(rows[0].after.version);
    expect(rows[1].after.properties).toMatchObject(s.change);
    expect(`"v${rows[1].after.version}"`).toBe(put.headers.get('etag'));

    const patch = await fetch(`${url}/${id}`, {
      method: 'PATCH',
      headers: { ...admin, 'content-type': 'application/merge-patch+json', 'if-match': put.headers.get('etag')! },
      body: JSON.stringify({ properties: { synthetic: true } }),
    });
    expect(patch.status).toBe(200);
    rows = await auditRows(s.c, id);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatchObject({ operation: 'update', after: { properties: { synthetic: true, ...s.change } } });

    const del = await fetch(`${url}/${id}`, { method: 'DELETE', headers: { ...admin, 'if-match': patch.headers.get('etag')! } });
    expect(del.status).toBe(204);
    rows = await auditRows(s.c, id);
    expect(rows).toHaveLength(4);
    expect(rows[3]).toMatchObject({ operation: 'delete', after: null, before: { version: rows[2].after.version } });
  });

  it('refused and failed writes leave no audit row', async () => {
    const url = `${srv.url}/collections/redlines/items`;
    const f = { type: 'Feature', id: 'audit-refused', geometry: square(101, 30.1), properties: { name: '拒绝', status: 'proposed' } };
    const created = await fetch(url, { method: 'POST', headers: admin, body: JSON.stringify(f) });
    expect(created.status).toBe(201);
    const tag = created.headers.get('etag')!;
    const n = await totalRows();
    const attempts: [string, RequestInit, number][] = [
      ['duplicate id', { method: 'POST', headers: admin, body: JSON.stringify(f) }, 409],
      [
        'bad vocabulary',
        { method: 'POST', headers: admin, body: JSON.stringify({ ...f, id: 'x', properties: { name: 'x', status: 'nope' } }) },
        422,
      ],
      ['no token', { method: 'POST', headers: json, body: JSON.stringify({ ...f, id: 'y' }) }, 401],
    ];
    for (const [what, init, status] of attempts) expect((await fetch(url, init)).status, what).toBe(status);
    const item = `${url}/audit-refused`;
    const writes: [string, RequestInit, number][] = [
      ['PUT without If-Match', { method: 'PUT', headers: admin, body: JSON.stringify(f) }, 428],
      ['PUT with a stale tag', { method: 'PUT', headers: { ...admin, 'if-match': '"v1"' }, body: JSON.stringify(f) }, 412],
      [
        'PATCH with an invalid value',
        { method: 'PATCH', headers: { ...admin, 'if-match': tag }, body: '{"properties":{"status":"x"}}' },
        422,
      ],
      ['DELETE with a stale tag', { method: 'DELETE', headers: { ...admin, 'if-match': '"v1"' } }, 412],
      ['DELETE of an unknown item', { method: 'DELETE', headers: { ...admin, 'if-match': tag } }, 404],
    ];
    for (const [what, init, status] of writes) {
      const u = what.includes('unknown') ? `${url}/no-such-item` : item;
      expect((await fetch(u, init)).status, what).toBe(status);
    }
    expect(await totalRows()).toBe(n);
  });
});

describe('request ids', () => {
  it('every audit row carries the request id echoed in X-Request-Id: a random UUID (unique across restarts), or a sane incoming one', async () => {
    const url = `${srv.url}/collections/wells/items`;
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const id = `audit-reqid-${n}`;
      const body = JSON.stringify({
        type: 'Feature',
        id,
        geometry: { type: 'Point', coordinates: [100.5 + n / 100, 30.2] },
        properties: { name: '审计井' },
      });
      const res = await fetch(url, { method: 'POST', headers: admin, body });
      expect(res.status).toBe(201);
      const rows = await auditRows('wells', id);
      expect(rows).toHaveLength(1);
      expect(rows[0].request_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(res.headers.get('x-request-id')).toBe(rows[0].request_id);
      ids.push(rows[0].request_id!);
    }
    expect(ids[0]).not.toBe(ids[1]);
    const body = JSON.stringify({
      type: 'Feature',
      id: 'audit-reqid-3',
      geometry: { type: 'Point', coordinates: [100.55, 30.2] },
      properties: { name: '审计井' },
    });
    const given = await fetch(url, { method: 'POST', headers: { ...admin, 'x-request-id': 'proxy-7f3a9c12' }, body });
    expect(given.status).toBe(201);
    expect((await auditRows('wells', 'audit-reqid-3'))[0].request_id).toBe('proxy-7f3a9c12');
    const forged = JSON.stringify({
      type: 'Feature',
      id: 'audit-reqid-4',
      geometry: { type: 'Point', coordinates: [100.56, 30.2] },
      properties: { name: '审计井' },
    });
    const bad = await fetch(url, { method: 'POST', headers: { ...admin, 'x-request-id': '1' }, body: forged });
    expect(bad.status).toBe(201);
    expect((await auditRows('wells', 'audit-reqid-4'))[0].request_id).not.toBe('1');
  });
});

describe('offsets and stored checks', () => {
  const findBlock = async (q: string) =>
    (await (await fetch(`${srv.url}/collections/blocks/items?q=${encodeURIComponent(q)}&mineral=cbm&kind=exploration`)).json()).features[0];

  it('an offset leaves two audit rows (the ledger row and the giving block’s area-only version); a refused offset none', async () => {
    // 沁县 (receiver) is granted its extension on 2026-06-01, so it has a reduction due; 和顺 gives (same holder)
    const a = await findBlock('沁县');
    const b = await findBlock('和顺');
    const other = await findBlock('保德');
    const n = await totalRows();
    const refused = await fetch(`${srv.url}/api/offsets`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ from_block: other.id, to_block: a.id, area_km2: 1, offset_date: '2026-06-01' }),
    });
    expect(refused.status).toBe(422);
    expect(await totalRows()).toBe(n);
    // a receiver whose extension is refused (寿阳北 on 2026-06-01) owes nothing: 422, no audit row either
    const notDue = await fetch(`${srv.url}/api/offsets`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({
        from_block: (await findBlock('寿阳西')).id,
        to_block: (await findBlock('寿阳北')).id,
        area_km2: 1,
        offset_date: '2026-06-01',
      }),
    });
    expect(notDue.status).toBe(422);
    expect((await notDue.json()).error.code).toBe('OFFSET_RECEIVER_NOT_DUE');
    expect(await totalRows()).toBe(n);
    const res = await fetch(`${srv.url}/api/offsets`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ from_block: b.id, to_block: a.id, area_km2: 10, offset_date: '2026-06-01' }),
    });
    expect(res.status).toBe(201);
    const { id } = await res.json();
    expect(await totalRows()).toBe(n + 2);
    const blockRows = (await auditRows('blocks', b.id)).filter((r) => r.after?.offset_id !== undefined);
    expect(blockRows).toHaveLength(1);
    expect(blockRows[0]).toMatchObject({ operation: 'update', actor: 'bootstrap-admin' });
    expect(Number(blockRows[0].after.licensed_area_km2)).toBeCloseTo(Number(blockRows[0].before.licensed_area_km2) - 10, 6);
    expect(Number(blockRows[0].after.version)).toBeGreaterThan(Number(blockRows[0].before.version));
    const rows = await auditRows('offsets', String(id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ operation: 'create', actor: 'bootstrap-admin', before: null });
    expect(rows[0].after).toMatchObject({ from_block: b.id, to_block: a.id, area_km2: 10 });
    expect(rows[0].after.from_block_area_after_km2).toBeCloseTo(Number(rows[0].after.from_block_area_before_km2) - 10, 6);
  });

  it('a stored check leaves one audit row naming its certificate', async () => {
    const n = await totalRows();
    const res = await fetch(`${srv.url}/api/checks?store=true`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ geometry: square(112.6, 35.7, 0.02), application: 'new_exploration', applicant: '审计公司' }),
    });
    expect(res.status).toBe(201);
    const out = await res.json();
    expect(await totalRows()).toBe(n + 1);
    const rows = await auditRows('checks', out.check_id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      operation: 'create',
      actor: 'anonymous',
      role: 'public',
      after: { certificate_id: out.certificate_id },
    });
  });
});

describe('GET /api/audit', () => {
  it('is for regulators and administrators: 401 without credentials or with a wrong token', async () => {
    const res = await fetch(`${srv.url}/api/audit`);
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error.code).toBe('UNAUTHORIZED');
    expect(body.error.message_zh).toBeTruthy();
    expect((await fetch(`${srv.url}/api/audit`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
  });

  it('lists newest first, filters by collection, item, actor and since, and pages', async () => {
    const get = async (qs: string) => {
      const res = await fetch(`${srv.url}/api/audit${qs}`, { headers: admin });
      expect(res.status, qs).toBe(200);
      return res.json();
    };
    const all = await get('?limit=1000');
    expect(all.numberMatched).toBeGreaterThanOrEqual(7 * 4 + 3);
    const times = all.items.map((i: { at: string }) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
    const item = await get('?collection=wells&id=audit-wells');
    expect(item.items.map((i: { operation: string }) => i.operation)).toEqual(['delete', 'update', 'update', 'create']);
    expect(item.items[0]).toMatchObject({ collection: 'wells', item_id: 'audit-wells', actor: 'bootstrap-admin', role: 'admin' });
    expect((await get('?actor=anonymous')).items.every((i: { actor: string }) => i.actor === 'anonymous')).toBe(true);
    expect((await get('?actor=nobody')).numberMatched).toBe(0);
    expect((await get('?since=2199-01-01')).numberReturned).toBe(0);
    expect((await get(`?since=${encodeURIComponent(item.items[1].at)}&collection=wells&id=audit-wells`)).numberReturned).toBe(2);
    const page = await get('?limit=2');
    expect(page.numberReturned).toBe(2);
    const next = page.links.find((l: { rel: string }) => l.rel === 'next');
    const page2 = await (await fetch(next.href, { headers: admin })).json();
    expect(page2.items[0].id).toBe(all.items[2].id);
  });

  it('refuses a malformed filter with 422 naming it', async () => {
    const res = await fetch(`${srv.url}/api/audit?since=2021-02-30`, { headers: admin });
    expect(res.status).toBe(422);
    expect((await res.json()).error.details[0].field).toBe('since');
  });
});
