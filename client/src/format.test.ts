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
    expect(formatCny(134375926, 'zh')).toBe('13,437.59 万元');
    expect(formatCny(2821894.534, 'en')).toBe('CN¥2,821,894.53');
    expect(formatCny(9876.5, 'zh')).toBe('9,876.50 元');
    expect(formatCny(0, 'zh')).toBe('0.00 元');
    expect(formatCny(null)).toBe('—');
  });
});

describe('formatDate', () => {
  it('writes an ISO day the way each language does', async () => {
    const { formatDate } = await import('./format');
    expect(formatDate('2030-12-15', 'zh')).toBe('2030年12月15日');
    expect(formatDate('2023-04-30', 'en')).toBe('30 Apr 2023');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('soon')).toBe('soon');
  });
});

describe('readableFormula', () => {
  it('groups long numbers, leaves decimals, dates and short numbers, and writes CNY as 元 in Chinese', async () => {
    const { readableFormula } = await import('./format');
    expect(readableFormula('u = (134375926 − 1760942.47) / 134375926 = 98.6895%')).toBe(
      'u = (134,375,926 − 1,760,942.47) / 134,375,926 = 98.6895%',
    );
    expect(readableFormula('40171500×0.0438 = 1760942.47 CNY', 'zh')).toBe('40,171,500×0.0438 = 1,760,942.47 元');
    expect(readableFormula('40171500×0.0438 = 1760942.47 CNY', 'en')).toBe('40,171,500×0.0438 = 1,760,942.47 CNY');
    expect(readableFormula('2015-11-18 → 2023-04-30 < 2030-12-15')).toBe('2015-11-18 → 2023-04-30 < 2030-12-15');
    expect(readableFormula('268.751852 − 58.909907 = 209.841945')).toBe('268.751852 − 58.909907 = 209.841945');
    expect(readableFormula('2 − 2 = 0')).toBe('2 − 2 = 0');
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
