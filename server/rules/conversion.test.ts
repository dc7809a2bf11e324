import { describe, expect, it } from 'vitest';
import { CANCEL_BELOW_KM2, checkConversion, type ConversionFacts } from './conversion';

const base: ConversionFacts = {
  block_id: 'blk-x',
  block_km2: 100,
  proposal_km2: 40,
  outside_km2: 0,
  remaining_km2: 60,
  wells: [
    { id: 'w1', name: 'W-1', status: 'producing', type: 'vertical', covered: true },
    { id: 'w2', name: 'W-2', status: 'drilling', type: 'vertical', covered: true },
    { id: 'w3', name: 'W-3', status: 'abandoned', type: 'vertical', covered: false },
  ],
  pipelines: [
    { id: 'g1', name: 'G-1', type: 'gathering', status: 'operating', in_block_km: 5, outside_km: 0 },
    { id: 't1', name: 'T-1', type: 'trunk', status: 'operating', in_block_km: 12, outside_km: 9 },
  ],
};

describe('conversion check (探矿权转采矿权, 自然资规〔2023〕4号 二（三）2 / 二（四）4, 273号令 第二十一条)', () => {
  it('passes when the proposal lies within the block and covers the wells and gathering lines it relies on; trunk lines are excepted', () => {
    const r = checkConversion(base);
    expect(r.passes).toBe(true);
    expect(r.findings).toEqual([]);
    expect(r.wells).toEqual({ relied_on: 2, covered: 2, outside: [], not_relied_on: ['w3'] });
    expect(r.pipelines.trunk_excepted).toEqual(['t1']);
    expect(r.notes.map((n) => n.code)).toEqual(['WELLS_NOT_RELIED_ON', 'TRUNK_EXCEPTED', 'STATIONS_NOT_ON_RECORD', 'NOT_CHECKED']);
    expect(r.exploration_right).toMatchObject({ action: 'reduce', remaining_km2: 60, threshold_km2: CANCEL_BELOW_KM2 });
    expect(r.steps.map((s) => s.rule)).toEqual(['R-CONV-1', 'R-CONV-2', 'R-CONV-3', 'R-CONV-5']);
  });

  it('lists each thing left outside with its article: wells by id, gathering length in km, area outside the block', () => {
    const r = checkConversion({
      ...base,
      outside_km2: 1.25,
      wells: [...base.wells, { id: 'w4', name: 'W-4', status: 'producing', type: 'horizontal', covered: false }],
      pipelines: [...base.pipelines, { id: 'g2', name: 'G-2', type: 'gathering', status: 'operating', in_block_km: 3, outside_km: 2.5 }],
    });
    expect(r.passes).toBe(false);
    expect(r.findings.map((f) => [f.code, f.rule, f.citation])).toEqual([
      ['AREA_OUTSIDE_BLOCK', 'R-CONV-1', '273号令 第二十一条；自然资规〔2023〕4号 二（四）4'],
      ['WELLS_OUTSIDE', 'R-CONV-2', '自然资规〔2023〕4号 二（三）2'],
      ['PIPELINES_OUTSIDE', 'R-CONV-3', '自然资规〔2023〕4号 二（三）2'],
    ]);
    expect(r.findings[0].outside_km2).toBe(1.25);
    expect(r.findings[1].well_ids).toEqual(['w4']);
    expect(r.findings[2]).toMatchObject({ pipelines: [{ id: 'g2', outside_km: 2.5 }], outside_km: 2.5 });
    expect(r.findings[1].message.message_zh).toContain('w4');
    expect(r.findings[2].message.message_zh).toContain('外输管线除外');
  });

  it('ignores rounding: 1 m² of area and 1 m of pipeline are not findings', () => {
    const r = checkConversion({
      ...base,
      outside_km2: 5e-7,
      pipelines: [{ id: 'g1', name: null, type: 'gathering', status: 'operating', in_block_km: 5, outside_km: 0.0009 }],
    });
    expect(r.passes).toBe(true);
    expect(r.outside_km2).toBe(0);
  });

  it('an abandoned gathering line is not relied on', () => {
    const r = checkConversion({
      ...base,
      pipelines: [{ id: 'g9', name: null, type: 'gathering', status: 'abandoned', in_block_km: 5, outside_km: 5 }],
    });
    expect(r.passes).toBe(true);
  });

  it('cancels the exploration right when less than the threshold remains, reduces it at the threshold', () => {
    expect(checkConversion({ ...base, remaining_km2: 0.004 }).exploration_right.action).toBe('cancel');
    expect(checkConversion({ ...base, remaining_km2: 0 }).exploration_right.message.code).toBe('CANCEL');
    expect(checkConversion({ ...base, remaining_km2: CANCEL_BELOW_KM2 }).exploration_right.action).toBe('reduce');
  });
});
