import { describe, expect, it } from 'vitest';
import { ellipsoidalAreaKm2 } from '../geodesy/area';
import { buildCheckRecord } from './check-record';
import { checkModel, cornerTable } from './check-model';
import { checkVerdict } from '../conflicts/verdict';

const ring = [
  [112.6, 35.9],
  [112.75, 35.9],
  [112.75, 36.05],
  [112.6, 36.05],
  [112.6, 35.9],
];
const geometry = { type: 'Polygon' as const, coordinates: [ring] };
const conflict = (over: Record<string, unknown>) => ({
  collection: 'blocks',
  id: 'blk-1',
  name: '柿庄南',
  category: 'mining',
  zone: null,
  status: 'valid',
  holder: '甲',
  mineral: 'cbm',
  overlap_area_km2: 10,
  share_of_input: 0.05,
  share_of_feature: 0.2,
  geometry: null,
  outcome: 'forbidden',
  deductible: true,
  basis: [{ rule: 'OVL-2', citation: '指南 1.10.1', text: '申请范围不能与已有油气探矿权重叠' }],
  ...over,
});

function record(conflicts: object[]) {
  return buildCheckRecord(
    {
      certificate_id: 'KQ-1',
      check_id: 'chk-1',
      issued_at: '2026-12-01T00:00:00.000Z',
      service: { name: 's', version: '1' },
      register_as_at: null,
      key_id: 'k',
      verify_url: 'http://x/verify/KQ-1',
    },
    {
      subject: {
        applicant: '某公司',
        application: 'new_exploration',
        mineral: 'cbm',
        kind: 'exploration',
        regime: 'shanxi-cbm-2020',
        as_of: '2026-12-01',
      },
      block_id: null,
      declared_area_km2: 200,
      described: {
        format: 'geojson',
        crs: 4490,
        area_km2: 200.1234,
        geometry,
        parcels: [{ name: '申请区', vertex_count: 4, area_km2: 200.1234 }],
        warnings: [],
      },
      result: {
        conflicts: conflicts as never,
        summary: { blocks: { count: 1, area_km2: 10 }, deductible_area_km2: 10, net_area_km2: 190.1234 } as never,
        warnings: [],
      },
    },
  );
}

describe('check report model', () => {
  it('numbers the corners in input order with GK X/Y (zone prefix) and DMS to 0.001″', () => {
    const t = cornerTable(geometry, '申请区');
    expect(t.zone).toBe(38);
    expect(t.rows).toHaveLength(4);
    expect(t.rows[0]).toMatchObject({ n: 1, ring: 1, lon: '112°36′00.000″', lat: '35°54′00.000″' });
    expect(String(Math.floor(t.rows[0].y))).toMatch(/^38\d{6}$/);
    expect(t.rows[0].x).toBeGreaterThan(3_900_000);
  });
  it('orders conflicts most serious first, states the article once per rule, and groups wells', () => {
    const m = checkModel(
      record([
        conflict({
          id: 'blk-2',
          name: '同主体',
          outcome: 'same_holder',
          deductible: false,
          basis: [{ rule: 'OVL-1', citation: 'c1', text: 't1' }],
        }),
        conflict({}),
        conflict({ collection: 'wells', id: 'w1', name: 'SZ-2', outcome: 'other_holder_well', deductible: false }),
        conflict({ collection: 'wells', id: 'w2', name: 'SZ-10', outcome: 'other_holder_well', deductible: false }),
      ]),
    );
    expect(m.conflicts.map((c) => c.outcome)).toEqual(['forbidden', 'same_holder']);
    expect(m.wells).toEqual([expect.objectContaining({ outcome: 'other_holder_well', names: ['SZ-2', 'SZ-10'] })]);
    expect(m.articles.map((a) => a.rule)).toEqual(['OVL-1', 'OVL-2']);
    // a record signed without its verdict: the API's own function recomputes it from the signed conflicts
    expect(m.verdict.code).toBe('not_acceptable');
    expect(m.verdict.severity).toBe('block');
    expect(m.verdict).toEqual(checkVerdict(m.record.results.conflicts, m.record.results.summary));
  });
  it('states the planar GK area next to the ellipsoidal one, and the declared area', () => {
    const m = checkModel(record([]));
    expect(m.verdict.code).toBe('acceptable');
    expect(m.areas.declared_km2).toBe(200);
    const e = ellipsoidalAreaKm2(geometry);
    expect(Math.abs(m.areas.planar_gk_km2 - e) / e).toBeLessThan(0.003);
    expect(m.areas.planar_gk_km2).not.toBeCloseTo(e, 4);
  });
  it('states the verdict the API answered when the record keeps it, word for word', () => {
    const r = record([conflict({ outcome: 'requires_agreement', deductible: false })]);
    const api = checkVerdict(r.results.conflicts, r.results.summary);
    expect(api.code).toBe('agreement');
    r.results.verdict = api;
    expect(checkModel(r).verdict).toEqual(api);
  });
  it('keeps a check that could not run from reading “acceptable” (the warning of a stored record)', () => {
    const r = record([]);
    r.results.warnings.push({ code: 'PROVINCE_NOT_LOADED', params: { province: '山西省' }, message: 'x', message_zh: 'y' });
    expect(checkModel(r).verdict.code).toBe('review');
  });
});
