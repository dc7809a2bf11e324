import { describe, expect, it } from 'vitest';
import { say } from '../i18n/message';
import { INVESTMENT_SAY } from '../rules/investment';
import { blockAsSeen, redactAssessment } from './visibility';

describe('assessment redaction for callers without access to confidential records', () => {
  it('drops investment figures, the ratio built on them and the offset ledger; keeps register facts', () => {
    const out = redactAssessment({
      block: { id: 'blk-1', holder: 'X' },
      inputs: { licensed_area_km2: 100, unfinished_ratio: 0.2, proven_reserve_area_km2: 5 },
      derived_steps: [{ rule: 'R-INV-1' }, { rule: 'GEOM' }],
      warnings: [{ code: 'OFFSETS_ON_RECORD' }, { code: 'NO_DATES' }],
      assessment: { decision: 'extend' },
      offset_credit: { credit_km2: 1 },
      investment: { actual_cny: 123 },
      offsets: [{ note: 'secret' }],
      fees: { usage_fee_cny: 1 },
    });
    expect(out.investment).toBeNull();
    expect(out.assessment).toBeNull();
    expect(out.offsets).toBeNull();
    expect(out.offset_credit).toBeNull();
    expect(out.inputs).toEqual({ licensed_area_km2: 100, proven_reserve_area_km2: 5 });
    expect(out.derived_steps).toEqual([{ rule: 'GEOM' }]);
    expect(out.warnings).toEqual([{ code: 'NO_DATES' }]);
    expect(out.fees).toEqual({ usage_fee_cny: 1 });
    expect(out.withheld.code).toBe('INVESTMENT_WITHHELD');
    expect(out.withheld.message_zh).toMatch(/不予公开/);
    expect(JSON.stringify(out)).not.toMatch(/123|secret|0\.2/);
  });

  it('drops every sentence of the investment rules, whatever its code (the disputed tier reading states the total)', () => {
    const disputed = say(INVESTMENT_SAY, 'TIERS_DISPUTED', { total: '134375926', alt: '67187963' });
    const out = redactAssessment({ warnings: [disputed, { code: 'NO_DATES' }], readings: [say(INVESTMENT_SAY, 'TIERS_FROM_FIRST')] });
    expect(out.warnings).toEqual([{ code: 'NO_DATES' }]);
    expect(out.readings).toEqual([]);
    expect(JSON.stringify(out)).not.toContain('134375926');
  });

  it('a block row loses its contract terms (not the published COVID approvals) for those who may not see the ledger', () => {
    const row = {
      id: 'b',
      holder: 'X',
      contract_investment_cny_per_km2_year: 5000,
      committed_completion_ratio: 0.8,
      covid_investment_reduction_doc: 'd',
    };
    expect(blockAsSeen(row, true)).toEqual(row);
    expect(blockAsSeen(row, false)).toEqual({ id: 'b', holder: 'X', covid_investment_reduction_doc: 'd' });
  });
});
