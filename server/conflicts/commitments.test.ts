import { describe, expect, it } from 'vitest';
import { basis } from './citations';
import { splitByCommitment, type CommitmentCoverRow } from './commitments';
import type { ConflictEntry } from './types';

const entry = (outcome: ConflictEntry['outcome'], overlap = 8): ConflictEntry => ({
  collection: 'redlines',
  id: 'red-x',
  name: null,
  category: 'redline',
  zone: null,
  status: 'proposed',
  holder: null,
  mineral: null,
  overlap_area_km2: overlap,
  share_of_input: overlap / 100,
  share_of_feature: overlap / 16,
  geometry: null,
  outcome,
  deductible: false,
  basis: [basis('PA-5')],
});
const poly = JSON.stringify({
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ],
  ],
});
const cover = (covered: number, remaining: boolean): CommitmentCoverRow => ({
  id: 'red-x',
  commitments: [
    {
      id: 'CMT-1',
      document_no: '承诺书〔2026〕1号',
      signed_on: '2026-01-01',
      valid_from: '2026-01-01',
      valid_to: null,
      terms: [],
      area_km2: 5,
    },
  ],
  covered_km2: covered,
  covered_geometry: poly,
  remaining_geometry: remaining ? poly : null,
});

describe('splitByCommitment (CMT-FILE: PA-5, 2020-07-27 letter 二, 000 L6185)', () => {
  it('worked example: an 8 km² overlap with a proposed red line, 5 km² committed → 5 commitment_on_file + 3 keep_with_commitment', () => {
    const [c, r, more] = splitByCommitment(entry('keep_with_commitment'), cover(5, true), 100);
    expect(more).toBeUndefined();
    expect(c).toMatchObject({ outcome: 'commitment_on_file', overlap_area_km2: 5, share_of_input: 0.05, share_of_feature: 5 / 16 });
    expect(c.commitment).toMatchObject({ part: 'covered', overlap_km2: 8, covered_km2: 5, remaining_km2: 3 });
    expect(c.basis.map((b) => b.rule)).toEqual(['PA-5', 'CMT-FILE']);
    expect(c.basis[1].note!.message_zh).toContain('承诺书〔2026〕1号');
    expect(r).toMatchObject({ outcome: 'keep_with_commitment', overlap_area_km2: 3, commitment: { part: 'remaining' } });
    expect(r.basis[1].note!.code).toBe('COMMITMENT_REMAINDER');
    expect(c.overlap_area_km2 + r.overlap_area_km2).toBe(8);
  });

  it('all covered → one commitment_on_file entry', () => {
    const out = splitByCommitment(entry('keep_with_commitment'), cover(8, false), 100);
    expect(out.map((e) => e.outcome)).toEqual(['commitment_on_file']);
  });

  it('answers keep_with_commitment only: an official red line (deduct) or a nature reserve stays as it is', () => {
    for (const o of ['deduct', 'may_continue', 'forbidden'] as const)
      expect(splitByCommitment(entry(o), cover(5, true), 100)).toEqual([entry(o)]);
  });

  it('no commitment, or a sliver covered → unchanged', () => {
    expect(splitByCommitment(entry('keep_with_commitment'), undefined, 100)).toEqual([entry('keep_with_commitment')]);
    expect(splitByCommitment(entry('keep_with_commitment'), cover(1e-12, true), 100)).toEqual([entry('keep_with_commitment')]);
  });
});
