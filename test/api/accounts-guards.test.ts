/**
 * Accounts and tokens, the remaining guards of issue 13: the last active administrator account cannot be disabled or
 * demoted (409 LAST_ADMIN), and a personal token may be created read-only (scope `read`: 403 TOKEN_READ_ONLY on
 * every write) or with the owner's role (`write`, the default).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, call, login } from '../helpers/auth';
import { ADMIN_TOKEN, startTestServer } from '../helpers/server';
import { square } from '../../server/geometry/shapes.fixture';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let base = '';
const boot = bearer('bootstrap', ADMIN_TOKEN);

beforeAll(async () => {
  srv = await startTestServer();
  base = srv.url;
}, 120_000);
afterAll(async () => {
  await srv?.close();
});

interface ErrorBody {
  error: { code: string; message: string; message_zh: string; details?: unknown[] };
}
const accountId = async (username: string) => {
  const list = (await (await call(base, boot, 'GET', '/api/accounts')).json()) as { items: { id: number; username: string }[] };
  return list.items.find((a) => a.username === username)!.id;
};
describe('the last active administrator account', () => {
  it('cannot be disabled or demoted: 409 LAST_ADMIN in both languages; nothing changes', async () => {
    const id = await accountId('admin');
    for (const patch of [
      { disabled: true },
      { role: 'regulator', authority: '山西省自然资源厅' },
      { role: 'holder', holders: ['某公司'] },
    ]) {
      const r = await call(base, boot, 'PATCH', `/api/accounts/${id}`, patch);
      expect(r.status, JSON.stringify(patch)).toBe(409);
      const e = ((await r.json()) as ErrorBody).error;
      expect(e.code).toBe('LAST_ADMIN');
      expect(e.message).toContain('last active administrator');
      expect(e.message_zh).toContain('最后一个有效的管理员账户');
    }
    // still an administrator who can sign in; other changes to it still work
    expect((await login(base, 'admin', 'demo-admin-2026')).name).toBe('admin');
    expect((await call(base, boot, 'PATCH', `/api/accounts/${id}`, { display_name: '系统管理员' })).status).toBe(200);
  });

  it('with a second active administrator either may go, but not both — even when both are changed at once', async () => {
    const c = await call(base, boot, 'POST', '/api/accounts', { username: 'admin2', role: 'admin', password: 'second-admin-password' });
    expect(c.status).toBe(201);
    const [a1, a2] = [await accountId('admin'), await accountId('admin2')];
    // one at a time: the first goes, the second is then the last
    expect((await call(base, boot, 'PATCH', `/api/accounts/${a2}`, { disabled: true })).status).toBe(200);
    expect((await call(base, boot, 'PATCH', `/api/accounts/${a1}`, { disabled: true })).status).toBe(409);
    expect((await call(base, boot, 'PATCH', `/api/accounts/${a2}`, { disabled: false })).status).toBe(200);
    // both demoted at the same moment: exactly one succeeds
    const both = await Promise.all([
      call(base, boot, 'PATCH', `/api/accounts/${a1}`, { role: 'regulator', authority: '自然资源部' }),
      call(base, boot, 'PATCH', `/api/accounts/${a2}`, { role: 'regulator', authority: '自然资源部' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const left = (await srv.ownerQuery("SELECT count(*)::int AS n FROM accounts WHERE role = 'admin' AND NOT disabled")).rows[0].n;
    expect(left).toBe(1);
  });
});

describe('personal token scopes', () => {
  it('a read token reads with the owner’s role and cannot write (403 TOKEN_READ_ONLY); a write token writes', async () => {
    const reg = await login(base, 'regulator', 'demo-regulator-2026');
    const mk = async (body: Record<string, unknown>) => {
      const r = await call(base, reg, 'POST', '/api/tokens', body);
      expect(r.status).toBe(201);
      return (await r.json()) as { id: number; token: string; scope: string };
    };
    const ro = await mk({ name: '只读脚本', scope: 'read' });
    const rw = await mk({ name: '写入脚本', scope: 'write' });
    const dflt = await mk({ name: '默认' });
    expect([ro.scope, rw.scope, dflt.scope]).toEqual(['read', 'write', 'write']);
    const bad = await call(base, reg, 'POST', '/api/tokens', { name: 'x', scope: 'admin' });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as ErrorBody).error.code).toBe('INVALID_TOKEN_REQUEST');

    const list = (await (await call(base, reg, 'GET', '/api/tokens')).json()) as { items: { id: number; scope: string }[] };
    expect(list.items.find((t) => Number(t.id) === ro.id)?.scope).toBe('read');

    const read = bearer('read token', ro.token);
    const write = bearer('write token', rw.token);
    // reading: who am I, my tokens, the register
    const me = (await (await call(base, read, 'GET', '/api/auth/me')).json()) as { user: { username: string; role: string } };
    expect(me.user).toMatchObject({ username: 'regulator', role: 'regulator' });
    expect((await call(base, read, 'GET', '/api/tokens')).status).toBe(200);
    expect((await call(base, read, 'GET', '/collections/redlines/items?limit=1')).status).toBe(200);

    const feature = { type: 'Feature', geometry: square(104.5, 32.5, 0.02), properties: { name: '令牌红线', status: 'proposed' } };
    const refused = async (r: Response) => {
      expect(r.status).toBe(403);
      const e = ((await r.json()) as ErrorBody).error;
      expect(e.code).toBe('TOKEN_READ_ONLY');
      expect(e.message_zh).toContain('只读');
      expect(e.message).toContain('read-only');
    };
    await refused(await call(base, read, 'POST', '/collections/redlines/items', { ...feature, id: 'tok-ro' }));
    await refused(await call(base, read, 'POST', '/api/tokens', { name: 'another' }));
    await refused(await call(base, read, 'DELETE', `/api/tokens/${rw.id}`));
    // the write token acts with the owner's role
    const created = await call(base, write, 'POST', '/collections/redlines/items', { ...feature, id: 'tok-rw' });
    expect(created.status).toBe(201);
    const etag = created.headers.get('etag')!;
    await refused(
      await call(base, read, 'PUT', '/collections/redlines/items/tok-rw', feature, {
        'if-match': etag,
      }),
    );
    await refused(await call(base, read, 'DELETE', '/collections/redlines/items/tok-rw', undefined, { 'if-match': etag }));
    await refused(
      await call(base, read, 'POST', '/api/offsets', {
        from_block: 'blk-0025',
        to_block: 'blk-0021',
        area_km2: 1,
        offset_date: '2026-06-01',
      }),
    );
    expect((await call(base, write, 'DELETE', '/collections/redlines/items/tok-rw', undefined, { 'if-match': etag })).status).toBe(204);
    // computations anyone may ask for stay open to it
    expect((await call(base, read, 'POST', '/api/checks', square(104.5, 32.5, 0.02))).status).toBe(200);
  });
});
