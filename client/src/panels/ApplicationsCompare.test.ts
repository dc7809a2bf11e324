import { describe, expect, it } from 'vitest';
import type { ApplicationSnapshot } from '../api/applications';
import type { CheckResult, Conflict } from '../api/contract';
import { compareAssessments, compareChecks } from './ApplicationsCompare';

const entry = (collection: string, id: string, outcome: string, area: number): Conflict =>
  ({
    collection,
    id,
    name: id,
    category: null,
    zone: null,
    status: null,
    holder: null,
    mineral: null,
    overlap_area_km2: area,
    share_of_input: 0,
    share_of_feature: null,
    outcome,
    deductible: outcome === 'deduct',
    basis: [],
  }) as unknown as Conflict;

type Frozen = NonNullable<ApplicationSnapshot['check']>;
const frozen = (conflicts: Conflict[], summary: Record<string, unknown>): Frozen =>
  ({
    inputs: { subject: {}, block_id: null, extent: 'application', area_km2: 10, geometry: null },
    regime: 'shanxi-cbm-2020',
    result: { conflicts, summary, warnings: [] },
  }) as unknown as Frozen;
const live = (conflicts: Conflict[], summary: Record<string, unknown>, code: string, regime = 'shanxi-cbm-2020') =>
  ({ input: { area_km2: 10 }, regime, conflicts, summary, verdict: { code, reasons: [] } }) as unknown as CheckResult;

describe('the frozen snapshot beside the live check', () => {
  it('marks a red line that appeared since submission as added, the verdict and the net area as changed', () => {
    const f = frozen([entry('blocks', 'blk-1', 'same_holder', 1)], {
      blocks: { count: 1, area_km2: 1 },
      deductible_area_km2: 0,
      net_area_km2: 10,
    });
    const l = live(
      [entry('blocks', 'blk-1', 'same_holder', 1), entry('redlines', 'rl-9', 'deduct', 2)],
      { blocks: { count: 1, area_km2: 1 }, redlines: { count: 1, area_km2: 2 }, deductible_area_km2: 2, net_area_km2: 8 },
      'deduct',
    );
    const c = compareChecks(f, l);
    expect(c.verdict).toEqual({ frozen: 'acceptable', live: 'deduct', changed: true });
    expect(c.regime.changed).toBe(false);
    expect(c.findings.map((x) => [x.key, x.change])).toEqual([
      ['redlines:rl-9', 'added'],
      ['blocks:blk-1', 'same'],
    ]);
    expect(c.changes).toBe(1);
    const areas = Object.fromEntries(c.areas.map((a) => [a.key, [a.frozen, a.live, a.changed]]));
    expect(areas).toEqual({
      input: [10, 10, false],
      blocks: [1, 1, false],
      redlines: [null, 2, true],
      deductible: [0, 2, true],
      net: [10, 8, true],
    });
    expect(c.areas.find((a) => a.key === 'redlines')?.count).toEqual({ frozen: null, live: 1 });
  });

  it('wells and pipelines are compared by count: their summary area is no reading', () => {
    const f = frozen([], {
      wells: { count: 2, area_km2: 0 },
      pipelines: { count: 1, area_km2: 0 },
      deductible_area_km2: 0,
      net_area_km2: 10,
    });
    const l = live(
      [],
      { wells: { count: 3, area_km2: 0 }, pipelines: { count: 1, area_km2: 0 }, deductible_area_km2: 0, net_area_km2: 10 },
      'acceptable',
    );
    const rows = Object.fromEntries(compareChecks(f, l).areas.map((a) => [a.key, [a.areal, a.changed]]));
    expect(rows.wells).toEqual([false, true]);
    expect(rows.pipelines).toEqual([false, false]);
  });

  it('a finding gone is removed; an outcome or an area beyond 100 m² is changed, rounding is not', () => {
    const f = frozen(
      [entry('blocks', 'a', 'forbidden', 1), entry('blocks', 'b', 'requires_agreement', 1), entry('blocks', 'c', 'forbidden', 1)],
      { deductible_area_km2: 0, net_area_km2: 10 },
    );
    const l = live(
      [entry('blocks', 'b', 'agreement_on_file', 1), entry('blocks', 'c', 'forbidden', 1.00005)],
      { deductible_area_km2: 0, net_area_km2: 10 },
      'not_acceptable',
      'mnr-2023',
    );
    const c = compareChecks(f, l);
    expect(Object.fromEntries(c.findings.map((x) => [x.id, x.change]))).toEqual({ a: 'removed', b: 'changed', c: 'same' });
    expect(c.verdict).toEqual({ frozen: 'not_acceptable', live: 'not_acceptable', changed: false });
    expect(c.regime).toEqual({ frozen: 'shanxi-cbm-2020', live: 'mnr-2023', changed: true });
  });

  it("shows the verdict the check answered at submission, not today's reading of the frozen entries", () => {
    // the entries alone would read "acceptable" today; the snapshot kept what the applicant was told then
    const f = frozen([entry('blocks', 'blk-1', 'same_holder', 1)], { deductible_area_km2: 0, net_area_km2: 10 });
    const kept = { code: 'agreement', reasons: [] };
    const stored = { ...f, result: { ...f.result, verdict: kept } } as unknown as Frozen;
    const l = live([entry('blocks', 'blk-1', 'same_holder', 1)], { deductible_area_km2: 0, net_area_km2: 10 }, 'acceptable');
    const c = compareChecks(stored, l);
    expect(c.frozenVerdict).toEqual(kept);
    expect(c.frozenVerdictDerived).toBe(false);
    expect(c.verdict).toEqual({ frozen: 'agreement', live: 'acceptable', changed: true });
    // a snapshot from before the verdict was kept: derived, and marked so
    const old = compareChecks(f, l);
    expect(old.frozenVerdictDerived).toBe(true);
    expect(old.verdict.frozen).toBe('acceptable');
  });

  it('compares the extension assessment: decision, areas to 100 m², the new term', () => {
    const a = { decision: 'extend', regime: 'shanxi-cbm-2020', reduction_km2: 5, remaining_km2: 20, new_valid_to: '2030-01-01' };
    const b = { ...a, reduction_km2: 5.00001, remaining_km2: 19, new_valid_to: '2030-01-01' };
    const rows = compareAssessments(a as never, b as never);
    expect(rows.filter((r) => r.changed).map((r) => r.key)).toEqual(['remaining_km2']);
    expect(compareAssessments(a as never, null).every((r) => r.changed)).toBe(true);
  });
});
