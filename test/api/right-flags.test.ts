/**
 * Register status flags on a right (issue 14 item 6): 查封 (seizure) and 抵押 (mortgage), published like transfers
 * (矿业权登记信息管理办法 二十一, 000 L2267). Recorded by a regulator overseeing the right (or an admin), public to read,
 * carried by the block's item, the map tiles and the checks; a seized right refuses a transfer or a reduction in the
 * register's write path (409 RIGHT_SEIZED) until released.
 * Demo data: blk-0058 seized, blk-0047 mortgaged (data/demo/right_flags.json, both 自然资源部-registered).
 */
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANON, bearer, call, login, type Who } from '../helpers/auth';
import { ADMIN_TOKEN, useTestServer } from '../helpers/server';
import { box } from '../../server/geometry/shapes.fixture';

const srv = useTestServer();
const LANYAN = '山西蓝焰煤层气集团有限责任公司(合成)';
const who: Record<'holder' | 'province' | 'mnr' | 'admin', Who> = {} as never;
let base = '';

const json = async (r: Response) => (await r.json()) as Record<string, any>;
const errorOf = async (r: Response) =>
  ((await r.json()) as { error: { code: string; message: string; message_zh: string; details?: Record<string, unknown>[] } }).error;

/** XYZ tile holding (lon, lat) at zoom z. */
function tileAt(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return { z, x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n) };
}

async function tileProps(lon: number, lat: number, id: string) {
  const t = tileAt(lon, lat, 12);
  const r = await fetch(`${base}/tiles/blocks/${t.z}/${t.x}/${t.y}.mvt`);
  expect(r.status).toBe(200);
  const layer = new VectorTile(new Pbf(new Uint8Array(await r.arrayBuffer()))).layers.blocks;
  for (let i = 0; i < layer.length; i++) {
    const f = layer.feature(i);
    if (f.properties.id === id) return f.properties;
  }
  throw new Error(`${id} not in tile`);
}

async function blockItem(id: string) {
  const r = await call(base, ANON, 'GET', `/api/collections/blocks/items/${id}`);
  expect(r.status).toBe(200);
  return { etag: r.headers.get('etag')!, feature: await json(r) };
}

beforeAll(async () => {
  base = srv.url;
  const r = await call(base, bearer('bootstrap', ADMIN_TOKEN), 'POST', '/api/accounts', {
    username: 'fl-holder',
    role: 'holder',
    holders: [LANYAN],
    password: 'flags-password-1',
  });
  expect(r.status, await r.clone().text()).toBe(201);
  who.holder = await login(base, 'fl-holder', 'flags-password-1');
  who.province = await login(base, 'regulator', 'demo-regulator-2026');
  who.mnr = await login(base, 'mnr', 'demo-mnr-2026');
  who.admin = await login(base, 'admin', 'demo-admin-2026');
});

describe('the demo flags are shown: block item, public list, map tile, checks', () => {
  it('blk-0058 is seized and blk-0047 mortgaged, in the item answer and the public list', async () => {
    const seized = (await blockItem('blk-0058')).feature;
    expect(seized.properties.register_flags.map((f: { kind: string }) => f.kind)).toEqual(['seizure']);
    expect(seized.properties.register_flags[0].authority).toBe('山西省晋城市中级人民法院（合成）');
    const mortgaged = (await blockItem('blk-0047')).feature;
    expect(mortgaged.properties.register_flags.map((f: { kind: string }) => f.kind)).toEqual(['mortgage']);
    expect((await blockItem('blk-0010')).feature.properties.register_flags).toEqual([]);
    const list = await json(await call(base, ANON, 'GET', '/api/blocks/blk-0047/flags'));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ kind: 'mortgage', beneficiary: '某商业银行山西省分行（合成）', in_force: true, synthetic: true });
    expect((await call(base, ANON, 'GET', '/api/blocks/blk-9999/flags')).status).toBe(404);
  });

  it('the blocks tile carries seized / mortgaged so the page can style them', async () => {
    expect(await tileProps(112.9, 35.426, 'blk-0058')).toMatchObject({ seized: true });
    expect((await tileProps(112.9, 35.426, 'blk-0058')).mortgaged).toBeUndefined();
    expect(await tileProps(113.0, 35.77, 'blk-0047')).toMatchObject({ mortgaged: true });
  });

  it('a check whose input overlaps the seized right says so (entry flags and a warning, zh and en)', async () => {
    const r = await call(base, ANON, 'POST', '/api/checks', box(112.89, 35.415, 112.94, 35.44));
    expect(r.status, await r.clone().text()).toBe(200);
    const body = await json(r);
    const e = body.conflicts.find((c: { id: string }) => c.id === 'blk-0058');
    expect(e.flags.map((f: { kind: string }) => f.kind)).toEqual(['seizure']);
    const w = body.input.warnings.find((m: { code: string }) => m.code === 'OVERLAPS_FLAGGED_RIGHT');
    expect(w.message_zh).toContain('查封');
    expect(w.message).toContain('seizure');
    // the seized right's own check warns that it cannot be transferred or reduced
    const own = await json(await call(base, ANON, 'GET', '/api/blocks/blk-0058/conflicts'));
    expect(own.input.warnings.map((m: { code: string }) => m.code)).toContain('SUBJECT_FLAGGED');
    // as at a day before the seizure was recorded, none
    const then = await json(await call(base, ANON, 'POST', '/api/checks?as_at=2026-01-01', box(112.89, 35.415, 112.94, 35.44)));
    expect(then.conflicts.find((c: { id: string }) => c.id === 'blk-0058').flags).toBeUndefined();
  });
});

describe('a seized right is not transferred or reduced until released', () => {
  it('holder change, reduction and cancellation → 409 RIGHT_SEIZED; a change of name is allowed', async () => {
    const { etag, feature } = await blockItem('blk-0058');
    const { register_flags: _f, ...props } = feature.properties;
    const put = (properties: Record<string, unknown>, geometry: unknown, tag: string) =>
      call(
        base,
        who.admin,
        'PUT',
        '/api/collections/blocks/items/blk-0058',
        { type: 'Feature', geometry, properties },
        { 'if-match': tag },
      );

    const transfer = await put({ ...props, holder: '受让方能源有限公司(合成)' }, feature.geometry, etag);
    expect(transfer.status).toBe(409);
    const t = await errorOf(transfer);
    expect(t.code).toBe('RIGHT_SEIZED');
    expect(t.message_zh).toContain('查封');
    expect(t.message_zh).toContain('不得变更矿业权人');
    expect(t.details![0]).toMatchObject({ reason: 'holder_change', field: 'properties.holder' });

    // reduction: the block's bounding box cut in half
    const ring = (feature.geometry.type === 'Polygon' ? feature.geometry.coordinates : feature.geometry.coordinates[0])[0] as number[][];
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    const half = box(Math.min(...xs), Math.min(...ys), (Math.min(...xs) + Math.max(...xs)) / 2, Math.max(...ys));
    const reduce = await put(props, half, etag);
    expect(reduce.status).toBe(409);
    const d = await errorOf(reduce);
    expect(d.details![0]).toMatchObject({ reason: 'reduction', field: 'geometry' });
    expect(d.message).toMatch(/cannot be reduced \(the new geometry leaves out \d+\.\d{4} km²\)/);

    const cancel = await put({ ...props, status: 'cancelled' }, feature.geometry, etag);
    expect([cancel.status, (await errorOf(cancel)).details![0].reason]).toEqual([409, 'cancellation']);

    const rename = await put({ ...props, name: `${props.name}（更名）` }, feature.geometry, etag);
    expect(rename.status, await rename.clone().text()).toBe(200);
  });

  it('a mortgaged mining right: other changes go through; its transfer needs the mortgagee’s consent on file (001 L9610)', async () => {
    const put = async (change: Record<string, unknown>) => {
      const { etag, feature } = await blockItem('blk-0047');
      const { register_flags: _f, ...props } = feature.properties;
      return call(
        base,
        who.admin,
        'PUT',
        '/api/collections/blocks/items/blk-0047',
        { type: 'Feature', geometry: feature.geometry, properties: { ...props, ...change } },
        { 'if-match': etag },
      );
    };
    const renamed = await put({ name: '山西沁水盆地赵庄区块煤层气开采（更名）' });
    expect(renamed.status, await renamed.clone().text()).toBe(200);

    const T = '受让方能源有限公司(合成)';
    const refused = await put({ holder: T });
    expect(refused.status).toBe(409);
    const e = await errorOf(refused);
    expect(e.code).toBe('RIGHT_MORTGAGED');
    expect(e.message_zh).toContain('未经抵押权人同意');
    expect(e.message_zh).toContain('自然资规〔2023〕4号 二（五）3（3）');
    expect(e.details![0]).toMatchObject({
      reason: 'holder_change',
      field: 'properties.holder',
      document_no: '晋矿抵备〔2025〕第21号（合成）',
    });

    const [mortgage] = (await json(await call(base, ANON, 'GET', '/api/blocks/blk-0047/flags'))).items;
    const consent = (transferee?: string) =>
      call(base, who.mnr, 'POST', `/api/flags/${mortgage.id}/consents`, {
        document_no: '抵押权人同意转让函〔2026〕第2号（测试）',
        given_on: '2026-11-20',
        ...(transferee ? { transferee } : {}),
      });
    // who may record it: not the public, not the holder, not a province regulator on a 自然资源部 right
    expect(
      (await call(base, ANON, 'POST', `/api/flags/${mortgage.id}/consents`, { document_no: 'x', given_on: '2026-11-20' })).status,
    ).toBe(401);
    expect(
      (await call(base, who.holder, 'POST', `/api/flags/${mortgage.id}/consents`, { document_no: 'x', given_on: '2026-11-20' })).status,
    ).toBe(403);
    expect(
      (await call(base, who.province, 'POST', `/api/flags/${mortgage.id}/consents`, { document_no: 'x', given_on: '2026-11-20' })).status,
    ).toBe(403);
    // a consent to another transferee does not let this one in
    expect((await consent('另一受让方(合成)')).status).toBe(201);
    expect((await put({ holder: T })).status).toBe(409);
    const c = await consent(T);
    expect(c.status, await c.clone().text()).toBe(201);
    expect(await json(c)).toMatchObject({ flag_id: mortgage.id, transferee: T, recorded_by: 'mnr' });
    // read back: the right's holder and the regulator overseeing it see both consents, newest first; the public 401, a
    // province regulator on a 自然资源部 right 403, an unknown flag 404
    const consents = `/api/flags/${mortgage.id}/consents`;
    for (const reader of [who.holder, who.mnr, who.admin]) {
      const r = await call(base, reader, 'GET', consents);
      expect(r.status, await r.clone().text()).toBe(200);
      expect((await json(r)).items.map((x: { transferee: string | null }) => x.transferee)).toEqual([T, '另一受让方(合成)']);
    }
    expect((await call(base, ANON, 'GET', consents)).status).toBe(401);
    expect((await call(base, who.province, 'GET', consents)).status).toBe(403);
    expect((await call(base, who.mnr, 'GET', '/api/flags/FLG-999999/consents')).status).toBe(404);
    const audit = await json(await call(base, who.admin, 'GET', '/api/audit?collection=right_flag_consents'));
    expect(audit.items.filter((x: { operation: string }) => x.operation === 'create')).toHaveLength(2);
    // a consent recorded in error is taken off record (026): the transfer is refused again until one is on file
    const cid = ((await json(await call(base, who.mnr, 'GET', consents))).items[0] as { id: string }).id;
    const withdraw = (w: Who) => call(base, w, 'POST', `/api/consents/${cid}/withdraw`, { reason: '同意函记错受让方（测试）' });
    expect((await withdraw(who.holder)).status).toBe(403);
    expect((await withdraw(who.province)).status).toBe(403);
    const w = await withdraw(who.mnr);
    expect(w.status, await w.clone().text()).toBe(200);
    expect(await json(w)).toMatchObject({ id: cid, transferee: T, withdrawn_by: 'mnr', withdrawn_reason: '同意函记错受让方（测试）' });
    expect([(await withdraw(who.mnr)).status, (await errorOf(await withdraw(who.mnr))).code]).toEqual([409, 'CONSENT_WITHDRAWN']);
    expect((await call(base, who.mnr, 'POST', '/api/consents/CNS-999999/withdraw', { reason: 'x' })).status).toBe(404);
    expect((await put({ holder: T })).status).toBe(409);
    const listed = (await json(await call(base, who.holder, 'GET', consents))).items as { id: string; withdrawn_at: string | null }[];
    expect(listed.find((x) => x.id === cid)!.withdrawn_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    const withdrawn = await json(await call(base, who.admin, 'GET', '/api/audit?collection=right_flag_consents'));
    expect(withdrawn.items.filter((x: { operation: string }) => x.operation === 'withdraw')).toHaveLength(1);
    expect((await consent(T)).status).toBe(201);
    const moved = await put({ holder: T });
    expect(moved.status, await moved.clone().text()).toBe(200);
    // a seizure is not consented to
    const [seizure] = (await json(await call(base, ANON, 'GET', '/api/blocks/blk-0058/flags?released=false'))).items;
    if (seizure) {
      const s = await call(base, who.mnr, 'POST', `/api/flags/${seizure.id}/consents`, { document_no: 'x', given_on: '2026-11-20' });
      expect([s.status, (await errorOf(s)).code]).toEqual([422, 'CONSENT_NOT_MORTGAGE']);
    }
  });
});

describe('recording and releasing flags: roles, refusals, audit', () => {
  const body = {
    kind: 'seizure',
    document_no: '（2026）晋01执保第7号（测试）',
    authority: '太原市中级人民法院（测试）',
    start_on: '2026-01-05',
  };

  it('public 401, holder 403, a province regulator on a 自然资源部 right 403, refusals 422', async () => {
    expect((await call(base, ANON, 'POST', '/api/blocks/blk-0058/flags', body)).status).toBe(401);
    expect((await call(base, who.holder, 'POST', '/api/blocks/blk-0058/flags', body)).status).toBe(403);
    const p = await call(base, who.province, 'POST', '/api/blocks/blk-0058/flags', body);
    expect([p.status, (await errorOf(p)).code]).toEqual([403, 'FORBIDDEN']);
    const bad = await call(base, who.mnr, 'POST', '/api/blocks/blk-0058/flags', { ...body, end_on: '2025-01-01' });
    expect([bad.status, (await errorOf(bad)).code]).toEqual([422, 'INVALID_FLAG']);
    const kind = await call(base, who.mnr, 'POST', '/api/blocks/blk-0058/flags', { ...body, kind: 'frozen' });
    expect([kind.status, (await errorOf(kind)).code]).toEqual([422, 'INVALID_FLAG']);
    expect((await call(base, who.mnr, 'POST', '/api/blocks/blk-9999/flags', body)).status).toBe(404);
  });

  it('release of the demo seizure (audited) lets the holder change go through; releasing twice is 409; the block’s ETag changes with its flags', async () => {
    const [flag] = (await json(await call(base, ANON, 'GET', '/api/blocks/blk-0058/flags'))).items;
    const seized = await blockItem('blk-0058');
    expect(seized.etag).toMatch(/^"v\d+-f[0-9a-f]{12}"$/);
    expect(
      (await call(base, who.holder, 'POST', `/api/flags/${flag.id}/release`, { released_on: '2026-11-30', document_no: 'x' })).status,
    ).toBe(403);
    const early = await call(base, who.mnr, 'POST', `/api/flags/${flag.id}/release`, { released_on: '2026-01-01', document_no: 'x' });
    expect([early.status, (await errorOf(early)).code]).toEqual([422, 'INVALID_FLAG']);
    const r = await call(base, who.mnr, 'POST', `/api/flags/${flag.id}/release`, {
      released_on: '2026-11-30',
      document_no: '（2026）晋05执恢第3号 解除查封（合成）',
    });
    expect(r.status, await r.clone().text()).toBe(200);
    expect(await json(r)).toMatchObject({ released_on: '2026-11-30', in_force: false, released_by: 'mnr' });
    const again = await call(base, who.mnr, 'POST', `/api/flags/${flag.id}/release`, { released_on: '2026-11-30', document_no: 'x' });
    expect([again.status, (await errorOf(again)).code]).toEqual([409, 'FLAG_RELEASED']);

    const audit = await json(await call(base, who.admin, 'GET', '/api/audit?collection=right_flags'));
    expect(audit.items.some((e: { item_id: string; operation: string }) => e.item_id === flag.id && e.operation === 'release')).toBe(true);

    const released = await blockItem('blk-0058');
    expect(released.feature.properties.register_flags).toEqual([]);
    expect(released.etag).toMatch(/^"v\d+"$/);
    expect(released.etag).not.toBe(seized.etag);
    // a write with the tag read before the release is refused: the representation it was based on is gone
    const { register_flags: _rf, ...releasedProps } = released.feature.properties;
    const old = await call(
      base,
      who.admin,
      'PUT',
      '/api/collections/blocks/items/blk-0058',
      { type: 'Feature', geometry: released.feature.geometry, properties: releasedProps },
      { 'if-match': seized.etag },
    );
    expect([old.status, old.headers.get('etag')]).toEqual([412, released.etag]);
    expect((await tileProps(112.9, 35.426, 'blk-0058')).seized).toBeUndefined();
    const { etag, feature } = await blockItem('blk-0058');
    const { register_flags: _f, ...props } = feature.properties;
    const transfer = await call(
      base,
      who.admin,
      'PUT',
      '/api/collections/blocks/items/blk-0058',
      { type: 'Feature', geometry: feature.geometry, properties: { ...props, holder: '受让方能源有限公司(合成)' } },
      { 'if-match': etag },
    );
    expect(transfer.status, await transfer.clone().text()).toBe(200);
  });

  it('the ministry records a new seizure (audited) and the list shows released ones on request', async () => {
    const r = await call(base, who.mnr, 'POST', '/api/blocks/blk-0058/flags', body);
    expect(r.status, await r.clone().text()).toBe(201);
    const f = await json(r);
    expect(f).toMatchObject({ kind: 'seizure', in_force: true, recorded_by: 'mnr', synthetic: false });
    const audit = await json(await call(base, who.admin, 'GET', '/api/audit?collection=right_flags'));
    expect(audit.items.some((e: { item_id: string; operation: string }) => e.item_id === f.id && e.operation === 'create')).toBe(true);
    expect((await json(await call(base, ANON, 'GET', '/api/blocks/blk-0058/flags'))).items).toHaveLength(2);
    expect((await json(await call(base, ANON, 'GET', '/api/blocks/blk-0058/flags?released=false'))).items).toHaveLength(1);
  });
});
