/** Every sentence of annual investment and the abnormal list speaks both languages; the Chinese one has no English prose. */
import { describe, expect, it } from 'vitest';
import { ABNORMAL_SAY } from '../abnormal/messages';
import { ANNUAL_SAY } from '../rules/annual-investment';
import { INVESTMENT_SAY } from './messages';

const P = {
  block: '甲区块',
  kind: '采矿权',
  year: 2025,
  today: '2026-12-02',
  first: '2019-01-01',
  amount: '10',
  sum: '11',
  mineral: '煤',
  revision: 2,
  deadline: '2026-03-31',
  filed_on: '2026-04-02',
  reported: '100',
  minimum: '400',
  shortfall: '75%',
};

describe('investment sentences', () => {
  for (const [name, cat] of Object.entries({ ANNUAL_SAY, INVESTMENT_SAY, ABNORMAL_SAY }))
    for (const [code, t] of Object.entries(cat as Record<string, { en: (p: unknown) => string; zh: (p: unknown) => string }>))
      it(`${name}.${code}`, () => {
        expect(t.en(P).length).toBeGreaterThan(5);
        const zh = t.zh(P);
        expect(zh).toMatch(/[\u4e00-\u9fff]/);
        expect(zh.match(/[A-Za-z]{3,}/g) ?? []).toEqual([]);
      });
});
