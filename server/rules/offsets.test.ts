import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyOffset,
  checkOffsetSource,
  EMPTY_LEDGER,
  offsetAgainstDue,
  offsetShortfall,
  preOffsetBase,
  type OffsetBlockInfo,
} from './offsets';
import { assessExtension } from './extension';

describe('R-RED-10 ledger', () => {
  it('A takes its reduction from B; B later reduces on its pre-offset area', () => {
    // A: 寿阳北 needs 52.4605 km² and takes it from B (300 km², no proven reserves).
    const a = assessExtension({
      regime: 'shanxi-cbm-2020',
      licensed_area_km2: 268.752,
      proven_reserve_area_km2: 58.91,
      unfinished_ratio: 0,
    });
    const r = applyOffset(
      EMPTY_LEDGER,
      { from_block: 'B', to_block: 'A', area_km2: a.reduction_km2, date: '2020-12-01' },
      { current_area_km2: 300 },
    );
    expect(r.from_block_new_area_km2).toBe(247.5395);
    expect(r.ledger.entries).toHaveLength(1);
    expect(EMPTY_LEDGER.entries).toHaveLength(0); // immutable
    expect(r.disclosure.to_block).toBe('本区块未核减');
    expect(r.steps[0].citation).toBe('晋自然资发〔2020〕11号 四（二）1');

    const pre = preOffsetBase(r.ledger, 'B', 247.5395);
    expect(pre.pre_offset_area_km2).toBe(300);
    expect(pre.steps[0].formula).toBe('247.5395 + 52.4605 = 300');
    // B's own reduction: 25% of the pre-offset 300, taken from the current 247.5395.
    const b = assessExtension({
      regime: 'shanxi-cbm-2020',
      licensed_area_km2: pre.pre_offset_area_km2,
      proven_reserve_area_km2: 0,
      unfinished_ratio: 0,
    });
    expect(b.reduction_km2).toBe(75);
    expect(offsetShortfall({ current_area_km2: 247.5395, required_reduction_km2: 75 }).shortfall_km2).toBe(0);
    expect(preOffsetBase(r.ledger, 'A', 268.752).pre_offset_area_km2).toBe(268.752);
  });

  it('since filter only counts offsets of the current term', () => {
    let l = applyOffset(EMPTY_LEDGER, { from_block: 'B', to_block: 'A', area_km2: 10, date: '2020-06-01' }).ledger;
    l = applyOffset(l, { from_block: 'B', to_block: 'C', area_km2: 5, date: '2022-06-01' }).ledger;
    expect(preOffsetBase(l, 'B', 85).pre_offset_area_km2).toBe(100);
    expect(preOffsetBase(l, 'B', 85, { since: '2021-01-01' }).pre_offset_area_km2).toBe(90);
  });

  it('shortfall when repeated offsets exhaust B', () => {
    expect(offsetShortfall({ current_area_km2: 20, proven_area_km2: 5, required_reduction_km2: 25 }).shortfall_km2).toBe(10);
  });

  it('rejects invalid offsets', () => {
    expect(() => applyOffset(EMPTY_LEDGER, { from_block: 'A', to_block: 'A', area_km2: 1, date: '2021-01-01' })).toThrow(RangeError);
    expect(() => applyOffset(EMPTY_LEDGER, { from_block: 'B', to_block: 'A', area_km2: 0, date: '2021-01-01' })).toThrow(RangeError);
    expect(() =>
      applyOffset(
        EMPTY_LEDGER,
        { from_block: 'B', to_block: 'A', area_km2: 11, date: '2021-01-01' },
        { current_area_km2: 20, proven_area_km2: 10 },
      ),
    ).toThrow(RangeError);
  });

  it('property: pre-offset base = current + sum given', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 100, noNaN: true }), { maxLength: 10 }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (areas, cur) => {
          let l = EMPTY_LEDGER;
          for (const a of areas) l = applyOffset(l, { from_block: 'B', to_block: 'A', area_km2: a, date: '2021-01-01' }).ledger;
          const sum = areas.reduce((x, y) => x + y, 0);
          expect(preOffsetBase(l, 'B', cur).pre_offset_area_km2).toBeCloseTo(cur + sum, 5);
        },
      ),
    );
  });
});

describe('checkOffsetSource', () => {
  const sxA: OffsetBlockInfo = {
    block_id: 'A',
    holder: '中联',
    kind: 'exploration',
    province: '山西',
    mineral: '煤层气',
    valid_to: '2025-01-01',
  };
  const sxB: OffsetBlockInfo = {
    block_id: 'B',
    holder: '中联',
    kind: 'exploration',
    province: '山西省',
    mineral: 'CBM',
    valid_to: '2024-01-01',
  };
  it('shanxi: same holder, Shanxi CBM, unexpired', () => {
    expect(checkOffsetSource('shanxi-cbm-2020', sxB, sxA, '2023-06-01').allowed).toBe(true);
    expect(checkOffsetSource('shanxi-cbm-2020', sxB, sxA, '2024-06-01').allowed).toBe(false);
    expect(checkOffsetSource('shanxi-cbm-2020', { ...sxB, holder: '中石油' }, sxA, '2023-06-01').allowed).toBe(false);
    expect(checkOffsetSource('shanxi-cbm-2020', { ...sxB, province: '陕西' }, sxA, '2023-06-01').allowed).toBe(false);
  });
  const og = (id: string, basin: string, granted: string): OffsetBlockInfo => ({
    block_id: id,
    holder: 'P',
    kind: 'exploration',
    basin,
    oil_gas: true,
    granted_date: granted,
  });
  it('national-2019: same basin, oil/gas', () => {
    expect(
      checkOffsetSource('national-2019', og('B', '鄂尔多斯', '2022-01-01'), og('A', '鄂尔多斯', '2010-01-01'), '2022-06-01').allowed,
    ).toBe(true);
    expect(checkOffsetSource('national-2019', og('B', '沁水', '2010-01-01'), og('A', '鄂尔多斯', '2010-01-01'), '2022-06-01').allowed).toBe(
      false,
    );
  });
  it('national-2023: not from a block granted less than 5 years ago', () => {
    const target = og('A', '鄂尔多斯', '2010-01-01');
    const r = checkOffsetSource('national-2023', og('B', '鄂尔多斯', '2020-01-01'), target, '2024-06-01');
    expect(r.allowed).toBe(false);
    expect(r.reasons[0].message).toMatch(/自然资规〔2023〕6号 七/);
    expect(checkOffsetSource('national-2023', og('B', '鄂尔多斯', '2019-06-01'), target, '2024-06-01').allowed).toBe(false);
    expect(checkOffsetSource('national-2023', og('B', '鄂尔多斯', '2019-06-01'), target, '2024-06-02').allowed).toBe(true);
    expect(checkOffsetSource('national-2023', { ...og('B', '鄂尔多斯', '2010-01-01'), oil_gas: false }, target, '2024-06-02').allowed).toBe(
      false,
    );
  });
});

describe('offsetAgainstDue: an offset only stands in for a reduction that is due (R-RED-10, 000:L4256-4264)', () => {
  // 晋自然资发〔2020〕11号 四（二）1 (000:L4258): “在甲探矿权办理延续登记的同时，办理抵扣面积的乙探矿权……同步作变更登记手续”;
  // 000:L4264 “要注明本区块未核减/其它区块缩小面积（抵扣）”. No extension of 甲 → no reduction of 甲 → nothing to credit.
  const refused = assessExtension({ regime: 'shanxi-cbm-2020', licensed_area_km2: 100, proven_reserve_area_km2: 0, unfinished_ratio: 0.6 });
  const granted = assessExtension({
    regime: 'shanxi-cbm-2020',
    licensed_area_km2: 268.752,
    proven_reserve_area_km2: 58.91,
    unfinished_ratio: 0.1,
  });

  it('refuses any offset to a receiver whose extension is refused, naming the decision and its reasons', () => {
    expect(refused.decision).toBe('refuse');
    const r = offsetAgainstDue({ to_block: 'A', date: '2026-06-01', area_km2: 0.01, assessment: refused });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('OFFSET_RECEIVER_NOT_DUE');
    expect(r.decision).toBe('refuse');
    expect(r.due_km2).toBe(0);
    expect(r.reason.message_zh).toMatch(/不予延续/);
    expect(r.reason.message_zh).toContain('000:L4264');
    expect(r.reason.message).toMatch(/extension is refused/);
    expect(r.reason.message).toContain(refused.refusal_reasons[0].code);
  });

  it('refuses any offset to a receiver with no assessment', () => {
    const r = offsetAgainstDue({ to_block: 'A', date: '2026-06-01', area_km2: 1, assessment: null });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('OFFSET_RECEIVER_NOT_DUE');
    expect(r.decision).toBeNull();
    expect(r.reason.message_zh).toMatch(/无延续评估/);
  });

  it('bounds a granted receiver by its reduction still due (同等面积), inclusive', () => {
    expect(granted.reduction_km2).toBeCloseTo(52.4605, 6);
    expect(offsetAgainstDue({ to_block: 'A', date: '2026-06-01', area_km2: 52.4605, assessment: granted })).toEqual({
      ok: true,
      due_km2: 52.4605,
      due_after_km2: 0,
    });
    const over = offsetAgainstDue({ to_block: 'A', date: '2026-06-01', area_km2: 52.5, assessment: granted });
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.code).toBe('OFFSET_EXCEEDS_DUE');
    // after 20 km² already received, 32.4605 remain due
    const after = offsetAgainstDue({ to_block: 'A', date: '2026-06-01', area_km2: 30, assessment: granted, due_after_credit_km2: 32.4605 });
    expect(after).toEqual({ ok: true, due_km2: 32.4605, due_after_km2: 2.4605 });
  });
});
