/**
 * The triage members of a check (issue 16 item 3): the overall verdict (worst class first, derived from the
 * outcomes; server/conflicts/verdict.ts checkVerdict) and each reported pipeline's length inside the input
 * (sql/queries/conflicts_pipelines.sql), measured here with GeographicLib on the CGCS2000 ellipsoid, not by the code
 * under test. The box is the one a reviewer checked (442 km² over 郑庄, 沁河 scenic area and many wells).
 */
import * as GL from 'geographiclib-geodesic';
import { describe, expect, it } from 'vitest';
import { CheckResult } from '../../server/contract/checks';
import { useTestServer } from '../helpers/server';

type GLib = typeof GL;
const lib: GLib = ((GL as unknown as { default?: GLib }).default ?? GL) as GLib;
const geod = new lib.Geodesic.Geodesic(6378137, 1 / 298.257222101);
const lineKm = (coords: number[][]) =>
  coords.slice(1).reduce((t, b, i) => t + (geod.Inverse(coords[i][1], coords[i][0], b[1], b[0]).s12 ?? NaN), 0) / 1e3;

const [W, S, E, N] = [112.38, 35.52, 112.6, 35.72];
const BOX = {
  type: 'Polygon',
  coordinates: [
    [
      [W, S],
      [E, S],
      [E, N],
      [W, N],
      [W, S],
    ],
  ],
};
const srv = useTestServer();
const check = async (params: Record<string, unknown>) => {
  const res = await fetch(`${srv.url}/api/checks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...BOX, ...params }),
  });
  expect(res.status).toBe(200);
  return CheckResult.parse(await res.json());
};

describe('check verdict and pipeline lengths', () => {
  it('a new exploration right over another CBM right: not acceptable, every class counted, worst first', async () => {
    const r = await check({ application: 'new_exploration', mineral: 'cbm', applicant: '某煤层气公司', as_of: '2026-06-30' });
    expect(r.verdict.code).toBe('not_acceptable');
    expect(r.verdict.severity).toBe('block');
    expect(r.verdict.message.code).toBe('VERDICT_NOT_ACCEPTABLE');
    expect(r.verdict.message.message_zh).toMatch(/^按所报范围不予受理/);
    expect(r.verdict.reasons[0]).toMatchObject({ verdict: 'not_acceptable', outcome: 'forbidden' });
    // each reason counts exactly the entries with its outcome
    for (const reason of r.verdict.reasons) {
      const of = r.conflicts.filter((c) => c.outcome === reason.outcome);
      expect(reason.count, reason.outcome).toBe(of.length);
      expect(reason.area_km2).toBeCloseTo(
        of.reduce((t, c) => t + c.overlap_area_km2, 0),
        9,
      );
    }
    const ranks = ['not_acceptable', 'deduct', 'agreement', 'review', 'conditions'];
    const seen = r.verdict.reasons.map((x) => ranks.indexOf(x.verdict));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(r.verdict.reasons.map((x) => x.outcome)).toEqual(expect.arrayContaining(['other_holder_well', 'harmless_crossing_required']));
  });

  it('every reported pipeline carries its length inside the input (km, ellipsoidal), at least its crossing', async () => {
    const r = await check({ application: 'new_exploration', mineral: 'cbm', as_of: '2026-06-30' });
    const pipes = r.conflicts.filter((c) => c.collection === 'pipelines');
    expect(pipes.length).toBeGreaterThan(0);
    for (const p of pipes) {
      expect(p.length_in_input_km, p.id).toBeGreaterThan(0);
      // the crossing is part of it; the overlay's 1e-12° grid moves lengths by ~1e-8 relative at most
      expect(p.length_in_input_km! * (1 + 1e-7)).toBeGreaterThanOrEqual(p.length_km!);
    }
    // a pipeline lying wholly inside the box: its length inside is its whole geodesic length
    let checked = 0;
    for (const p of pipes.slice(0, 40)) {
      const f = (await (await fetch(`${srv.url}/collections/pipelines/items/${encodeURIComponent(p.id)}`)).json()) as {
        geometry: { type: string; coordinates: number[][] | number[][][] };
      };
      const lines = (f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][];
      if (!lines.flat().every(([x, y]) => x > W && x < E && y > S && y < N)) continue;
      const want = lines.reduce((t, l) => t + lineKm(l), 0);
      expect(Math.abs(p.length_in_input_km! - want), `${p.id}: ${p.length_in_input_km} vs ${want}`).toBeLessThanOrEqual(1e-9 * want);
      if (++checked >= 3) break;
    }
    expect(checked, 'pipelines wholly inside the box').toBeGreaterThan(0);
  });

  it('containment that cannot run (no exploration block) keeps the verdict from acceptable; with the block it runs', async () => {
    const without = await check({ application: 'new_mining', mineral: 'cbm', applicant: '某煤层气公司' });
    const unchecked = without.verdict.reasons.find((x) => x.count === 0);
    expect(unchecked).toMatchObject({
      verdict: 'review',
      outcome: 'outside_exploration_block',
      message: { code: 'CONTAINMENT_NOT_CHECKED' },
    });
    const withBlock = await check({ application: 'new_mining', mineral: 'cbm', applicant: '某煤层气公司', block_id: 'blk-0011' });
    expect(withBlock.verdict.reasons.find((x) => x.count === 0)).toBeUndefined();
    expect(withBlock.conflicts.some((c) => c.check === 'containment' && c.outcome === 'outside_exploration_block')).toBe(true);
    expect(withBlock.verdict.code).toBe('not_acceptable');
  });

  it('a stored block’s conflicts carry the verdict too', async () => {
    const res = await fetch(`${srv.url}/api/blocks/blk-0001/conflicts?as_of=2026-06-30`);
    const r = CheckResult.parse(await res.json());
    expect(Object.keys(r.verdict)).toEqual(['code', 'severity', 'message', 'reasons']);
  });
});
