/**
 * The conflict check "as at" a date (issue 13), as one scenario both engines run (test/api on PostGIS,
 * test/smoke on PGlite): a red line created, its geometry moved, then deleted; a check as at each version's
 * instant finds what stood then, and nothing before the creation, after the deletion or today.
 */
import { expect } from 'vitest';
import { square } from '../../server/geometry/shapes.fixture';

export interface CheckConflict {
  collection: string;
  id: string;
  name: string | null;
  outcome: string;
  deductible: boolean;
  overlap_area_km2: number;
  length_km?: number;
  crosses?: string[];
  disposal?: unknown;
}
export interface CheckAnswer {
  conflicts: CheckConflict[];
  summary: Record<string, unknown>;
  subject: { as_of: string };
  as_at?: string | null;
}

/** POST /api/checks with a GeoJSON geometry, optionally as at `asAt`. */
export async function checkAt(base: string, geometry: unknown, asAt?: string): Promise<CheckAnswer> {
  const q = asAt ? `?as_at=${encodeURIComponent(asAt)}` : '';
  const res = await fetch(`${base}/api/checks${q}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'Feature', geometry, properties: {}, applicant: '测试申请人' }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as CheckAnswer;
}

/**
 * The red line's life through the API, then the checks as at each version. `lon`/`lat`: a free corner of the
 * register (no other red line there). Returns the instants of the three versions.
 */
export async function redLineLifeAndChecks(base: string, auth: Record<string, string>, id: string, lon: number, lat: number) {
  const json = { ...auth, 'content-type': 'application/json' };
  const items = `${base}/collections/redlines/items`;
  const first = square(lon, lat, 0.05);
  const moved = square(lon + 0.2, lat, 0.05);
  // the inputs: one over the first position, one over the moved position (each 0.02° inside)
  const overFirst = square(lon + 0.01, lat + 0.01, 0.02);
  const overMoved = square(lon + 0.21, lat + 0.01, 0.02);

  const created = await fetch(items, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ type: 'Feature', id, geometry: first, properties: { name: '拟划红线（初）', status: 'proposed' } }),
  });
  expect(created.status).toBe(201);
  // today, while it stands: the check without as_at sees it over the first position
  const now1 = await checkAt(base, overFirst);
  expect(now1.conflicts.filter((c) => c.id === id).map((c) => c.name)).toEqual(['拟划红线（初）']);
  expect(now1.as_at ?? null).toBeNull();

  const edited = await fetch(`${items}/${id}`, {
    method: 'PUT',
    headers: { ...json, 'if-match': created.headers.get('etag')! },
    body: JSON.stringify({ type: 'Feature', geometry: moved, properties: { name: '正式红线（移位）', status: 'official' } }),
  });
  expect(edited.status).toBe(200);
  const deleted = await fetch(`${items}/${id}`, { method: 'DELETE', headers: { ...auth, 'if-match': edited.headers.get('etag')! } });
  expect(deleted.status).toBe(204);

  const h = (await (await fetch(`${items}/${id}/history`)).json()) as { versions: { operation: string; valid_from: string }[] };
  expect(h.versions.map((v) => v.operation)).toEqual(['delete', 'update', 'create']);
  const [del, upd, cre] = h.versions.map((v) => v.valid_from);

  const found = async (input: unknown, at?: string) =>
    (await checkAt(base, input, at)).conflicts.filter((c) => c.collection === 'redlines' && c.id === id);
  // as created: over the first position, not over the moved one
  const c1 = await found(overFirst, cre);
  expect(c1.map((c) => [c.name, c.outcome])).toEqual([['拟划红线（初）', 'deduct']]);
  expect(c1[0].overlap_area_km2).toBeGreaterThan(4);
  expect(await found(overMoved, cre)).toEqual([]);
  // as edited: the geometry moved, so the first position is clear and the moved one is hit
  expect(await found(overFirst, upd)).toEqual([]);
  const c2 = await found(overMoved, upd);
  expect(c2.map((c) => c.name)).toEqual(['正式红线（移位）']);
  expect(c2[0].overlap_area_km2).toBeCloseTo(c1[0].overlap_area_km2, 2);
  // as deleted, before it existed, and today: nothing
  for (const at of [del, '2000-01-01', undefined]) {
    expect(await found(overFirst, at)).toEqual([]);
    expect(await found(overMoved, at)).toEqual([]);
  }
  // the answer names the instant it read, to the microsecond, and judges outcomes on that day (UTC+8) unless as_of says otherwise
  const answer = await checkAt(base, overMoved, upd);
  expect(answer.as_at).toBe(upd);
  expect(answer.subject.as_of).toBe(new Date(Date.parse(upd) + 8 * 3600_000).toISOString().slice(0, 10));
  return { cre, upd, del };
}

/** A stable projection of a check's conflicts, to compare the current path with the history path. */
export function comparable(a: CheckAnswer) {
  return a.conflicts
    .map((c) => ({
      key: `${c.collection}/${c.id}`,
      outcome: c.outcome,
      deductible: c.deductible,
      area: c.overlap_area_km2,
      length: c.length_km ?? null,
      crosses: c.crosses ?? null,
      disposal: c.disposal ?? null,
    }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

/** The same conflicts, outcomes and (to 1e-9 relative) areas and lengths. */
export function expectSameAnswer(now: CheckAnswer, at: CheckAnswer) {
  const a = comparable(now);
  const b = comparable(at);
  expect(b.map((x) => [x.key, x.outcome, x.deductible, x.crosses, x.disposal])).toEqual(
    a.map((x) => [x.key, x.outcome, x.deductible, x.crosses, x.disposal]),
  );
  a.forEach((x, i) => {
    expect(Math.abs(b[i].area - x.area)).toBeLessThanOrEqual(1e-9 * Math.max(x.area, 1e-6));
    if (x.length !== null) expect(Math.abs((b[i].length ?? NaN) - x.length)).toBeLessThanOrEqual(1e-9 * Math.max(x.length, 1e-6));
  });
}
