import { describe, expect, it } from 'vitest';
import { explainRegimeForDate, regimeForDate, REGIMES, REGIME_IDS } from './regimes';

describe('regimeForDate', () => {
  const sx = { province: '山西', mineral: '煤层气' };
  it('Shanxi CBM from 2020-05-01', () => {
    // R-VAL-5 (晋自然资发〔2020〕11号 二, 000:L4250): “勘查许可证截至时间为2020年5月1日前的，可由申请人选择延续2年或5年”
    // — a Shanxi CBM licence ending before 2020-05-01 is not a national-2019 case (7号 was not yet in force)
    expect(regimeForDate('2020-04-30', sx)).toBe('shanxi-cbm-2020');
    expect(explainRegimeForDate('2020-04-30', sx).holder_choice).toBe(true);
    expect(regimeForDate('2020-05-01', sx)).toBe('shanxi-cbm-2020');
    expect(regimeForDate('2025-01-01', { province: 'Shanxi', mineral: 'CBM' })).toBe('shanxi-cbm-2020');
  });
  it('others: national-2023 from 2023-07-26 (自然资规〔2023〕6号)', () => {
    expect(regimeForDate('2023-07-25')).toBe('national-2019');
    expect(regimeForDate('2023-07-26')).toBe('national-2023');
    expect(regimeForDate('2024-01-01', { province: '山西', mineral: '煤' })).toBe('national-2023');
    expect(regimeForDate('2024-01-01', { province: '陕西', mineral: '煤层气' })).toBe('national-2023');
  });
  it('warns outside 7号’s stated validity', () => {
    expect(explainRegimeForDate('2019-01-01').warnings.length).toBeGreaterThan(0);
    expect(
      explainRegimeForDate('2023-06-01')
        .warnings.map((w) => w.message)
        .join(' '),
    ).toMatch(/2023-04-30/);
    expect(explainRegimeForDate('2021-06-01').warnings).toEqual([]);
  });
  it('metadata for every regime', () => {
    for (const id of REGIME_IDS) {
      expect(REGIMES[id].id).toBe(id);
      expect(REGIMES[id].sources.length).toBeGreaterThan(0);
      expect(REGIMES[id].name_zh).toBeTruthy();
      expect(REGIMES[id].name_en).toBeTruthy();
    }
  });
});
