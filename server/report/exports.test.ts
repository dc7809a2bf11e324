import { describe, expect, it } from 'vitest';
import { buildCheckRecord } from './check-record';
import { formulaGuard as guard } from '../export/csv-cell';
import { conflictsCsv } from './exports';

const geometry = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [112.6, 35.9],
      [112.75, 35.9],
      [112.75, 36.05],
      [112.6, 35.9],
    ],
  ],
};
const rec = buildCheckRecord(
  {
    certificate_id: 'KQ-1',
    check_id: 'chk-1',
    issued_at: '2026-12-01T00:00:00.000Z',
    service: { name: 's', version: '1' },
    register_as_at: null,
    key_id: 'k',
    verify_url: 'u',
  },
  {
    subject: {
      applicant: '=cmd|calc',
      application: 'new_exploration',
      mineral: 'cbm',
      kind: 'exploration',
      regime: 'shanxi-cbm-2020',
      as_of: '2026-12-01',
    },
    block_id: null,
    described: {
      format: 'geojson',
      crs: 4490,
      area_km2: 100,
      geometry,
      parcels: [{ name: 'a', vertex_count: 3, area_km2: 100 }],
      warnings: [],
    },
    result: {
      conflicts: [
        {
          collection: 'blocks',
          id: 'b1',
          name: '+SUM(A1)',
          category: 'mining',
          zone: null,
          status: 'valid',
          holder: '@x',
          mineral: 'cbm',
          overlap_area_km2: 1.23456,
          share_of_input: 0.7165421097855735,
          share_of_feature: null,
          geometry: null,
          outcome: 'forbidden',
          deductible: true,
          basis: [{ rule: 'OVL-2', citation: 'c', text: 't' }],
        },
      ] as never,
      summary: { deductible_area_km2: 1.23456, net_area_km2: 98.76544 } as never,
      warnings: [],
    },
  },
);

describe('conflict exports', () => {
  it('guards cells a spreadsheet would run as formulas', () => {
    expect(guard('=1+1')).toBe("'=1+1");
    expect(guard('-2')).toBe("'-2");
    expect(guard('柿庄南')).toBe('柿庄南');
  });
  it('writes CSV with the guard, percentages and 4-decimal areas', () => {
    const csv = conflictsCsv(rec, 'zh').toString('utf8');
    expect(csv).toContain("申请人,'=cmd|calc");
    expect(csv).toContain("'+SUM(A1)");
    expect(csv).toContain("'@x");
    expect(csv).toContain('1.2346,,71.65%,,禁止,是');
    expect(csv).not.toMatch(/^[=+@-]/m);
  });
});
