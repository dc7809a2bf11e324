// Checks the committed synthetic demo data (data/demo/*) produced by data/generate-demo.ts.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { lineLengthKm, multiAreaKm2, signedArea } from './lib/geo';
import { APPLICATION_KINDS, APPLICATION_STATES, PA_CATEGORIES } from '../server/vocab/index';
import { annualMinimum, breakdownTotals } from '../server/rules/annual-investment';
import { obligationBalance, obligationSchedule, type RecordedPayment } from '../server/rules/payments';
import { parseYuan } from '../server/rules/money';
import { ON_A_BLOCK } from '../server/applications/states';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'demo');
const NOTE = '合成演示数据，非真实矿权 / Synthetic demo data, not real rights';
const read = (f: string) => JSON.parse(readFileSync(join(DIR, f), 'utf8'));

const LAYERS: Record<string, { geom: string; props: string[] }> = {
  'blocks.geojson': {
    geom: 'MultiPolygon',
    props: [
      'id',
      'licence_no',
      'name',
      'holder',
      'kind',
      'mineral',
      'acquisition_method',
      'authority',
      'status',
      'first_registration_date',
      'first_registration_area_km2',
      'valid_from',
      'valid_to',
      'extensions_used',
      'basin',
      'province_registered',
    ],
  },
  'reserves.geojson': { geom: 'MultiPolygon', props: ['id', 'block_id', 'name', 'kind', 'submitted_date'] },
  'protected_areas.geojson': { geom: 'MultiPolygon', props: ['id', 'name', 'category', 'zone', 'level', 'source', 'designated_date'] },
  'redlines.geojson': { geom: 'MultiPolygon', props: ['id', 'name', 'status', 'version_date', 'source'] },
  'wells.geojson': {
    geom: 'Point',
    props: ['id', 'name', 'type', 'status', 'holder', 'block_id', 'spud_date', 'completion_date', 'status_since'],
  },
  'pipelines.geojson': { geom: 'LineString', props: ['id', 'name', 'type', 'pressure_mpa', 'diameter_mm', 'status', 'holder'] },
  'boundaries.geojson': { geom: 'MultiPolygon', props: ['id', 'name', 'level', 'label_lon', 'label_lat'] },
};

const data: Record<string, any> = Object.fromEntries(Object.keys(LAYERS).map((f) => [f, read(f)]));
const blocks = data['blocks.geojson'].features as any[];
const byName = (s: string) => {
  const hits = blocks.filter((f) => f.properties.name.includes(s) && f.properties.mineral === 'cbm');
  expect(hits.length, s).toBe(1);
  return hits[0];
};
const within = (a: number, target: number, tol: number) => Math.abs(a - target) / target <= tol;

describe('synthetic demo data', () => {
  it('every layer is labelled synthetic at file level and has the exact property set', () => {
    for (const [file, spec] of Object.entries(LAYERS)) {
      const fc = data[file];
      expect(fc.type).toBe('FeatureCollection');
      expect(fc.synthetic, file).toBe(true);
      expect(fc.note, file).toBe(NOTE);
      const ids = new Set<string>();
      for (const f of fc.features) {
        expect(f.geometry.type, file).toBe(spec.geom);
        expect(Object.keys(f.properties).sort(), file).toEqual([...spec.props].sort());
        expect(typeof f.properties.id).toBe('string');
        ids.add(f.properties.id);
      }
      expect(ids.size, `${file} ids unique`).toBe(fc.features.length);
    }
    const manifest = read('manifest.json');
    expect(manifest.synthetic).toBe(true);
    for (const file of Object.keys(LAYERS)) expect(manifest.counts[file]).toBe(data[file].features.length);
  });

  it('has the required counts', () => {
    expect(blocks.filter((f) => f.properties.mineral === 'cbm').length).toBeGreaterThanOrEqual(40);
    const coal = blocks.filter((f) => f.properties.mineral === 'coal' && f.properties.kind === 'mining');
    expect(coal.length).toBeGreaterThanOrEqual(60);
    for (const f of coal) {
      const a = multiAreaKm2(f.geometry.coordinates);
      expect(a).toBeGreaterThanOrEqual(5);
      expect(a).toBeLessThanOrEqual(120);
    }
    expect(data['wells.geojson'].features.length).toBeGreaterThanOrEqual(10_000);
    for (const m of ['oil_gas', 'tight_gas', 'other']) expect(blocks.some((f) => f.properties.mineral === m)).toBe(true);
    for (const s of ['valid', 'expired', 'cancelled', 'extension_applied', 'report_then_produce', 'retained'])
      expect(
        blocks.some((f) => f.properties.status === s),
        s,
      ).toBe(true);
  });

  it('gas-family blocks do not overlap, except the two deliberate test cases', () => {
    const gas = blocks.filter((f) => ['cbm', 'oil_gas', 'tight_gas', 'shale_gas'].includes(f.properties.mineral));
    const overlaps: string[] = [];
    for (let i = 0; i < gas.length; i++)
      for (let j = i + 1; j < gas.length; j++) {
        const [a, b] = [turf.bbox(gas[i]), turf.bbox(gas[j])];
        if (a[2] < b[0] || b[2] < a[0] || a[3] < b[1] || b[3] < a[1]) continue;
        if (turf.intersect(turf.featureCollection([gas[i], gas[j]])))
          overlaps.push([gas[i].properties.name, gas[j].properties.name].sort().join(' x '));
      }
    expect(overlaps.sort()).toEqual(
      [
        '山西沁水盆地郑庄东区块煤层气勘查 x 山西沁水盆地郑庄区块煤层气开采',
        '山西临兴东区块致密气勘查 x 山西省临兴地区紫金山合同区块煤层气勘查',
      ].sort(),
    );
  });

  it('trunk pipelines: at least 7, operating ones total ~571 km (±10%)', () => {
    const trunks = data['pipelines.geojson'].features.filter((f: any) => f.properties.type === 'trunk');
    expect(trunks.length).toBeGreaterThanOrEqual(7);
    const operating = trunks.filter((f: any) => f.properties.status === 'operating');
    expect(operating.length).toBeGreaterThanOrEqual(7);
    const km = operating.reduce((s: number, f: any) => s + lineLengthKm(f.geometry.coordinates), 0);
    expect(within(km, 571, 0.1), `${km} km`).toBe(true);
    for (const f of trunks) expect(f.properties.pressure_mpa).toBeGreaterThan(4);
  });

  it('sized blocks and reserves match their seed areas within 0.5% (ellipsoidal, CGCS2000)', () => {
    const sized: [string, number][] = [
      ['沁源区块', 2977.609],
      ['寿阳西', 246.09],
      ['三交北', 1055.979],
      ['石楼南', 975.336],
      ['保德', 384.681],
      ['河曲', 271.526],
      ['紫金山', 705.367],
      ['寿阳北', 268.752],
    ];
    for (const [name, km2] of sized) {
      const a = multiAreaKm2(byName(name).geometry.coordinates);
      expect(within(a, km2, 0.005), `${name}: ${a} vs ${km2}`).toBe(true);
    }
    const reserves = data['reserves.geojson'].features as any[];
    for (const [name, km2] of [
      ['保德', 86.9],
      ['寿阳北', 58.91],
    ] as [string, number][]) {
      const b = byName(name);
      const r = reserves.filter((f) => f.properties.block_id === b.properties.id && f.properties.kind === 'proven');
      expect(r.length, name).toBe(1);
      const a = multiAreaKm2(r[0].geometry.coordinates);
      expect(within(a, km2, 0.005), `${name} proven: ${a}`).toBe(true);
    }
    // reserves lie inside their blocks
    const byId = new Map(blocks.map((f) => [f.properties.id, f]));
    for (const r of reserves) {
      const b = byId.get(r.properties.block_id);
      expect(b, r.properties.id).toBeDefined();
      const g: any = turf.intersect(turf.featureCollection([r, b]))!.geometry;
      const inter = multiAreaKm2(g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
      expect(inter / multiAreaKm2(r.geometry.coordinates), r.properties.id).toBeGreaterThan(0.9999);
    }
  });

  it('all polygons are valid: closed rings, CCW exterior / CW holes, no self-intersections, 6 decimals', () => {
    for (const [file, spec] of Object.entries(LAYERS)) {
      if (spec.geom !== 'MultiPolygon') continue;
      for (const f of data[file].features) {
        for (const poly of f.geometry.coordinates) {
          poly.forEach((ring: number[][], i: number) => {
            expect(ring.length).toBeGreaterThanOrEqual(4);
            expect(ring[0]).toEqual(ring[ring.length - 1]);
            const sa = signedArea(ring as any);
            if (i === 0) expect(sa, `${f.properties.id} exterior CCW`).toBeGreaterThan(0);
            else expect(sa, `${f.properties.id} hole CW`).toBeLessThan(0);
            for (const [x, y] of ring) {
              expect(Math.round(x * 1e6) / 1e6).toBe(x);
              expect(Math.round(y * 1e6) / 1e6).toBe(y);
            }
          });
          expect(turf.kinks(turf.polygon(poly)).features.length, `${file} ${f.properties.id}`).toBe(0);
        }
      }
    }
  });

  it('protected areas: every category present, reserves have core inside general', () => {
    const pas = data['protected_areas.geojson'].features as any[];
    const cats = Object.keys(PA_CATEGORIES);
    for (const c of cats)
      expect(
        pas.some((f) => f.properties.category === c),
        c,
      ).toBe(true);
    const reserves = pas.filter((f) => f.properties.category === 'nature_reserve');
    const cores = reserves.filter((f) => f.properties.zone === 'core');
    expect(cores.length).toBeGreaterThan(0);
    for (const core of cores) {
      const general = reserves.find(
        (f) =>
          f.properties.zone === 'general' && f.properties.name.replace('一般控制区', '') === core.properties.name.replace('核心保护区', ''),
      );
      expect(general, core.properties.name).toBeDefined();
      expect(turf.booleanWithin(turf.polygon(core.geometry.coordinates[0]), turf.polygon(general.geometry.coordinates[0]))).toBe(true);
    }
    for (const f of pas) if (f.properties.category !== 'nature_reserve') expect(f.properties.zone).toBeNull();
    const reds = data['redlines.geojson'].features as any[];
    expect(new Set(reds.map((f) => f.properties.status))).toEqual(new Set(['proposed', 'official']));
  });

  it('wells: status mix and block membership', () => {
    const wells = data['wells.geojson'].features as any[];
    const byId = new Map(blocks.map((f) => [f.properties.id, f]));
    const share = (s: string) => wells.filter((w) => w.properties.status === s).length / wells.length;
    expect(share('producing')).toBeGreaterThan(0.5);
    expect(share('producing')).toBeLessThan(0.7);
    expect(wells.some((w) => w.properties.block_id === null)).toBe(true);
    const sample = wells.filter((_, i) => i % 25 === 0);
    for (const w of sample) {
      if (w.properties.block_id === null) continue;
      const b = byId.get(w.properties.block_id);
      expect(turf.booleanPointInPolygon(w.geometry.coordinates, b), w.properties.id).toBe(true);
    }
  });
});

// The register records of the demo (issue 14 item 8): applications in every state, the investment filings of the list
// year with exactly two failing holders, payments with exactly one obligation overdue, two coal/CBM agreements on file.
describe('demo register records', () => {
  const byId = new Map(blocks.map((f) => [f.properties.id, f]));

  it('applications: one in every state, every kind on an existing right, marked synthetic; polygons cut from their blocks at load', () => {
    const doc = read('applications.json');
    expect(doc.synthetic).toBe(true);
    const apps = doc.applications as { kind: string; block_id: string; clip?: number[]; steps: { action: string }[]; expect: string }[];
    expect(new Set(apps.map((a) => a.expect))).toEqual(new Set(Object.keys(APPLICATION_STATES)));
    expect(new Set(apps.map((a) => a.kind))).toEqual(new Set([...ON_A_BLOCK]));
    for (const a of apps) {
      expect(Object.keys(APPLICATION_KINDS)).toContain(a.kind);
      expect(byId.has(a.block_id), a.block_id).toBe(true);
      // the snapshot of a submitted application is taken by the service at load (server/seed/demo-applications.ts):
      // the file holds none
      expect(Object.keys(a).sort()).not.toContain('snapshot');
      if (a.expect !== 'draft') expect(a.steps[0].action, a.block_id).toBe('submit');
    }
    // an extension submitted at load must be in time (273号令 第十五条: ≥ 30 days before expiry) for years to come
    for (const a of apps.filter((x) => x.kind === 'extension' && x.steps.length))
      expect(byId.get(a.block_id).properties.valid_to >= '2030-01-01', a.block_id).toBe(true);
  });

  it('annual investment of 2025 (the abnormal list year): exactly two holders below the statutory minimum', () => {
    const YEAR = 2025;
    const ledger = new Map(
      (read('investments.json') as { block_id: string; year: number; amount_cny: number }[])
        .filter((r) => r.year === YEAR)
        .map((r) => [r.block_id, r.amount_cny]),
    );
    // a filing replaces the ledger's figure (investments_set_from_report); the last revision counts
    const filings = (
      read('investment_reports.json').reports as { block_id: string; year: number; submitted_at: string; breakdown: object }[]
    )
      .filter((r) => r.year === YEAR)
      .sort((a, b) => a.submitted_at.localeCompare(b.submitted_at));
    for (const r of filings) ledger.set(r.block_id, breakdownTotals(r.breakdown).total_cny);
    const rate = new Map(
      (read('block_terms.json') as { block_id: string; contract_investment_cny_per_km2_year?: number }[]).map((t) => [
        t.block_id,
        t.contract_investment_cny_per_km2_year ?? null,
      ]),
    );
    // the rights abnormal_investment_standing.sql lists for the year
    const owing = blocks.filter(
      (f) =>
        f.properties.kind === 'exploration' &&
        f.properties.mineral === 'cbm' &&
        f.properties.status !== 'cancelled' &&
        f.properties.first_registration_date < `${YEAR + 1}-01-01` &&
        (!f.properties.valid_to || f.properties.valid_to > `${YEAR}-01-01`),
    );
    const failing = new Set<string>();
    for (const f of owing) {
      const p = f.properties;
      const min = annualMinimum({
        year: YEAR,
        first_registration_date: p.first_registration_date,
        area_km2: multiAreaKm2(f.geometry.coordinates),
        valid_to: p.valid_to,
        contract_rate_cny_per_km2_year: rate.get(p.id) ?? null,
      }).minimum_cny;
      const figure = ledger.get(p.id);
      expect(figure, `${p.id} has a ${YEAR} figure`).toBeDefined();
      if (min > 0 && figure! + 0.005 < min) failing.add(p.holder);
    }
    expect([...failing].sort()).toEqual(['山西省地质矿产勘查开发有限公司(合成)', '山西聚源煤化有限公司(合成)']);
  });

  it('payments: exactly one obligation overdue (blk-0019 exploration year 9) on the demo’s reference day', () => {
    // the demo's payments are written for late 2026: blk-0019's year-10 fee falls due 2026-12-29
    const ON = '2026-12-01';
    const doc = read('payments.json');
    const terms = new Map((doc.terms as Record<string, any>[]).map((t) => [t.block_id, t]));
    const overdue: string[] = [];
    const obligations = new Map<string, { kind: any; amount_fen: number; due_date: string | null }>();
    for (const id of doc.issue as string[]) {
      const p = byId.get(id).properties;
      const t = terms.get(id);
      const s = obligationSchedule({
        kind: p.kind,
        mineral: p.mineral,
        acquisition_method: p.acquisition_method,
        first_registration_date: p.first_registration_date,
        valid_from: p.valid_from,
        valid_to: p.valid_to,
        area_km2: multiAreaKm2(byId.get(id).geometry.coordinates),
        terms: t ? { ...t, income_total_fen: t.income_total_yuan ? parseYuan(t.income_total_yuan) : null } : null,
      });
      for (const o of s.obligations) obligations.set(`${id}:${o.key}`, o);
    }
    const paid = new Map<string, RecordedPayment[]>();
    for (const p of doc.payments as { obligation_id: string; part?: 'principal' | 'late_fee'; paid_on: string; amount_yuan: string }[]) {
      const o = obligations.get(p.obligation_id);
      expect(o, p.obligation_id).toBeDefined();
      const list = paid.get(p.obligation_id) ?? [];
      const bal = obligationBalance(o!, list, p.paid_on);
      const amount =
        p.amount_yuan === 'full'
          ? o!.amount_fen
          : p.amount_yuan === 'rest'
            ? bal.outstanding_fen
            : p.amount_yuan === 'late_fee'
              ? bal.late_fee_outstanding_fen
              : parseYuan(p.amount_yuan)!;
      list.push({ part: p.part ?? 'principal', paid_on: p.paid_on, amount_fen: amount });
      paid.set(p.obligation_id, list);
    }
    for (const [id, o] of obligations) if (obligationBalance(o, paid.get(id) ?? [], ON).status === 'overdue') overdue.push(id);
    expect(overdue).toEqual(['blk-0019:expl-fee-9']);
  });

  it('agreements: two on file, each between a CBM right and a coal right that overlap', () => {
    const agreements = read('agreements.json') as { parties: [string, string]; document_no: string }[];
    expect(agreements).toHaveLength(2);
    for (const a of agreements) {
      const [x, y] = a.parties.map((id) => byId.get(id));
      expect(new Set([x.properties.mineral, y.properties.mineral]), a.document_no).toEqual(new Set(['cbm', 'coal']));
      expect(turf.intersect(turf.featureCollection([x, y])), a.document_no).not.toBeNull();
      expect(a.document_no).toContain('合成');
    }
  });
});
