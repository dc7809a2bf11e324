/**
 * Sign-in, sessions, CSRF, lockout, personal tokens, accounts and their audit rows, scrypt storage, and the
 * least-privilege database role (issue 13). The route × role matrix is in roles-matrix.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestServer, useTestServer } from '../helpers/server';
import { ANON, bearer, call, login } from '../helpers/auth';

const srv = useTestServer({ LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_IP: '5', LOGIN_LOCK_SECONDS: '120' });
let base = '';
const boot = bearer('bootstrap', ADMIN_TOKEN);

beforeAll(() => {
  base = srv.url;
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const resetThrottle = () => srv.ownerQuery('DELETE FROM auth_throttle');

describe('sign-in, who am I, sign-out', () => {
  it('anonymous: me is null', async () => {
    const r = await fetch(`${base}/api/auth/me`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ user: null, csrf_token: null });
  });

  it('wrong password and unknown user: 401 INVALID_CREDENTIALS in both languages, no cookie', async () => {
    for (const body of [
      { username: 'admin', password: 'wrong-password' },
      { username: 'nobody-here', password: 'wrong-password' },
    ]) {
      const r = await post('/api/auth/login', body);
      expect(r.status).toBe(401);
      const e = (await r.json()) as { error: { code: string; message: string; message_zh: string } };
      expect(e.error.code).toBe('INVALID_CREDENTIALS');
      expect(e.error.message_zh).toMatch(/用户名或密码错误/);
      expect(r.headers.get('set-cookie')).toBeNull();
    }
    await resetThrottle();
  }, 120_000);

  it('login sets an HttpOnly SameSite=Lax session cookie (no Secure on http) and answers Me + csrf_token', async () => {
    const r = await post('/api/auth/login', { username: 'Regulator ', password: 'demo-regulator-2026' });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { user: Record<string, unknown>; csrf_token: string };
    expect(body.user).toEqual({
      id: expect.any(Number),
      username: 'regulator',
      display_name: '山西省自然资源厅（演示）',
      role: 'regulator',
      holders: [],
      authority: '山西省自然资源厅',
    });
    expect(body.csrf_token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const cookie = r.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^kq_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);
    // the session is stored in PostgreSQL, hashed: the cookie value itself is nowhere in the table
    const sid = cookie.split(';')[0].split('=')[1];
    const rows = (await srv.ownerQuery('SELECT id_hash FROM sessions')).rows as { id_hash: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((x) => x.id_hash === sid)).toBe(false);

    const me = await fetch(`${base}/api/auth/me`, { headers: { cookie: cookie.split(';')[0] } });
    expect(await me.json()).toEqual({ user: body.user, csrf_token: body.csrf_token });

    const out = await fetch(`${base}/api/auth/logout`, { method: 'POST', headers: { cookie: cookie.split(';')[0] } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/kq_session=;.*Expires=Thu, 01 Jan 1970/);
    // the session is gone server-side: replaying the old cookie is anonymous
    const after = await fetch(`${base}/api/auth/me`, { headers: { cookie: cookie.split(';')[0] } });
    expect(await after.json()).toEqual({ user: null, csrf_token: null });
    const replay = await call(
      base,
      { name: 'old', headers: { cookie: cookie.split(';')[0], 'x-csrf-token': body.csrf_token } },
      'GET',
      '/api/tokens',
    );
    expect(replay.status).toBe(401);
  });

  it('sign-in is audited (actor, role, via session)', async () => {
    const rows = (await srv.ownerQuery("SELECT actor, role, via, operation FROM audit_log WHERE operation = 'sign_in'")).rows;
    expect(rows).toContainEqual({ actor: 'regulator', role: 'regulator', via: 'session', operation: 'sign_in' });
  });

  it('a holder sees its holders; the bootstrap token is an admin with no account', async () => {
    const h = await login(base, 'holder', 'demo-holder-2026');
    const me = (await (await call(base, h, 'GET', '/api/auth/me')).json()) as { user: { role: string; holders: string[] } };
    expect(me.user.role).toBe('holder');
    expect(me.user.holders).toEqual(['中联煤层气有限责任公司(合成)']);
    const b = (await (await call(base, boot, 'GET', '/api/auth/me')).json()) as { user: { role: string; id: null }; csrf_token: null };
    expect(b.user.role).toBe('admin');
    expect(b.user.id).toBeNull();
    expect(b.csrf_token).toBeNull();
  });
});

describe('CSRF on cookie-authenticated writes', () => {
  it('missing or wrong X-CSRF-Token → 403 CSRF_FAILED; the right one passes; bearer needs none', async () => {
    const s = await login(base, 'admin', 'demo-admin-2026');
    const noHeader = await call(base, { name: 'x', headers: { cookie: s.cookie } }, 'POST', '/api/tokens', { name: 'csrf-test' });
    expect(noHeader.status).toBe(403);
    expect(((await noHeader.json()) as { error: { code: string } }).error.code).toBe('CSRF_FAILED');
    const wrong = await call(base, { name: 'x', headers: { cookie: s.cookie, 'x-csrf-token': 'A'.repeat(32) } }, 'POST', '/api/tokens', {
      name: 'csrf-test',
    });
    expect(wrong.status).toBe(403);
    // a register write through the cookie without the header: refused before the body is read
    const feature = await call(base, { name: 'x', headers: { cookie: s.cookie } }, 'DELETE', '/collections/redlines/items/nope');
    expect(feature.status).toBe(403);
    expect(((await feature.json()) as { error: { code: string } }).error.code).toBe('CSRF_FAILED');
    const ok = await call(base, s, 'POST', '/api/tokens', { name: 'csrf-test' });
    expect(ok.status).toBe(201);
    const token = ((await ok.json()) as { token: string }).token;
    expect((await call(base, bearer('t', token), 'POST', '/api/tokens', { name: 'by-bearer' })).status).toBe(201);
    // reads need no CSRF token
    expect((await call(base, { name: 'x', headers: { cookie: s.cookie } }, 'GET', '/api/tokens')).status).toBe(200);
  });
});

describe('lockout after repeated failures (stored in PostgreSQL)', () => {
  it('per account: after LOGIN_MAX_FAILURES failures even the right password gets 429 TOO_MANY_ATTEMPTS with Retry-After', async () => {
    await resetThrottle();
    for (let i = 0; i < 3; i++) expect((await post('/api/auth/login', { username: 'mnr', password: `nope-${i}-xxxx` })).status).toBe(401);
    const r = await post('/api/auth/login', { username: 'mnr', password: 'demo-mnr-2026' });
    expect(r.status).toBe(429);
    const retry = Number(r.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(120);
    const e = (await r.json()) as { error: { code: string; message_zh: string } };
    expect(e.error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(e.error.message_zh).toMatch(/登录失败次数过多/);
    const row = (await srv.ownerQuery("SELECT failures, locked_until > now() AS locked FROM auth_throttle WHERE key = 'user:mnr'")).rows[0];
    expect(row).toEqual({ failures: 3, locked: true });
    // another account from the same address is not locked by this one
    expect((await post('/api/auth/login', { username: 'admin', password: 'demo-admin-2026' })).status).toBe(200);
    // when the lock has passed, the right password works again and clears the count
    await srv.ownerQuery("UPDATE auth_throttle SET locked_until = now() - interval '1 second', window_start = now() - interval '1 hour'");
    expect((await post('/api/auth/login', { username: 'mnr', password: 'demo-mnr-2026' })).status).toBe(200);
    expect((await srv.ownerQuery("SELECT 1 FROM auth_throttle WHERE key = 'user:mnr'")).rows).toEqual([]);
  }, 120_000);

  it('per address: failures over many account names lock the address', async () => {
    await resetThrottle();
    for (let i = 0; i < 5; i++)
      expect((await post('/api/auth/login', { username: `ghost-${i}`, password: 'whatever-xx' })).status).toBe(401);
    const r = await post('/api/auth/login', { username: 'admin', password: 'demo-admin-2026' });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    await resetThrottle();
  }, 120_000);
});

describe('personal tokens', () => {
  it('create (shown once, stored hashed), use as Bearer, list without the secret, revoke', async () => {
    const s = await login(base, 'holder', 'demo-holder-2026');
    const c = await call(base, s, 'POST', '/api/tokens', { name: '脚本', expires_at: new Date(Date.now() + 86_400_000).toISOString() });
    expect(c.status).toBe(201);
    const created = (await c.json()) as { id: number; name: string; token: string; created_at: string };
    expect(created).toMatchObject({ id: expect.any(Number), name: '脚本', created_at: expect.any(String) });
    expect(created.token).toMatch(/^kq_[A-Za-z0-9_-]{43}$/);
    const stored = (await srv.ownerQuery('SELECT token_hash, prefix FROM api_tokens WHERE id = $1', [created.id])).rows[0];
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(created.token);

    const t = bearer('t', created.token);
    const me = (await (await call(base, t, 'GET', '/api/auth/me')).json()) as { user: { username: string }; csrf_token: null };
    expect(me.user.username).toBe('holder');
    expect(me.csrf_token).toBeNull();
    const list = (await (await call(base, t, 'GET', '/api/tokens')).json()) as { items: Record<string, unknown>[] };
    const mine = list.items.find((x) => x.id === created.id)!;
    expect(mine).toMatchObject({ name: '脚本', revoked_at: null });
    expect(mine.last_used_at).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain(created.token);
    expect(JSON.stringify(list)).not.toContain(stored.token_hash);

    // someone else cannot revoke it
    const other = await login(base, 'regulator', 'demo-regulator-2026');
    expect((await call(base, other, 'DELETE', `/api/tokens/${created.id}`)).status).toBe(404);
    expect((await call(base, s, 'DELETE', `/api/tokens/${created.id}`)).status).toBe(204);
    const used = await call(base, t, 'GET', '/api/auth/me');
    expect(used.status).toBe(401);
    expect(((await used.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });

  it('an expired token and a made-up token are refused (401) even on public routes', async () => {
    const s = await login(base, 'holder', 'demo-holder-2026');
    const c = (await (await call(base, s, 'POST', '/api/tokens', { name: 'short' })).json()) as { id: number; token: string };
    await srv.ownerQuery("UPDATE api_tokens SET expires_at = now() - interval '1 minute' WHERE id = $1", [c.id]);
    expect((await call(base, bearer('t', c.token), 'GET', '/collections')).status).toBe(401);
    expect((await call(base, bearer('t', `kq_${'A'.repeat(43)}`), 'GET', '/collections')).status).toBe(401);
    expect((await call(base, bearer('t', 'change-me-demo-token'), 'GET', '/collections')).status).toBe(401);
    expect((await call(base, s, 'POST', '/api/tokens', { name: 'past', expires_at: '2020-01-01T00:00:00Z' })).status).toBe(422);
    expect((await call(base, ANON, 'GET', '/collections')).status).toBe(200);
  });
});

describe('accounts (admin) with audit rows; scrypt storage', () => {
  it('create, change, disable: each write audited in the same transaction; disabling ends sessions', async () => {
    const a = await login(base, 'admin', 'demo-admin-2026');
    const c = await call(base, a, 'POST', '/api/accounts', {
      username: 'jc-reg',
      display_name: '晋城市局',
      role: 'regulator',
      authority: '晋城市规划和自然资源局',
      password: 'jincheng-password-1',
    });
    expect(c.status).toBe(201);
    const acc = (await c.json()) as { id: number; authority: string; disabled: boolean };
    expect(acc).toMatchObject({ authority: '晋城市规划和自然资源局', disabled: false });
    expect(JSON.stringify(acc)).not.toMatch(/scrypt|password/);

    const hash = (await srv.ownerQuery('SELECT password_hash FROM accounts WHERE id = $1', [acc.id])).rows[0].password_hash as string;
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(hash).not.toContain('jincheng');

    expect((await call(base, a, 'POST', '/api/accounts', { username: 'jc-reg', role: 'admin', password: 'x'.repeat(12) })).status).toBe(
      409,
    );
    const bad = await call(base, a, 'POST', '/api/accounts', { username: 'h2', role: 'holder', password: 'x'.repeat(12) });
    expect(bad.status).toBe(422);
    const unknown = await call(base, a, 'POST', '/api/accounts', {
      username: 'r2',
      role: 'regulator',
      authority: '火星局',
      password: 'x'.repeat(12),
    });
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('UNKNOWN_AUTHORITY');

    const jc = await login(base, 'jc-reg', 'jincheng-password-1');
    const p = await call(base, a, 'PATCH', `/api/accounts/${acc.id}`, { role: 'holder', holders: ['山西兰花煤层气有限公司(合成)'] });
    expect(p.status).toBe(200);
    expect(await p.json()).toMatchObject({ role: 'holder', holders: ['山西兰花煤层气有限公司(合成)'], authority: null });
    // a change of role ends the account's sessions
    expect(((await (await call(base, jc, 'GET', '/api/auth/me')).json()) as { user: null }).user).toBeNull();
    const jc2 = await login(base, 'jc-reg', 'jincheng-password-1');
    expect((await call(base, a, 'PATCH', `/api/accounts/${acc.id}`, { disabled: true })).status).toBe(200);
    expect(((await (await call(base, jc2, 'GET', '/api/auth/me')).json()) as { user: null }).user).toBeNull();
    expect((await post('/api/auth/login', { username: 'jc-reg', password: 'jincheng-password-1' })).status).toBe(401);
    expect((await call(base, a, 'PATCH', `/api/accounts/${acc.id}`, { disabled: false, password: 'new-password-22' })).status).toBe(200);
    expect((await post('/api/auth/login', { username: 'jc-reg', password: 'new-password-22' })).status).toBe(200);
    expect((await call(base, a, 'PATCH', '/api/accounts/999999', { disabled: true })).status).toBe(404);
    expect((await call(base, a, 'PATCH', `/api/accounts/${acc.id}`, { username: 'renamed' })).status).toBe(422);

    const audit = (
      await srv.ownerQuery(
        "SELECT actor, role, via, operation, before, after FROM audit_log WHERE collection = 'accounts' AND item_id = $1 ORDER BY id",
        [String(acc.id)],
      )
    ).rows as { actor: string; operation: string; before: Record<string, unknown> | null; after: Record<string, unknown> }[];
    const writes = audit.filter((r) => r.operation !== 'sign_in');
    expect(writes.map((r) => r.operation)).toEqual(['create', 'update', 'update', 'update']);
    expect(writes.every((r) => r.actor === 'admin')).toBe(true);
    expect(writes[1].before).toMatchObject({ role: 'regulator' });
    expect(writes[1].after).toMatchObject({ role: 'holder' });
    expect(writes[3].after).toMatchObject({ password_changed: true });
    expect(JSON.stringify(audit)).not.toMatch(/scrypt\$|new-password/);
  }, 120_000);
});

describe('least privilege in the database', () => {
  it('the service runs as the application role, which cannot DROP, TRUNCATE, ALTER or rewrite the audit trail', async () => {
    expect((await srv.db.query<{ u: string }>('SELECT current_user AS u')).rows[0].u).toBe('kq_app');
    const attempts = [
      'DROP TABLE blocks',
      'TRUNCATE blocks',
      'TRUNCATE audit_log',
      'ALTER TABLE blocks ADD COLUMN x int',
      'CREATE TABLE evil (x int)',
      "UPDATE audit_log SET actor = 'someone-else'",
      'DELETE FROM audit_log',
      "UPDATE schema_migrations SET name = 'x'",
    ];
    for (const sql of attempts) {
      const e = await srv.db.query(sql).then(
        () => null,
        (err: { code?: string }) => err,
      );
      expect(e?.code, sql).toBe('42501'); // insufficient_privilege
    }
    // what it needs still works: DML on data, INSERT + SELECT on audit_log
    const n = (await srv.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    expect(n).toBeGreaterThan(0);
    const ins = await srv.db.query(
      "INSERT INTO audit_log (actor, role, via, operation, collection) VALUES ('t', 'admin', 'bootstrap', 'probe', 'x') RETURNING id",
    );
    expect(ins.rows.length).toBe(1);
  });

  it('the owner can (migrations run as the owner)', async () => {
    const r = await srv.ownerQuery("SELECT tableowner FROM pg_tables WHERE tablename = 'blocks'");
    expect(r.rows[0].tableowner).not.toBe('kq_app');
  });
});

describe('secure cookie behind https', () => {
  it('PUBLIC_URL https:// → the session cookie is Secure', async () => {
    const s2 = await startTestServer({ PUBLIC_URL: 'https://map.example.gov.cn' });
    try {
      const r = await fetch(`${s2.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'demo-admin-2026' }),
      });
      expect(r.status).toBe(200);
      expect(r.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    } finally {
      await s2.close();
    }
  }, 120_000);
});
