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
  it('leaves out deadlines already passed', () => {
    expect(deadlinesWithin([row('gone', '2026-01-01')], '2026-11-24', 90)).toEqual([]);
  });
});
