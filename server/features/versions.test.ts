import { describe, expect, it } from 'vitest';
import { buildHistory, type AuditRow, type VersionRow } from './versions';

const v = (version: string, from: string, to: string | null, name: string): VersionRow => ({
  version,
  valid_from: from,
  valid_to: to,
  feature: { geometry: { type: 'Point', coordinates: [112, 36] }, properties: { id: 'x', name, version, sys_period: '[…)' } },
});
const audit = (operation: string, actor: string, after: string | null, before: string | null): AuditRow => ({
  at: '2026-01-01T00:00:00Z',
  actor,
  role: 'admin',
  operation,
  request_id: `req-${operation}`,
  after_version: after,
  before_version: before,
});

describe('item history', () => {
  it('lists create, update and delete newest first, with the actor from the audit trail', () => {
    const h = buildHistory(
      [v('7', 'T2', 'T3', 'b'), v('5', 'T1', 'T2', 'a')],
      [audit('create', 'alice', '5', null), audit('update', 'bob', '7', '5'), audit('delete', 'carol', null, '7')],
    );
    expect(h.map((e) => [e.operation, e.actor, e.version, e.valid_from, e.valid_to])).toEqual([
      ['delete', 'carol', null, 'T3', null],
      ['update', 'bob', '7', 'T2', 'T3'],
      ['create', 'alice', '5', 'T1', 'T2'],
    ]);
    expect(h[1].properties).toEqual({ name: 'b' });
    expect(h[0].properties).toBeNull();
    expect(h[0].request_id).toBe('req-delete');
  });
  it('infers the operation from the shape where no audit row exists, and shows both lives of a reused id', () => {
    const h = buildHistory([v('9', 'T5', null, 'again'), v('3', 'T1', 'T2', 'old'), v('2', 'T0', 'T1', 'older')], []);
    expect(h.map((e) => [e.operation, e.version, e.valid_from, e.valid_to, e.actor])).toEqual([
      ['create', '9', 'T5', null, null],
      ['delete', null, 'T2', 'T5', null],
      ['update', '3', 'T1', 'T2', null],
      ['create', '2', 'T0', 'T1', null],
    ]);
  });
  it('is empty for an id that never existed', () => {
    expect(buildHistory([], [])).toEqual([]);
  });
});
