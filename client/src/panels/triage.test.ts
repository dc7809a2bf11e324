import { describe, expect, it } from 'vitest';
import type { Conflict } from '../api/contract';
import { legendOf, tally, topTallies, triage } from './triage';

let n = 0;
const c = (over: Partial<Conflict>): Conflict => ({
  collection: 'blocks',
  id: `f-${++n}`,
  name: null,
  category: null,
  zone: null,
  status: null,
  holder: null,
  mineral: null,
  overlap_area_km2: 0,
  share_of_input: 0,
  share_of_feature: null,
  outcome: 'forbidden',
  deductible: true,
  basis: [],
  geometry: null,
  ...over,
});
const well = (holder: string | null, status: string, outcome: Conflict['outcome'] = 'other_holder_well') =>
  c({ collection: 'wells', holder, status, outcome, deductible: false });
const pipe = (holder: string, length_km: number, length_in_input_km: number) =>
  c({ collection: 'pipelines', holder, status: 'operating', outcome: 'harmless_crossing_required', length_km, length_in_input_km });

describe('tally', () => {
  it('counts values, most first, unknown last', () => {
    expect(tally(['乙', '甲', '乙', null, '', undefined, '甲', '乙'])).toEqual([
      { key: '乙', n: 3 },
      { key: '甲', n: 2 },
      { key: null, n: 3 },
    ]);
    expect(topTallies(tally(['a', 'a', 'b', 'c', 'c', 'c']), 1)).toEqual({ shown: [{ key: 'c', n: 3 }], rest: 3 });
  });
});

describe('triage', () => {
  const conflicts = [
    well('甲公司', 'producing'),
    c({ outcome: 'requires_agreement', overlap_area_km2: 3, deductible: false }),
    well('乙公司', 'producing'),
    c({ collection: 'protected-areas', outcome: 'deduct', overlap_area_km2: 12 }),
    well('甲公司', 'inactive'),
    c({ outcome: 'forbidden', overlap_area_km2: 40 }),
    well(null, 'inactive', 'inactive_well'),
    pipe('管道公司', 1.25, 4),
    pipe('管道公司', 0.5, 2.5),
    c({ outcome: 'same_holder', overlap_area_km2: 7, deductible: false }),
    c({ outcome: 'outside_exploration_block', overlap_area_km2: 1, check: 'containment' }),
  ];

  it('orders sections by severity and areal findings by containment, then overlap', () => {
    const s = triage(conflicts);
    expect(s.map((x) => [x.severity, x.count])).toEqual([
      ['block', 3],
      ['condition', 6],
      ['info', 1],
      ['ok', 1],
    ]);
    expect(s[0].areal.map((x) => x.outcome)).toEqual(['outside_exploration_block', 'forbidden', 'deduct']);
    expect(s[0].groups).toEqual([]);
  });

  it('groups wells and pipelines by outcome, counted by holder and status, pipelines with summed km', () => {
    const cond = triage(conflicts)[1];
    expect(cond.areal.map((x) => x.outcome)).toEqual(['requires_agreement']);
    expect(cond.groups.map((g) => [g.collection, g.outcome, g.items.length])).toEqual([
      ['pipelines', 'harmless_crossing_required', 2],
      ['wells', 'other_holder_well', 3],
    ]);
    const [pipes, wells] = cond.groups;
    expect(pipes.length_km).toBe(1.75);
    expect(pipes.length_in_input_km).toBe(6.5);
    expect(pipes.items.map((p) => p.length_in_input_km)).toEqual([4, 2.5]);
    expect(wells.byHolder).toEqual([
      { key: '甲公司', n: 2 },
      { key: '乙公司', n: 1 },
    ]);
    expect(wells.byStatus).toEqual([
      { key: 'producing', n: 2 },
      { key: 'inactive', n: 1 },
    ]);
    expect(triage(conflicts)[2].groups[0]).toMatchObject({
      collection: 'wells',
      outcome: 'inactive_well',
      byHolder: [{ key: null, n: 1 }],
    });
  });

  it('gives the legend: severities present with their outcomes', () => {
    expect(legendOf(conflicts)[0]).toEqual({
      severity: 'block',
      n: 3,
      outcomes: [
        { key: 'deduct', n: 1 },
        { key: 'forbidden', n: 1 },
        { key: 'outside_exploration_block', n: 1 },
      ],
    });
    expect(triage([])).toEqual([]);
  });
});
