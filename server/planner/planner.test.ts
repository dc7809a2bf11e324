import { describe, expect, it } from 'vitest';
import { intersect, featureCollection, feature } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { AppError } from '../errors';
import { isMessage } from '../i18n/message';
import { ellipsoidalAreaKm2 } from '../geodesy/area';
import { planRelinquishment, type Candidate, type PlanInput } from './planner';
import { HOLED_BLOCK, L_BLOCK, RECT_20x15, U_BLOCK, kmPoint, kmPolygon, kmRect, wobblyBlock } from './test-fixtures';

type Areal = Polygon | MultiPolygon;
const overlapKm2 = (a: Areal, b: Areal) => {
  const r = intersect(featureCollection([feature(a), feature(b)]));
  return r ? ellipsoidalAreaKm2(r.geometry) : 0;
};

/** The invariants every candidate must satisfy. */
function expectValid(c: Candidate, input: PlanInput, opts: { contiguous?: boolean } = {}) {
  const req = input.required_km2;
  const measured = ellipsoidalAreaKm2(c.geometry);
  expect(measured).toBeCloseTo(c.area_km2, 9);
  // what counts toward the requirement (outside proven reserves, 000:L3366) meets it, never less, at most 0.5 % more
  expect(c.counted_km2).toBeGreaterThanOrEqual(req);
  expect(Number(c.counted_km2.toFixed(4))).toBeGreaterThanOrEqual(req); // as reported, to 0.0001 km²
  expect(c.counted_km2).toBeLessThanOrEqual(req * 1.005);
  expect(c.area_km2).toBeGreaterThanOrEqual(c.counted_km2 - 1e-9);
  const blockArea = ellipsoidalAreaKm2(input.block);
  expect(Math.abs(c.area_km2 + c.retained_area_km2 - blockArea)).toBeLessThan(1e-6);
  // Turf overlays are planar in lon/lat while our edges are geodesics (vertices on long east–west edges sit a
  // few metres off the planar segment), so these two overlay checks get a small planar tolerance.
  expect(overlapKm2(c.geometry, input.block)).toBeGreaterThan(c.area_km2 * (1 - 1e-3)); // inside the block
  expect(overlapKm2(c.geometry, c.retained)).toBeLessThan(1e-4); // no overlap with what is kept
  if (opts.contiguous ?? true) {
    expect(c.contiguous_retained).toBe(true);
    expect(c.retained.type).toBe('Polygon');
  }
  expect(c.corners.length).toBeGreaterThanOrEqual(3);
  expect(c.corners.map((r) => r.n)).toEqual(c.corners.map((_, i) => i + 1));
  expect(c.reasons.length).toBeGreaterThan(0);
  expect(c.reasons.every((r) => isMessage(r) && /[\u4e00-\u9fff]/.test(r.message_zh))).toBe(true); // zh and en
}

describe('planRelinquishment — synthetic blocks', { timeout: 30_000 }, () => {
  it('20 × 15 km rectangle at 36°N 112.5°E: three distinct one-line strips, exact area', () => {
    const input: PlanInput = { block: RECT_20x15, required_km2: 52.4605 };
    const plan = planRelinquishment(input);
    expect(plan.candidates.map((c) => c.id)).toEqual(['A', 'B', 'C']);
    expect(new Set(plan.candidates.map((c) => c.strategy)).size).toBe(3);
    for (const c of plan.candidates) {
      expectValid(c, input);
      expect(c.strategy).toMatch(/-strip$/);
      expect(c.straight_edges).toBe(1);
      expect(c.corners).toHaveLength(4);
      expect(c.area_km2 - 52.4605).toBeLessThan(0.02); // close to the requirement, not just inside 0.5 %
    }
    expect(plan.warnings).toEqual([]);
    const scores = plan.candidates.map((c) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('L-shaped block', () => {
    const input: PlanInput = { block: L_BLOCK, required_km2: 50 };
    const plan = planRelinquishment(input);
    expect(plan.candidates.length).toBeGreaterThanOrEqual(2);
    for (const c of plan.candidates) expectValid(c, input);
  });

  it('block with a hole: hole area is not counted and the retained part stays one polygon', () => {
    const input: PlanInput = { block: HOLED_BLOCK, required_km2: 60 };
    const plan = planRelinquishment(input);
    expect(plan.block_area_km2).toBeCloseTo(ellipsoidalAreaKm2(RECT_20x15) - 24, 0);
    for (const c of plan.candidates) expectValid(c, input);
  });

  it('U-shaped block: never returns a cut that splits the retained part when others exist', () => {
    const input: PlanInput = { block: U_BLOCK, required_km2: 0.3 * ellipsoidalAreaKm2(U_BLOCK) };
    const plan = planRelinquishment(input);
    expect(plan.candidates.length).toBe(3);
    for (const c of plan.candidates) expectValid(c, input);
  });

  it('protected area covering 30 % of the requirement is deducted first and counted', () => {
    const required = 52.4605;
    const pa = kmRect(8, 5, 12, 5 + (0.3 * required) / 4); // ≈ 4 × 3.93 km in the middle of the block
    const paArea = ellipsoidalAreaKm2(pa);
    expect(paArea / required).toBeCloseTo(0.3, 2);
    const input: PlanInput = {
      block: RECT_20x15,
      required_km2: required,
      protected_counts_toward_required: true,
      deduct_first: [{ id: 'pa-1', collection: 'protected-areas', name: '某自然保护区', geometry: pa }],
    };
    const plan = planRelinquishment(input);
    expect(plan.protected_km2).toBeCloseTo(paArea, 6);
    expect(plan.candidates.length).toBe(3);
    for (const c of plan.candidates) {
      expectValid(c, input);
      expect(c.touches.protected_km2).toBeCloseTo(paArea, 6);
      expect(overlapKm2(c.geometry, pa)).toBeCloseTo(paArea, 6);
      expect(c.reasons.some((r) => r.message.includes('protected_counts_toward_required'))).toBe(true);
      expect(c.retained.coordinates.length).toBe(2); // the protected area leaves a hole in what is kept
    }
  });

  it('item 5 default reading: protected areas leave the block but do not count toward the requirement (no source says they count)', () => {
    // 晋自然资发〔2020〕11号 十 (000:L4292-4294): “扣减上述保护区范围后，办理矿业权延续登记手续” — deducted first, the extension
    // (and its 25% cut) processed afterwards; 000-part-b lists “counts toward the 25%” as not stated.
    const required = 52.4605;
    const pa = kmRect(8, 5, 12, 5 + (0.3 * required) / 4);
    const paArea = ellipsoidalAreaKm2(pa);
    const plan = planRelinquishment({
      block: RECT_20x15,
      required_km2: required,
      deduct_first: [{ id: 'pa-1', collection: 'protected-areas', name: '某自然保护区', geometry: pa }],
    });
    expect(plan.warnings.map((w) => w.code)).toContain('PROTECTED_NOT_COUNTED_READING');
    expect(plan.candidates.length).toBeGreaterThan(0);
    for (const c of plan.candidates) {
      expect(c.area_km2).toBeGreaterThanOrEqual(required + paArea - 1e-4); // the old code gave ≈ required in total
      expect(c.counted_km2).toBeGreaterThanOrEqual(required - 1e-4);
      expect(c.counted_km2).toBeLessThanOrEqual(required * 1.005);
    }
  });

  it('overlapping protected area and red line, partly outside the block, are clipped and not double-counted', () => {
    const pa = kmRect(-5, 10, 6, 20); // in-block part: 6 × 5 = 30 km²
    const red = kmRect(3, 12, 9, 18); // in-block part 6 × 3, of which 3 × 3 overlaps pa
    const input: PlanInput = {
      block: RECT_20x15,
      required_km2: 52.4605,
      protected_counts_toward_required: true,
      deduct_first: [
        { id: 'pa', collection: 'protected-areas', name: '森林公园', geometry: pa },
        { id: 'rl', collection: 'redlines', name: '生态保护红线', geometry: red },
      ],
    };
    const plan = planRelinquishment(input);
    expect(plan.protected_km2).toBeCloseTo(30 + 18 - 9, 0);
    expect(plan.warnings.map((w) => w.code)).toContain('REDLINE_COMMITMENT_OPTION'); // PA-5
    for (const c of plan.candidates) expectValid(c, input);
  });

  it('protected-first: grows a rectangle around an interior protected area when every edge strip hits reserves', () => {
    const pa = kmRect(8, 5, 12, 9);
    const paArea = ellipsoidalAreaKm2(pa);
    const frameReserve: Polygon = kmPolygon([
      [
        [-1, -1],
        [21, -1],
        [21, 16],
        [-1, 16],
      ],
      [
        [3, 3],
        [3, 12],
        [17, 12],
        [17, 3],
      ],
    ]);
    const input: PlanInput = {
      block: RECT_20x15,
      required_km2: 40,
      keep: { reserves: [frameReserve] },
      protected_counts_toward_required: true,
      deduct_first: [{ id: 'pa', collection: 'protected-areas', name: '地质公园', geometry: pa }],
    };
    const plan = planRelinquishment(input);
    const [a] = plan.candidates;
    expect(a.strategy).toBe('protected-first');
    expect(a.touches.reserves_km2).toBe(0);
    expect(a.geometry.type).toBe('Polygon'); // one piece around the protected area
    expect(a.straight_edges).toBe(4);
    expect(a.touches.protected_km2).toBeCloseTo(paArea, 6);
    expectValid(a, input);
    expect(a.retained.coordinates.length).toBe(2); // kept part surrounds the relinquished rectangle
  });

  it('protected areas alone exceeding the requirement: the only candidate is them, excess warned', () => {
    const pa = kmRect(-5, 0, 10, 15); // clipped to the block: 10 × 15 = 150 km²
    const input: PlanInput = {
      block: RECT_20x15,
      required_km2: 52.4605,
      protected_counts_toward_required: true,
      deduct_first: [{ id: 'pa', collection: 'protected-areas', name: '泉域重点保护区', geometry: pa }],
    };
    const plan = planRelinquishment(input);
    expect(plan.candidates).toHaveLength(1);
    const [c] = plan.candidates;
    expect(c.strategy).toBe('protected-first');
    expect(c.area_km2).toBeCloseTo(ellipsoidalAreaKm2(kmRect(0, 0, 10, 15)), 4); // x = 10 km vertices sit on the geodesic edges
    expect(c.contiguous_retained).toBe(true);
    expect(plan.warnings.map((w) => w.code)).toContain('PROTECTED_EXCEEDS_REQUIRED');
  });

  it('one definition of the counted area: proven reserves never count, not even inside protected areas the reading counts', () => {
    // 273号令 第十五条 (000:L3366): the base is “不含已提交探明地质储量范围”; the reading protected_counts_toward_required
    // counts the protected areas deducted first, less the reserves inside them.
    const pa = kmRect(8, 5, 12, 9);
    const reserve = kmRect(8, 5, 12, 7); // half of the protected area is proven
    const input: PlanInput = {
      block: RECT_20x15,
      required_km2: 52.4605,
      keep: { reserves: [reserve] },
      protected_counts_toward_required: true,
      deduct_first: [{ id: 'pa', collection: 'protected-areas', name: '地质公园', geometry: pa }],
    };
    const plan = planRelinquishment(input);
    expect(plan.candidates.length).toBeGreaterThan(0);
    for (const c of plan.candidates) {
      expectValid(c, input);
      // the whole relinquished extent (protected area included) less every proven reserve inside it
      expect(c.counted_km2).toBeCloseTo(c.area_km2 - c.touches.reserves_km2, 4);
      expect(c.touches.reserves_km2).toBeGreaterThanOrEqual(ellipsoidalAreaKm2(reserve) - 1e-6);
    }
    // protected areas alone over the requirement, but mostly proven: what they count falls short, said so, no candidate
    const big = kmRect(-5, 0, 10, 15); // 150 km² inside the block
    const alone = planRelinquishment({
      block: RECT_20x15,
      required_km2: 52.4605,
      keep: { reserves: [kmRect(-1, -1, 11, 12)] }, // covers 10 × 12 of it
      protected_counts_toward_required: true,
      deduct_first: [{ id: 'pa', collection: 'protected-areas', name: '泉域重点保护区', geometry: big }],
    });
    expect(alone.candidates).toHaveLength(0);
    const short = alone.warnings.find((w) => w.code === 'RESERVES_SHORT');
    expect(short?.params.counted).toBeCloseTo(ellipsoidalAreaKm2(kmRect(0, 12, 10, 15)), 1);
  });

  it('reserves on the west side: the chosen cut avoids them', () => {
    const input: PlanInput = {
      block: RECT_20x15,
      required_km2: 52.4605,
      keep: { reserves: [kmRect(-1, -1, 6, 16)] },
    };
    const plan = planRelinquishment(input);
    const [a] = plan.candidates;
    expect(a.strategy).not.toBe('west-strip');
    expect(a.touches.reserves_km2).toBe(0);
    expect(a.reasons.some((r) => r.code === 'R_RESERVES_AVOIDED')).toBe(true);
    for (const c of plan.candidates) {
      expectValid(c, input);
      expect(c.touches.reserves_km2).toBe(0); // east strip and the eastern corners all avoid them
    }
    expect(plan.warnings).toEqual([]);
  });

  // 273号令 第十五条第二款 (000:L3366): “扣减首次登记面积的 25%（不含已提交探明地质储量范围）” — proven-reserve area is
  // outside the base, so giving it up pays nothing toward the reduction (issue 11 item 5). The old planner counted it.
  it('reserves over the whole block: no cut can count, every candidate is refused with a clear Message', () => {
    const input: PlanInput = { block: RECT_20x15, required_km2: 100, keep: { reserves: [kmRect(-1, -1, 21, 16)] } };
    const plan = planRelinquishment(input);
    expect(plan.candidates).toEqual([]);
    const codes = plan.warnings.map((w) => w.code);
    expect(codes).toContain('RESERVES_SHORT');
    expect(codes).toContain('PLANNER_NO_CANDIDATE');
    const short = plan.warnings.find((w) => w.code === 'RESERVES_SHORT')!;
    expect(short.message_zh).toMatch(/探明储量面积不计入/);
  });

  it('reserves that cannot be avoided are given up on top of the requirement: counted_km2 meets it (000:L3366)', () => {
    // reserves fill the west 9 km, the north 3 km and the south 3 km: every strip and corner touches them
    const input: PlanInput = {
      block: RECT_20x15,
      required_km2: 52.4605,
      keep: { reserves: [kmRect(-1, -1, 9, 16), kmRect(-1, 12, 21, 16), kmRect(-1, -1, 21, 3)] },
    };
    const plan = planRelinquishment(input);
    expect(plan.candidates.length).toBeGreaterThan(0);
    expect(plan.warnings.map((w) => w.code)).toContain('RESERVES_UNAVOIDABLE');
    for (const c of plan.candidates) {
      expect(c.touches.reserves_km2).toBeGreaterThan(0.01);
      expect(c.counted_km2).toBeGreaterThanOrEqual(52.4605 - 1e-4);
      expect(c.counted_km2).toBeLessThanOrEqual(52.4605 * 1.005);
      // the relinquished area is the counted area plus the reserves given up
      expect(c.area_km2).toBeCloseTo(c.counted_km2 + c.touches.reserves_km2, 3);
      expect(c.reasons.map((r) => r.code)).toContain('R_RESERVES_TAKEN');
    }
  });

  it('producing wells on every side: a corner rectangle with two cut lines wins', () => {
    const wells = [
      { id: 'W1', status: 'producing', coordinates: kmPoint(1, 7.5) },
      { id: 'E1', status: '排采', coordinates: kmPoint(19, 7.5) },
      { id: 'N1', status: 'producing', coordinates: kmPoint(10, 14) },
      { id: 'S1', status: '生产井', coordinates: kmPoint(10, 1) },
      { id: 'X1', status: '长停井', coordinates: kmPoint(2, 2) },
    ];
    const input: PlanInput = { block: RECT_20x15, required_km2: 52.4605, keep: { wells } };
    const plan = planRelinquishment(input);
    const [a] = plan.candidates;
    expect(a.strategy).toMatch(/^corner-/);
    expect(a.touches.producing_wells).toBe(0);
    expect(a.straight_edges).toBe(2);
    expect(a.corners).toHaveLength(4); // a corner box cut from a rectangle is a rectangle
    expect(a.cut_lines).toHaveLength(2);
    expect(a.retained.coordinates[0]).toHaveLength(7); // the retained part is an L (6 corners, closed)
    for (const c of plan.candidates) expectValid(c, input);
  });

  it('pipelines are measured and avoided', () => {
    const pipelines = [
      { type: 'LineString' as const, coordinates: [kmPoint(18.5, -1), kmPoint(18.5, 16)] }, // along the east side
      { type: 'LineString' as const, coordinates: [kmPoint(-1, 1), kmPoint(21, 1)] }, // along the south side
    ];
    const input: PlanInput = { block: RECT_20x15, required_km2: 52.4605, keep: { pipelines } };
    const plan = planRelinquishment(input);
    const [a] = plan.candidates;
    expect(a.touches.pipelines_km).toBe(0);
    expect(a.strategy).toMatch(/^(corner-nw|north-strip)$/);
    for (const c of plan.candidates) expectValid(c, input);
    // a west strip (~3.5 km wide) would cross the southern pipeline: measured and ranked lower
    const west = planRelinquishment({ ...input, max_candidates: 3 }).candidates.find((c) => c.strategy === 'west-strip');
    if (west) {
      expect(west.touches.pipelines_km).toBeGreaterThan(3);
      expect(west.score).toBeLessThan(a.score);
    }
  });

  it('honours max_candidates and returns distinct sides', () => {
    const plan = planRelinquishment({ block: RECT_20x15, required_km2: 30, max_candidates: 1 });
    expect(plan.candidates).toHaveLength(1);
    const plan3 = planRelinquishment({ block: L_BLOCK, required_km2: 30 });
    const keys = plan3.candidates.map((c) => JSON.stringify(c.corners.map((r) => [r.lon.toFixed(7), r.lat.toFixed(7)])));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('a multi-parcel block is planned and warned about', () => {
    const block: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [kmRect(0, 0, 10, 10).coordinates, kmRect(15, 0, 25, 10).coordinates],
    };
    const input: PlanInput = { block, required_km2: 40 };
    const plan = planRelinquishment(input);
    expect(plan.warnings.map((w) => w.code)).toContain('BLOCK_MULTIPART');
    expect(plan.candidates.length).toBeGreaterThan(0);
    for (const c of plan.candidates) expectValid(c, input, { contiguous: false });
  });

  it('rejects impossible or malformed requests with AppError', () => {
    expect(() => planRelinquishment({ block: RECT_20x15, required_km2: 400 })).toThrowError(AppError);
    try {
      planRelinquishment({ block: RECT_20x15, required_km2: 400 });
    } catch (e) {
      expect((e as AppError).code).toBe('PLANNER_REQUIRED_EXCEEDS_BLOCK');
    }
    expect(() => planRelinquishment({ block: RECT_20x15, required_km2: -1 })).toThrowError(/required_km2/);
    expect(() => planRelinquishment({ block: { type: 'Point', coordinates: [0, 0] } as unknown as Polygon, required_km2: 1 })).toThrowError(
      AppError,
    );
  });

  it('performance guard: a 200-vertex block with keep features plans in seconds, not minutes', () => {
    planRelinquishment({ block: RECT_20x15, required_km2: 10 }); // warm-up
    const block = wobblyBlock(200);
    const wells = Array.from({ length: 300 }, (_, i) => ({
      id: `W${i}`,
      status: i % 3 ? 'producing' : 'abandoned',
      coordinates: [112.38 + (0.24 * ((i * 37) % 100)) / 100, 35.9 + (0.2 * ((i * 53) % 100)) / 100] as [number, number],
    }));
    const input: PlanInput = {
      block,
      required_km2: 0.2 * ellipsoidalAreaKm2(block),
      keep: {
        wells,
        reserves: [kmRect(-12, -12, -4, 12)],
        pipelines: [
          { type: 'LineString', coordinates: Array.from({ length: 100 }, (_, i) => [112.35 + (0.3 * i) / 99, 36 + 0.02 * Math.sin(i)]) },
        ],
      },
    };
    const t0 = performance.now();
    const plan = planRelinquishment(input);
    const ms = performance.now() - t0;
    expect(plan.candidates.length).toBeGreaterThan(0);
    for (const c of plan.candidates) expectValid(c, input);
    // ~2 s on an idle 2-core machine (the timing itself belongs to the benchmarks); the bound only catches a blow-up
    // (a quadratic search would take minutes), with room for a machine running two test files and other work
    expect(ms).toBeLessThan(20_000);
  });
});
