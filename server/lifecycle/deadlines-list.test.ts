import { describe, expect, it } from 'vitest';
import { deadlinesWithin, type DeadlineBlockRow } from './deadlines-list';

const row = (id: string, valid_to: string): DeadlineBlockRow => ({
  id,
  name: id,
  licence_no: null,
  holder: null,
  kind: 'exploration',
  mineral: 'cbm',
  status: 'valid',
  first_registration_date: '2020-06-01',
  valid_from: '2022-01-01',
  valid_to,
  extensions_used: 0,
  proven_submitted_date: null,
});

describe('deadlinesWithin', () => {
  it('lists expiry and the extension-application day (30 days before) inside the window, soonest first', () => {
    const items = deadlinesWithin([row('late', '2027-06-01'), row('soon', '2026-12-31')], '2026-11-24', 90);
    expect(items.map((i) => [i.block_id, i.deadline])).toEqual([
      ['soon', 'extension_application'],
      ['soon', 'expiry'],
    ]);
    expect(items[0].due.days_left).toBe(7); // 2026-12-01 is 30 days before 2026-12-31
  });
  it('each block under its own regime: a coal block that used two extensions keeps its extension-application deadline', () => {
    // 273号令 第十五条 (000:L3364) “经批准可以延续两次……期满后不再延续” is a Shanxi CBM rule; a coal exploration right is
    // under the national regime, whose text sets no such cap (自然资规〔2023〕6号 七, 001:L10495).
    const coal: DeadlineBlockRow = { ...row('coal', '2026-12-31'), mineral: 'coal', extensions_used: 2 };
    const items = deadlinesWithin([coal], '2026-11-24', 90);
    expect(items.map((i) => i.deadline)).toEqual(['extension_application', 'expiry']);
    expect(items[0].regime).toBe('national-2023');
    expect(items[0].due.citation).not.toMatch(/273号令/);
    // the same dates on a CBM block: two extensions used → no extension-application deadline
    const cbm: DeadlineBlockRow = { ...row('cbm', '2026-12-31'), extensions_used: 2 };
    expect(deadlinesWithin([cbm], '2026-11-24', 90).map((i) => i.deadline)).toEqual(['expiry']);
  });
  it('leaves out deadlines already passed', () => {
    expect(deadlinesWithin([row('gone', '2026-01-01')], '2026-11-24', 90)).toEqual([]);
  });
});
