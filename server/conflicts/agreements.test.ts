import { describe, expect, it } from 'vitest';
import { basis } from './citations';
import { splitByAgreement, type AgreementCoverRow } from './agreements';
import type { ConflictEntry } from './types';

const entry = (outcome: ConflictEntry['outcome'], overlap = 10): ConflictEntry => ({
  collection: 'blocks',
  id: 'coal',
  name: null,
  category: 'mining',
  zone: null,
  status: 'valid',
  holder: '煤矿(合成)',
  mineral: 'coal',
  overlap_area_km2: overlap,
  share_of_input: overlap / 40,
  share_of_feature: overlap / 20,
  geometry: null,
  outcome,
  deductible: false,
  basis: [basis('OVL-4')],
});

const doc = (kind: 'agreement' | 'consent_letter' | 'commitment') => ({
  id: 'AGR-1',
  kind,
  document_no: '协议〔2024〕1号',
  signed_on: '2024-01-01',
  valid_from: '2024-01-01',
  valid_to: null,
  terms: ['gas_before_coal'],
  area_km2: 6,
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
const cover = (
  covered: number,
  remaining: boolean,
  kind: 'agreement' | 'consent_letter' | 'commitment' = 'agreement',
): AgreementCoverRow => ({
  id: 'coal',
  agreements: [doc(kind)],
  covered_km2: covered,
  remaining_km2: remaining ? 99 : 0,
  covered_geometry: poly,
  remaining_geometry: remaining ? poly : null,
});

describe('splitByAgreement (AGR-FILE: 273号令 第四十二条; 自然资规〔2023〕4号 四（十一）2、3)', () => {
  it('worked example: a 10 km² overlap, 6 km² covered → 6 agreement_on_file + 4 requires_agreement, shares scaled', () => {
    const [c, r] = splitByAgreement(entry('requires_agreement'), cover(6, true), 40);
    expect([c.outcome, c.overlap_area_km2, c.share_of_input, c.share_of_feature]).toEqual(['agreement_on_file', 6, 6 / 40, 6 / 20]);
    expect([r.outcome, r.overlap_area_km2, r.share_of_input, r.share_of_feature]).toEqual(['requires_agreement', 4, 4 / 40, 4 / 20]);
    for (const e of [c, r]) expect(e.agreement).toMatchObject({ overlap_km2: 10, covered_km2: 6, remaining_km2: 4 });
    expect(c.basis.map((b) => b.rule)).toEqual(['OVL-4', 'AGR-FILE']);
    expect(c.basis[1].note!.message_zh).toContain('覆盖本处重叠 10.0000 km² 中的 6.0000 km²；约定：先采气、后采煤');
    expect(r.basis[1].note!.message).toContain('4.0000 km² of the 10.0000 km² overlap still needs an agreement');
  });

  it('all covered → one entry; nothing covered or no agreement → unchanged', () => {
    expect(splitByAgreement(entry('requires_agreement'), cover(10, false), 40).map((e) => e.outcome)).toEqual(['agreement_on_file']);
    expect(splitByAgreement(entry('requires_agreement'), cover(0, true), 40).map((e) => e.outcome)).toEqual(['requires_agreement']);
    expect(splitByAgreement(entry('requires_agreement'), undefined, 40)).toHaveLength(1);
  });

  it('a commitment answers requires_commitment (OVL-5) but not requires_agreement (OVL-4 needs consent or agreement); forbidden stays', () => {
    expect(splitByAgreement(entry('requires_agreement'), cover(6, true, 'commitment'), 40).map((e) => e.outcome)).toEqual([
      'requires_agreement',
    ]);
    expect(splitByAgreement(entry('requires_commitment'), cover(6, true, 'commitment'), 40).map((e) => e.outcome)).toEqual([
      'agreement_on_file',
      'requires_commitment',
    ]);
    expect(splitByAgreement(entry('requires_agreement'), cover(6, true, 'consent_letter'), 40)[0].outcome).toBe('agreement_on_file');
    expect(splitByAgreement(entry('forbidden'), cover(6, true), 40).map((e) => e.outcome)).toEqual(['forbidden']);
  });
});
