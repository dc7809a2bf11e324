/**
 * Agreements and commitments on file, in a real browser against the real service: the public sees neither list; the
 * ministry's regulator (who oversees every authority) reads the demo agreement of 蓝焰 blk-0061 with 凤凰山 blk-0073,
 * records a consent letter with that neighbour over their whole overlap and withdraws it; on 中石油 blk-0003 records
 * the holder's written commitment over the proposed red line red-006 — the right's own check then answers
 * 已有承诺在案 for that red line — and withdraws it. Each answer is read back from the server into the panel.
 * Build first: `npx vite build`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/server';
import { clickFeature, openMap, shot, signIn, useBrowser, watchConsole, type ConsoleLog } from './browser';

/** data/demo/agreements.json: 蓝焰-凤凰山 重叠区协议〔2024〕第3号, over the western part of their overlap. */
const LANYAN = 'blk-0061';
const FENGHUANGSHAN = 'blk-0073';
/** test/api/commitments.test.ts: CBM exploration right of 自然资源部 overlapping the proposed red line red-006. */
const PETRO = 'blk-0003';
const REDLINE = 'red-006';

const server = useTestServer({ STATIC_DIR: 'dist/client' });
const browser = useBrowser();
let page: Page;
let log: ConsoleLog;
const SLOW = 300_000;

const records = () => page.getByTestId('details-records');
const agreements = () => records().getByTestId('agreement');
const commitments = () => records().getByTestId('commitment');

async function openBlock(id: string) {
  const f = (await (await fetch(`${server.url}/collections/blocks/items/${id}`)).json()) as { properties: { name: string } };
  await clickFeature(page, server.url, 'blocks', 'blk-fill', id);
  await expect.poll(() => page.getByTestId('details-title').textContent()).toBe(f.properties.name);
}

beforeAll(async () => {
  page = await openMap(browser, server.url, {}, (p) => {
    log = watchConsole(p);
  });
}, SLOW);

afterAll(async () => {
  await page?.context().close();
});

describe('agreements and commitments on the page', () => {
  it(
    'are not shown to the public',
    async () => {
      await openBlock(LANYAN);
      await expect.poll(() => page.getByTestId('details-flags').count(), { timeout: 30_000 }).toBe(1);
      expect(await records().count()).toBe(0);
    },
    SLOW,
  );

  it(
    'the ministry’s regulator records a consent letter with the neighbour and withdraws it',
    async () => {
      await signIn(page, 'mnr');
      await openBlock(LANYAN);
      await expect.poll(() => agreements().count(), { timeout: 30_000 }).toBe(1);
      const demo = (await agreements().first().textContent()) ?? '';
      for (const part of [
        '双方协议',
        '蓝焰-凤凰山 重叠区协议〔2024〕第3号（合成）',
        `对方：${FENGHUANGSHAN}`,
        '2024-10-01 起至 2029-09-30',
        '先采气、后采煤',
      ])
        expect(demo).toContain(part);

      // a consent letter over the whole overlap, the neighbour chosen among the right's overlaps
      await records().getByTestId('agreement-new-open').click();
      const party = page.getByTestId('agreement-new-party');
      await party.waitFor({ timeout: 60_000 });
      expect(await party.locator(`option[value="${FENGHUANGSHAN}"]`).count()).toBe(1);
      await party.selectOption(FENGHUANGSHAN);
      await page.getByTestId('agreement-new-kind').selectOption('consent_letter');
      await page.getByTestId('agreement-new-document').fill('凤凰山煤矿 同意函〔2026〕第9号（测试）');
      await page.getByTestId('agreement-new-signed').fill('2026-11-02');
      await page.getByTestId('agreement-new-terms').getByLabel('合理避让').check();
      await page.getByTestId('agreement-new-save').click();
      const letter = agreements().filter({ hasText: '同意函〔2026〕第9号' });
      await expect.poll(() => letter.count(), { timeout: 30_000 }).toBe(1);
      const text = (await letter.textContent()) ?? '';
      for (const part of ['同意函', `对方：${FENGHUANGSHAN}`, '2026-11-02 起至 长期', '覆盖', '合理避让', '(在效)'])
        expect(text).toContain(part);
      await shot(page, 'zh-records-agreement');

      // withdrawn: off the list of those on file
      await letter.getByTestId('agreement-withdraw-open').click();
      await page.getByTestId('agreement-withdraw-reason').fill('文号录入错误');
      await page.getByTestId('agreement-withdraw-save').click();
      await expect.poll(async () => `${await letter.count()} ${await agreements().count()}`, { timeout: 30_000 }).toBe('0 1');
    },
    SLOW,
  );

  it(
    'records the holder’s commitment over a proposed red line, which the right’s check then reads, and withdraws it',
    async () => {
      await openBlock(PETRO);
      await expect.poll(() => records().textContent(), { timeout: 30_000 }).toContain('无在案的承诺书');
      await records().getByTestId('commitment-new-open').click();
      const redline = page.getByTestId('commitment-new-redline');
      await redline.waitFor({ timeout: 60_000 });
      await redline.selectOption(REDLINE);
      await page.getByTestId('commitment-new-document').fill('中石油煤层气 拟划红线承诺书〔2026〕第5号（测试）');
      await page.getByTestId('commitment-new-signed').fill('2026-03-01');
      // both undertakings the letter names are ticked to begin with
      expect(await page.getByTestId('commitment-new-terms').locator('input:checked').count()).toBe(2);
      await page.getByTestId('commitment-new-save').click();
      await expect.poll(() => commitments().count(), { timeout: 30_000 }).toBe(1);
      const text = (await commitments().first().textContent()) ?? '';
      for (const part of [
        '承诺书〔2026〕第5号',
        `红线：${REDLINE}（拟划）`,
        '2026-03-01 起至 红线正式划定',
        '不在拟划生态保护红线范围内开展作业',
        '(在效)',
      ])
        expect(text).toContain(part);

      // the right's own check now finds the commitment on file for that red line
      await page.getByTestId('details-conflicts-toggle').click();
      const conflicts = page.getByTestId('details-conflicts');
      await expect.poll(() => conflicts.textContent(), { timeout: 60_000 }).toContain('已有承诺在案');
      await shot(page, 'zh-records-commitment');

      await commitments().first().getByTestId('commitment-withdraw-open').click();
      await page.getByTestId('commitment-withdraw-reason').fill('承诺书已由持有人撤回');
      await page.getByTestId('commitment-withdraw-save').click();
      await expect.poll(() => records().textContent(), { timeout: 30_000 }).toContain('无在案的承诺书');
      await expect.poll(() => conflicts.textContent(), { timeout: 60_000 }).not.toContain('已有承诺在案');
    },
    SLOW,
  );

  it('shows no console errors', () => {
    expect(log.errors).toEqual([]);
  });
});
