/**
 * The annex's "应缩减面积" row when the dossier names no area to relinquish: the reason in words (issue 16: a bare "—"
 * beside an applicant's polygon left the reader guessing whether the assessment asked for nothing, was missing, or was
 * withheld).
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_LEDGER } from '../rules';
import { assessStoredBlock, type StoredBlock } from '../lifecycle/stored-block';
import { requiredNote } from './block-dossier';

const block: StoredBlock = {
  id: 'b1',
  name: 'annex note (test)',
  holder: 'H',
  kind: 'exploration',
  mineral: 'cbm',
  status: 'valid',
  acquisition_method: 'listing',
  first_registration_date: '2021-01-01',
  first_registration_area_km2: 100,
  valid_from: '2021-01-01',
  valid_to: '2026-01-01',
  extensions_used: 0,
  province_registered: true,
  area_km2: 100,
  proven_km2: 0,
  proven_submitted_date: null,
};
// the minimum investment made in full: a listed right is cut by the unfinished share (R-RED-6), here 0
const paid = [2021, 2022, 2023, 2024, 2025].map((year) => ({ year, amount_cny: 1e9 }));

describe('requiredNote: why the annex names no area to relinquish', () => {
  it('none when an area is named', () => {
    expect(requiredNote(12.5, true, assessStoredBlock(block, paid, EMPTY_LEDGER, '2025-06-01'), 'zh')).toBeNull();
  });
  it('the assessment extends with nothing to relinquish: its decision and 0 km², the applicant’s polygon its own choice', () => {
    const a = assessStoredBlock(block, paid, EMPTY_LEDGER, '2025-06-01');
    expect(a.assessment?.decision).toBe('extend');
    expect(a.assessment?.reduction_km2).toBe(0);
    expect(requiredNote(null, true, a, 'zh')).toBe('无：延续评估结论为“准予延续”，核减面积 0.0000 km²；申请人拟退出的范围为其自行选择。');
    expect(requiredNote(null, true, a, 'en')).toMatch(/^None: the assessment's decision is '.+' with 0\.0000 km² to relinquish/);
  });
  it('no assessment (not an exploration right): said so', () => {
    const a = assessStoredBlock({ ...block, kind: 'mining' }, paid, EMPTY_LEDGER, '2025-06-01');
    expect(a.assessment).toBeNull();
    expect(requiredNote(null, true, a, 'zh')).toContain('无延续评估');
  });
  it('the ledger withheld from this reader: not shown, and why', () => {
    const a = assessStoredBlock(block, paid, EMPTY_LEDGER, '2025-06-01');
    expect(requiredNote(null, false, a, 'zh')).toBe('未列出：应缩减面积由勘查投入台账推得，本份不含台账。');
  });
});
