import { describe, expect, it } from 'vitest';
import { bboxOf, candidateLetter, csvField, daysUntil, formatKm2, formatPercent, formatValue } from './format';

describe('formatKm2', () => {
  it('always shows 4 decimals with the unit', () => {
    expect(formatKm2(52.46049)).toBe('52.4605 km²');
    expect(formatKm2(41.752688)).toBe('41.7527 km²');
    expect(formatKm2(3)).toBe('3.0000 km²');
    expect(formatKm2(0.00004)).toBe('0.0000 km²');
    expect(formatKm2(-0.00004)).toBe('0.0000 km²');
  });
  it('omits the unit on request and shows a dash for missing values', () => {
    expect(formatKm2(268.752, false)).toBe('268.7520');
    expect(formatKm2(undefined)).toBe('—');
    expect(formatKm2(null)).toBe('—');
    expect(formatKm2(Number.NaN)).toBe('—');
  });
});

describe('formatPercent', () => {
  it('formats shares', () => {
    expect(formatPercent(0.25)).toBe('25.00%');
    expect(formatPercent(0.123456, 1)).toBe('12.3%');
    expect(formatPercent(undefined)).toBe('—');
  });
});

describe('daysUntil', () => {
  it('counts whole UTC days, negative when past', () => {
    const now = new Date('2026-06-30T15:00:00Z');
    expect(daysUntil('2026-07-30', now)).toBe(30);
    expect(daysUntil('2026-06-30', now)).toBe(0);
    expect(daysUntil('2026-06-01', now)).toBe(-29);
  });
});

describe('bboxOf', () => {
  it('walks any geometry', () => {
    expect(
      bboxOf({
        type: 'Polygon',
        coordinates: [
          [
            [112, 35],
            [113, 35],
            [113, 36],
            [112, 35],
          ],
        ],
      }),
    ).toEqual([112, 35, 113, 36]);
    expect(
      bboxOf({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [1, 2],
              [3, 4],
              [1, 2],
            ],
          ],
          [
            [
              [-1, 0],
              [0, 5],
              [-1, 0],
            ],
          ],
        ],
      }),
    ).toEqual([-1, 0, 3, 5]);
    expect(bboxOf({ type: 'Point', coordinates: [112.3, 37.5] })).toEqual([112.3, 37.5, 112.3, 37.5]);
    expect(bboxOf(null)).toBeNull();
    expect(bboxOf({ type: 'Polygon', coordinates: [] })).toBeNull();
  });
});

describe('formatValue / csvField / candidateLetter', () => {
  it('formats unknown values', () => {
    expect(formatValue(1.234567)).toBe('1.2346');
    expect(formatValue(true)).toBe('✓');
    expect(formatValue(null)).toBe('—');
    expect(formatValue(['a', 1])).toBe('a, 1');
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
  });
  it('quotes CSV fields when needed', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(null)).toBe('');
    expect(csvField(1.5)).toBe('1.5');
  });
  it('letters plans A, B, … Z, AA', () => {
    expect([0, 1, 2, 25, 26, 27].map(candidateLetter)).toEqual(['A', 'B', 'C', 'Z', 'AA', 'AB']);
  });
});

describe('formatCny', () => {
  it('writes yuan with separators and 2 decimals', async () => {
    const { formatCny } = await import('./format');
    expect(formatCny(134375926, 'zh')).toBe('¥134,375,926.00');
    expect(formatCny(2821894.534, 'en')).toBe('CN¥2,821,894.53');
    expect(formatCny(null)).toBe('—');
  });
});

describe('formatDateTime', () => {
  it('shows an ISO time as local date and time to the second', async () => {
    const { formatDateTime } = await import('./format');
    const iso = '2026-12-02T03:12:20.123456Z';
    const d = new Date(iso);
    expect(formatDateTime(iso)).toBe(
      `${d.getFullYear()}-12-0${d.getDate()} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}:20`,
    );
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('not a time')).toBe('not a time');
  });
});
