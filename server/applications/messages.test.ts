import { describe, expect, it } from 'vitest';
import { say } from '../i18n/message';
import { APPLICATION_SAY } from './messages';

const P = {
  id: 'APP-000001',
  action: 'approve',
  state: 'draft',
  allowed_from: 'submitted,accepted',
  side: 'decider',
  applicant: '甲公司',
  holder: '乙公司',
  kind: 'extension',
  block: 'blk-1',
  outside_km2: 1.5,
  valid_to: '2026-12-31',
  last_day: '2026-12-01',
  filed_on: '2026-12-10',
  days_late: 9,
  count: 2,
  from: 'blk-0017',
  km2: 12.5,
  citation: '273号令 第十五条',
  source: '000:L3364',
  retained_km2: 10,
  remaining_km2: 9,
  before_km2: 12,
  after_km2: 10,
  valid_from: '2027-01-01',
  decision: 'refuse',
};

describe('application sentences', () => {
  it('every sentence has both languages, filled (no undefined, no raw codes)', () => {
    for (const code of Object.keys(APPLICATION_SAY) as (keyof typeof APPLICATION_SAY)[]) {
      const m = say(APPLICATION_SAY, code, P as never);
      expect(m.message, code).not.toMatch(/undefined|NaN/);
      expect(m.message_zh, code).not.toMatch(/undefined|NaN/);
      expect(m.message_zh, code).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('names the states and steps in the refusal of an illegal transition', () => {
    const m = say(APPLICATION_SAY, 'ILLEGAL_TRANSITION', { id: 'APP-1', action: 'approve', state: 'draft', allowed_from: 'accepted' });
    expect(m.message).toBe('Application APP-1 is draft: the step "approve" is taken only from accepted');
    expect(m.message_zh).toBe('申请 APP-1 当前为“草稿”：“批准”只能在“已受理”状态下进行');
  });

  it('names the dates and the article of a late extension in both languages', () => {
    const { block, valid_to, last_day, filed_on, days_late, citation, source } = P;
    const m = say(APPLICATION_SAY, 'EXTENSION_APPLICATION_LATE', { block, valid_to, last_day, filed_on, days_late, citation, source });
    for (const t of [m.message, m.message_zh])
      for (const d of ['2026-12-31', '2026-12-01', '2026-12-10', '273号令 第十五条']) expect(t).toContain(d);
  });
});
