/**
 * The payments card on a block (issue 14 item 4), in a real browser against the real service: the province regulator
 * opens the demo block with the overdue usage fee and sees the totals, each obligation's status and the late fee; the
 * public sees no card. Build first: `npx vite build`. Screenshots in test-results/e2e.
 */
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/server';
import { clickBlock, openMap, shot, signIn, useBrowser, watchConsole } from './browser';

/** The demo block with one usage fee overdue (exploration year 9, due 2025-12-29): data/demo/payments.json. */
const BLOCK = 'blk-0019';
const server = useTestServer({ STATIC_DIR: 'dist/client' });
const browser = useBrowser();

describe('payments card', () => {
  it('a regulator sees the overdue usage fee and its late fee; the public sees no card', async () => {
    const page = await openMap(browser, server.url, { locale: 'zh-CN' });
    const log = watchConsole(page);
    await clickBlock(page, BLOCK);
    await page.getByTestId('details').waitFor();
    await page.getByTestId('assessment-card').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('details-payments').count()).toBe(0);
    await signIn(page, 'regulator');
    await clickBlock(page, BLOCK);
    const card = page.getByTestId('details-payments');
    await card.getByTestId('payments-table').waitFor({ timeout: 60_000 });
    const statuses = await card.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(statuses.slice(0, 5)).toEqual(['paid', 'paid', 'paid', 'overdue', 'due']);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('逾期未缴');
    expect(text).toContain('探矿权使用费');
    expect(text).not.toMatch(/exploration_usage_fee|overdue|late fee/);
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'zh-details-payments');
    expect(log.errors).toEqual([]);
  }, 300_000);
});
