import { describe, expect, it } from 'vitest';
import { CHECK_VERDICTS } from '../vocab';
import { OUTCOMES, type Outcome } from './outcomes';
import { pairwiseApart } from './summary';
import { checkVerdict, OUTCOME_VERDICT } from './verdict';
const sq = (x: number, y: number, d = 1) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});
describe('pairwiseApart (union area = sum shortcut)', () => {
  it('is true for boxes that at most share an edge, false when interiors may meet', () => {
    expect(pairwiseApart([sq(0, 0), sq(1, 0), sq(0, 1), sq(5, 5)])).toBe(true);
    expect(pairwiseApart([sq(0, 0), sq(0.5, 0.5)])).toBe(false);
    expect(pairwiseApart([sq(0, 0, 3), sq(1, 1)])).toBe(false);
  });
});

describe('checkVerdict (the overall verdict of a check)', () => {
  const e = (outcome: Outcome, overlap_area_km2 = 0, length_km?: number) => ({ outcome, overlap_area_km2, length_km });
  const s = (deductible_area_km2 = 0, net_area_km2 = 100) => ({ deductible_area_km2, net_area_km2 });

  it('is acceptable when nothing restricts the application (same holder, void, inactive wells only)', () => {
    const v = checkVerdict([e('same_holder', 3), e('void', 2), e('inactive_well')], s());
    expect(v).toMatchObject({ code: 'acceptable', severity: 'ok', reasons: [] });
    expect(v.message.code).toBe('VERDICT_ACCEPTABLE');
    expect(checkVerdict([], s()).code).toBe('acceptable');
  });

  it('takes the worst class and lists every class worst first, counted and summed per outcome', () => {
    const v = checkVerdict(
      [
        e('other_holder_well'),
        e('other_holder_well'),
        e('harmless_crossing_required', 0, 1.5),
        e('harmless_crossing_required', 0, 2.25),
        e('requires_agreement', 4),
        e('deduct', 10),
        e('deduct', 5.5),
      ],
      s(15.5, 84.5),
    );
    expect(v.code).toBe('deduct');
    expect(v.severity).toBe('block');
    expect(v.reasons.map((r) => [r.verdict, r.outcome, r.count])).toEqual([
      ['deduct', 'deduct', 2],
      ['agreement', 'requires_agreement', 1],
      ['conditions', 'other_holder_well', 2],
      ['conditions', 'harmless_crossing_required', 2],
    ]);
    expect(v.reasons[0].area_km2).toBe(15.5);
    expect(v.reasons[3].length_km).toBe(3.75);
    expect(v.message).toMatchObject({ code: 'VERDICT_DEDUCT', params: { n: 2, deductible: '15.5000', net: '84.5000' } });
    expect(v.message.message_zh).toContain('净面积 84.5000 km²');
  });

  it('refuses an overlap the application may not hold, and a containment failure', () => {
    expect(checkVerdict([e('forbidden', 20), e('deduct', 3)], s(23, 77))).toMatchObject({
      code: 'not_acceptable',
      severity: 'block',
      message: { code: 'VERDICT_NOT_ACCEPTABLE', params: { n: 1 } },
    });
    expect(checkVerdict([e('outside_exploration_block', 1)], s(1, 9)).code).toBe('not_acceptable');
    expect(checkVerdict([e('crosses_provincial_border', 1)], s(1, 9)).code).toBe('not_acceptable');
  });

  it('refuses when deductions leave nothing', () => {
    const v = checkVerdict([e('deduct', 100)], s(100, 0));
    expect(v.code).toBe('not_acceptable');
    expect(v.message).toMatchObject({ code: 'VERDICT_NOTHING_LEFT', params: { deductible: '100.0000' } });
  });

  it('agreement before review before conditions', () => {
    expect(checkVerdict([e('protect_in_place', 1), e('requires_commitment', 2)], s()).code).toBe('agreement');
    expect(checkVerdict([e('protect_in_place', 1), e('review_required', 2)], s()).code).toBe('review');
    expect(checkVerdict([e('abandoned_well'), e('may_continue_no_expansion', 1)], s()).code).toBe('conditions');
    expect(checkVerdict([e('keep_with_commitment', 1)], s()).message.code).toBe('VERDICT_AGREEMENT');
  });

  it('a check that could not run keeps the verdict from acceptable', () => {
    const why = { code: 'CONTAINMENT_NOT_CHECKED', params: {}, message: 'not checked', message_zh: '未检查' };
    const v = checkVerdict([], s(), [{ outcome: 'outside_exploration_block', message: why }]);
    expect(v).toMatchObject({ code: 'review', message: { code: 'VERDICT_REVIEW', params: { n: 1 } } });
    expect(v.reasons).toEqual([{ verdict: 'review', outcome: 'outside_exploration_block', count: 0, area_km2: 0, message: why }]);
  });

  it('gives every outcome a class or none, and every class a name in both languages', () => {
    for (const o of OUTCOMES) expect(Object.hasOwn(OUTCOME_VERDICT, o), o).toBe(true);
    for (const c of Object.values(OUTCOME_VERDICT)) if (c) expect(CHECK_VERDICTS[c].zh).toMatch(/[\u4e00-\u9fff]/);
    expect(CHECK_VERDICTS.not_acceptable.zh).toBe('不予受理');
  });
});
