/**
 * The register clerk's work on a right's flags in a real browser against the real service: the public reads a
 * mortgage (no forms, no consents); the ministry's regulator, who oversees the CBM rights, records the mortgagee's
 * consent to a transfer, withdraws it as recorded in error, records a seizure and its release — each answer read
 * back from the server into the panel. Build first: `npx vite build`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/server';
import { clickFeature, openMap, shot, signIn, useBrowser, watchConsole, type ConsoleLog } from './browser';

/** 赵庄 blk-0047: a CBM mining right of 自然资源部, mortgaged in the demo register (data/demo/right_flags.json). */
const MORTGAGED = 'blk-0047';

const server = useTestServer({ STATIC_DIR: 'dist/client' });
const browser = useBrowser();
let page: Page;
let log: ConsoleLog;
const SLOW = 300_000;

const flagsSection = () => page.getByTestId('details-flags');
const flags = () => flagsSection().getByTestId('register-flag');

async function openBlock() {
  await clickFeature(page, server.url, 'blocks', 'blk-fill', MORTGAGED);
  await expect.poll(() => page.getByTestId('details-title').textContent()).toContain('赵庄');
  await expect.poll(() => flags().count(), { timeout: 30_000 }).toBeGreaterThan(0);
}

beforeAll(async () => {
  page = await openMap(browser, server.url, {}, (p) => {
    log = watchConsole(p);
  });
}, SLOW);

afterAll(async () => {
  await page?.context().close();
});

describe('register flags on the page', () => {
  it(
    'the public reads the mortgage, without consents or forms',
    async () => {
      await openBlock();
      expect(await flags().count()).toBe(1);
      expect(await flags().first().getAttribute('data-kind')).toBe('mortgage');
      expect(await flagsSection().getByTestId('consents').count()).toBe(0);
      expect(await flagsSection().getByTestId('flag-new-open').count()).toBe(0);
      expect(await flagsSection().getByTestId('flag-release-open').count()).toBe(0);
    },
    SLOW,
  );

  it(
    'the ministry’s regulator records a consent, withdraws it, records a seizure and releases it',
    async () => {
      await signIn(page, 'mnr');
      await openBlock();
      const consents = flagsSection().getByTestId('consents');
      await expect.poll(() => consents.textContent(), { timeout: 30_000 }).toContain('尚无在案的同意书');

      // the mortgagee's written consent to a transfer, to any transferee
      await consents.getByTestId('consent-new-open').click();
      await page.getByTestId('consent-new-document').fill('晋抵同〔2026〕第7号（测试）');
      await page.getByTestId('consent-new-on').fill('2026-11-20');
      await page.getByTestId('consent-new-save').click();
      const consent = consents.getByTestId('consent');
      await expect.poll(() => consent.count(), { timeout: 30_000 }).toBe(1);
      expect(await consent.textContent()).toContain('同意书 晋抵同〔2026〕第7号（测试），2026-11-20 出具，受让人：不限');
      expect(await consent.getAttribute('data-withdrawn')).toBe('false');

      // withdrawn as recorded in error: kept, struck through, with its reason
      await consent.getByTestId('consent-withdraw-open').click();
      await page.getByTestId('consent-withdraw-reason').fill('文号录入错误');
      await page.getByTestId('consent-withdraw-save').click();
      await expect.poll(() => consent.getAttribute('data-withdrawn'), { timeout: 30_000 }).toBe('true');
      expect(await consent.textContent()).toContain('已撤回：文号录入错误');
      await shot(page, 'zh-flags-consent-withdrawn');

      // a seizure by a court, until released
      await flagsSection().getByTestId('flag-new-open').click();
      await page.getByTestId('flag-new-kind').selectOption('seizure');
      await page.getByTestId('flag-new-document').fill('（2026）晋05执保第200号（测试）');
      await page.getByTestId('flag-new-authority').fill('山西省晋城市中级人民法院（测试）');
      await page.getByTestId('flag-new-start').fill('2026-11-01');
      await page.getByTestId('flag-new-save').click();
      const seizure = flagsSection().locator('[data-testid=register-flag][data-kind=seizure]');
      await expect.poll(() => seizure.count(), { timeout: 30_000 }).toBe(1);
      expect(await seizure.getAttribute('data-in-force')).toBe('true');
      const text = (await seizure.textContent()) ?? '';
      for (const part of ['查封', '（2026）晋05执保第200号（测试）', '2026-11-01 起至 解除为止', '查封期间不得转让、缩减面积或注销'])
        expect(text).toContain(part);
      await shot(page, 'zh-flags-seizure');

      // released: no longer among the flags not released
      await seizure.getByTestId('flag-release-open').click();
      await page.getByTestId('flag-release-document').fill('（2026）晋05执保第200号之一（测试）');
      await page.getByTestId('flag-release-save').click();
      // the panel reads the flags again (a moment with none while it loads): wait for the list itself
      await expect.poll(async () => `${await seizure.count()} ${await flags().count()}`, { timeout: 30_000 }).toBe('0 1');
      expect(await flags().first().getAttribute('data-kind')).toBe('mortgage');
    },
    SLOW,
  );

  it('shows no console errors', () => {
    expect(log.errors).toEqual([]);
  });
});
