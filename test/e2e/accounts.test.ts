/**
 * Accounts on the page (issue 13, "The page"), in a real browser against the real service: sign in as each demo
 * role and check what is shown; a regulator edits a red line's attribute and sees the new value and a history
 * row; two browsers edit the same feature and the second gets the conflict explained; personal tokens; sign out.
 * Build first: `npx vite build`. Screenshots in test-results/e2e (docs/screenshots with UPDATE_SCREENSHOTS=1).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/server';
import { clickBlock, clickFeature as clickFeatureOf, openMap, shot, signIn, useBrowser, watchConsole, type ConsoleLog } from './browser';

/** An exploration block of the demo holder (中联煤层气), registered by 自然资源部 (not the province regulator's). */
const HOLDERS_BLOCK = 'blk-0015';
/** A proposed red line (沁河流域 … 拟划), kept by the province. */
const RED_LINE = 'red-004';

const server = useTestServer({ STATIC_DIR: 'dist/client' });
const browser = useBrowser();
const logs: ConsoleLog[] = [];

async function openPage(lang: 'zh' | 'en' = 'zh'): Promise<Page> {
  return openMap(browser, server.url, { locale: lang === 'zh' ? 'zh-CN' : 'en-GB' }, async (page) => {
    await page.addInitScript((l) => {
      try {
        if (!sessionStorage.getItem('kq.test.init')) {
          localStorage.setItem('kq.lang', l);
          sessionStorage.setItem('kq.test.init', '1');
        }
      } catch {
        /* storage blocked */
      }
    }, lang);
    logs.push(watchConsole(page));
  });
}

/** Zoom to a feature of a polygon layer and click it where it is the topmost identifiable feature. */
const clickFeature = (page: Page, collection: string, layer: string, id: string) => clickFeatureOf(page, server.url, collection, layer, id);

async function openBlock(page: Page, id: string) {
  await clickBlock(page, id);
  await page.getByTestId('details').waitFor();
  await page.getByTestId('assessment-card').waitFor({ timeout: 30_000 });
}

const prop = (page: Page, key: string) => page.locator(`[data-testid=details-props] [data-key=${key}] dd`);

// Software WebGL on a shared 2-core machine: a page with its map takes long to open, so two pages serve the whole
// suite (one signs in and out as each role in turn, the other is the second editor).
const SLOW = 300_000;
let one: Page;
let two: Page;

describe('who sees what', () => {
  it(
    'the public: a sign-in button, no edit controls, no history, the investment ledger withheld',
    async () => {
      one = await openPage('zh');
      await expect.poll(() => one.getByTestId('signin').textContent()).toBe('登录');
      await openBlock(one, HOLDERS_BLOCK);
      expect(await one.getByTestId('edit-feature').count()).toBe(0);
      expect(await one.getByTestId('details-history').count()).toBe(0);
      expect(await one.getByTestId('assessment-investment').count()).toBe(0);
      expect(await one.getByTestId('assessment-withheld').textContent()).toMatch(/不予公开|仅对/);
    },
    SLOW,
  );

  it(
    'a wrong password is refused in the chosen language',
    async () => {
      await one.getByTestId('signin').click();
      await one.locator('input[name=username]').fill('holder');
      await one.locator('input[name=password]').fill('not-the-password');
      await one.getByTestId('signin-submit').click();
      await expect.poll(() => one.getByTestId('signin-error').textContent(), { timeout: 30_000 }).toBe('用户名或密码错误');
      await one.keyboard.press('Escape');
      await one.getByTestId('signin-dialog').waitFor({ state: 'detached' });
    },
    SLOW,
  );

  it(
    'the holder: role and organisation in the header, its own block’s investment, no edit controls; signs out',
    async () => {
      await signIn(one, 'holder');
      expect(await one.getByTestId('account-role').textContent()).toBe('矿业权人');
      expect(await one.getByTestId('account-org').textContent()).toContain('中联煤层气');
      // the open block is read again for the signed-in holder
      await one.getByTestId('assessment-investment').waitFor({ timeout: 60_000 });
      expect(await one.getByTestId('edit-feature').count()).toBe(0);
      expect(await one.getByTestId('details-history').count()).toBe(0);
      await one.getByTestId('signout').click();
      await one.getByTestId('signin').waitFor();
      // the page forgets what only the holder could see
      await expect.poll(() => one.getByTestId('assessment-investment').count(), { timeout: 60_000 }).toBe(0);
    },
    SLOW,
  );

  it(
    'the province regulator: header in both languages; edits red lines, not a ministry block',
    async () => {
      await signIn(one, 'regulator');
      expect(await one.getByTestId('account-role').textContent()).toBe('监管人员');
      expect(await one.getByTestId('account-org').textContent()).toBe('山西省自然资源厅');
      await shot(one, 'accounts-header-regulator-zh', true);
      await one.getByTestId('lang-switch').click();
      expect(await one.getByTestId('account-role').textContent()).toBe('Regulator');
      await shot(one, 'accounts-header-regulator-en', true);
      await one.getByTestId('lang-switch').click();
      // blk-0015 is registered by 自然资源部: not this regulator's to change
      await one.getByTestId('details-history').waitFor({ timeout: 60_000 });
      expect(await one.getByTestId('edit-feature').count()).toBe(0);
      await clickFeature(one, 'redlines', 'red-fill', RED_LINE);
      await one.getByTestId('edit-feature').waitFor();
      await one.getByTestId('details-history').waitFor();
    },
    SLOW,
  );

  it(
    'the administrator: edit controls and the investment ledger on any block',
    async () => {
      two = await openPage('zh');
      await signIn(two, 'admin');
      expect(await two.getByTestId('account-role').textContent()).toBe('管理员');
      await openBlock(two, HOLDERS_BLOCK);
      await two.getByTestId('assessment-investment').waitFor({ timeout: 60_000 });
      await two.getByTestId('edit-feature').waitFor();
    },
    SLOW,
  );
});

describe('editing', () => {
  it(
    'a regulator changes a red line’s status and sees the new value and a history row',
    async () => {
      const page = one;
      expect(await prop(page, 'status').textContent()).toBe('拟划');
      await page.getByTestId('edit-feature').click();
      await page.getByTestId('field-status').selectOption('official');
      await page.getByTestId('edit-save').click();
      await page.getByTestId('edit-saved').waitFor({ timeout: 60_000 });
      await expect.poll(() => prop(page, 'status').textContent(), { timeout: 60_000 }).toBe('正式');
      const change = page.locator('[data-testid=history-change][data-field=status]').first();
      await expect.poll(() => change.textContent(), { timeout: 60_000 }).toBe('状态：拟划 → 正式');
      const row = page.getByTestId('history-row').first();
      expect(await row.textContent()).toContain('regulator');
      expect(await row.getAttribute('data-operation')).toBe('update');
    },
    SLOW,
  );

  it(
    'two editors of one feature: the second is told someone else saved first, sees both versions, re-applies',
    async () => {
      const a = one;
      const b = two;
      await clickFeature(b, 'redlines', 'red-fill', RED_LINE);
      for (const p of [a, b]) {
        await p.getByTestId('edit-feature').click();
        await p.getByTestId('field-name').waitFor();
      }
      await a.getByTestId('field-source').fill('甲的来源说明');
      await a.getByTestId('edit-save').click();
      await a.getByTestId('edit-saved').waitFor({ timeout: 60_000 });

      await b.getByTestId('field-name').fill('沁河流域水土保持生态保护红线(乙改)');
      await b.getByTestId('edit-save').click();
      const dialog = b.getByTestId('conflict-dialog');
      await dialog.waitFor({ timeout: 60_000 });
      expect(await b.getByTestId('conflict-explanation').textContent()).toMatch(/^您打开此要素之后，regulator（.+）保存了新的版本/);
      const rows = b.locator('[data-testid=conflict-table] tbody tr');
      const fields = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-field')));
      // the admin's change (name) and the regulator's, saved in between (source)
      expect(fields).toEqual(['name', 'source']);
      expect(await b.locator('tr[data-field=source] td').first().textContent()).toContain('甲的来源说明');
      await shot(b, 'accounts-edit-conflict-zh', true);
      // the same dialog in English (the switch sits behind the modal backdrop)
      await b.getByTestId('lang-switch').dispatchEvent('click');
      await expect.poll(() => b.getByTestId('conflict-explanation').textContent()).toMatch(/^After you opened this feature, regulator/);
      await shot(b, 'accounts-edit-conflict-en', true);
      await b.getByTestId('lang-switch').dispatchEvent('click');

      await b.getByTestId('conflict-reapply').click();
      await b.getByTestId('edit-saved').waitFor({ timeout: 60_000 });
      await expect.poll(() => b.getByTestId('details-title').textContent(), { timeout: 60_000 }).toBe('沁河流域水土保持生态保护红线(乙改)');
      // both changes are in the register: theirs (status, source) kept, mine (name) applied
      const now = (await (await fetch(`${server.url}/collections/redlines/items/${RED_LINE}`)).json()) as {
        properties: Record<string, unknown>;
      };
      expect(now.properties).toMatchObject({ source: '甲的来源说明', status: 'official', name: '沁河流域水土保持生态保护红线(乙改)' });
    },
    SLOW,
  );
});

describe('personal tokens', () => {
  it(
    'are created (shown once), work as a bearer token, and are revoked',
    async () => {
      const page = one;
      await page.getByTestId('open-tokens').click();
      await page.getByTestId('token-name').fill('导出脚本');
      // read-only unless chosen otherwise
      expect(await page.getByTestId('token-scope-choice').inputValue()).toBe('read');
      await page.getByTestId('token-create').click();
      const token = (await page.getByTestId('token-value').textContent({ timeout: 30_000 }))!.trim();
      expect(token.length).toBeGreaterThan(20);
      await expect.poll(() => page.getByTestId('token-row').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('token-scope').first().getAttribute('data-scope')).toBe('read');
      const me = (await (await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
        user: { username: string } | null;
      };
      expect(me.user?.username).toBe('regulator');
      // the regulator's token reads as the regulator but writes nothing
      const write = await fetch(`${server.url}/collections/redlines/items/none`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(write.status).toBe(403);
      expect(((await write.json()) as { error: { code: string } }).error.code).toBe('TOKEN_READ_ONLY');
      // a write token is a deliberate choice, and listed as such
      await page.getByTestId('token-name').fill('编辑脚本');
      await page.getByTestId('token-scope-choice').selectOption('write');
      await page.getByTestId('token-create').click();
      await expect.poll(() => page.getByTestId('token-row').count(), { timeout: 30_000 }).toBe(2);
      expect(await page.getByTestId('token-scope').first().getAttribute('data-scope')).toBe('write');
      expect(await page.getByTestId('token-scope-choice').inputValue()).toBe('read');
      const readRow = page.getByTestId('token-row').filter({ hasText: '导出脚本' });
      await readRow.getByTestId('token-revoke').click();
      await readRow.getByTestId('token-revoke-confirm').click();
      // a revoked token stays listed, marked revoked, with nothing left to revoke
      await expect.poll(() => readRow.getByTestId('token-revoked').count(), { timeout: 30_000 }).toBe(1);
      expect(await readRow.getByTestId('token-revoke').count()).toBe(0);
      expect(await page.getByTestId('token-revoke').count()).toBe(1); // the write token
      const after = await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      // a revoked bearer token is refused like any invalid one (server/http/auth.ts), on every route
      expect(after.status).toBe(401);
      expect(((await after.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
      await page.keyboard.press('Escape');
    },
    SLOW,
  );
});

describe('session', () => {
  it(
    'is restored on reload, and ends on sign-out',
    async () => {
      await one.reload();
      await one.getByTestId('account').waitFor({ timeout: 60_000 });
      expect(await one.getByTestId('account-role').textContent()).toBe('监管人员');
      // a check made while signed in leaves the panel and the map with the sign-out (the next user must not see it)
      await one.getByTestId('tab-check').click();
      await one
        .getByTestId('file-input')
        .setInputFiles({ name: 'overlap.txt', mimeType: 'text/plain', buffer: readFileSync('data/samples/demo-overlap-guotu.txt') });
      await one.getByTestId('check-result').waitFor({ timeout: 60_000 });
      const drawn = () =>
        one.evaluate(
          () => window.__map!.querySourceFeatures('check-input').length + window.__map!.querySourceFeatures('check-conflicts').length,
        );
      await expect.poll(drawn, { timeout: 30_000 }).toBeGreaterThan(0);
      await one.getByTestId('signout').click();
      await one.getByTestId('signin').waitFor();
      await expect.poll(drawn, { timeout: 30_000 }).toBe(0);
      expect(await one.getByTestId('check-result').count()).toBe(0);
      await one.reload();
      await one.getByTestId('signin').waitFor({ timeout: 60_000 });
      expect(await one.getByTestId('account').count()).toBe(0);
    },
    SLOW,
  );

  it(
    'too many wrong passwords: the wait is said in the chosen language',
    async () => {
      const page = one;
      await page.getByTestId('lang-switch').click();
      await page.getByTestId('signin').click();
      let text = '';
      for (let i = 0; i < 15 && !/try again/.test(text); i++) {
        await page.locator('input[name=username]').fill('nobody-here');
        await page.locator('input[name=password]').fill(`wrong-${i}`);
        await page.getByTestId('signin-submit').click();
        await expect.poll(() => page.getByTestId('signin-submit').textContent(), { timeout: 30_000 }).toBe('Sign in');
        await page.getByTestId('signin-error').waitFor();
        text = (await page.getByTestId('signin-error').textContent()) ?? '';
      }
      expect(text).toMatch(/^Too many failed sign-ins; try again in \d+ (s|min)$/);
    },
    SLOW,
  );
});

describe('console', () => {
  it('shows no errors other than the refusals asked for', () => {
    // the conflict test's 412 is the answer asked for (Chromium logs it; it is outside /api/, so not filtered there)
    const planned = /status of 412 \(Precondition Failed\) \S+\/collections\/redlines\/items\/red-004$/;
    for (const l of logs) expect(l.errors.filter((e) => !planned.test(e))).toEqual([]);
  });
});
