/**
 * Migration 025: a TRUNCATE of protected_areas or redlines (an owner reloading a layer) empties its subdivided twin, which
 * the check overlays read. Before, the twin kept its pieces and checks went on finding the emptied layer's areas.
 */
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/server';

const srv = useTestServer();

/** A small square inside one feature of `table` (around its point on surface). */
async function squareInside(table: 'protected_areas' | 'redlines') {
  const { rows } = await srv.ownerQuery(
    `SELECT id, ST_AsGeoJSON(ST_Envelope(ST_Buffer(ST_PointOnSurface(geom), 0.002)), 9) AS g FROM ${table} ORDER BY id LIMIT 1`,
  );
  return { id: rows[0].id as string, geometry: JSON.parse(rows[0].g) };
}

async function check(geometry: unknown) {
  const res = await fetch(`${srv.url}/api/checks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(geometry),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { conflicts: { collection: string; id: string }[] }).conflicts;
}

describe('subdivided twins after TRUNCATE (migration 025)', () => {
  it('a truncated protected-area or red-line layer is gone from checks and from its twin', async () => {
    const pa = await squareInside('protected_areas');
    const rl = await squareInside('redlines');
    expect((await check(pa.geometry)).some((c) => c.collection === 'protected-areas' && c.id === pa.id)).toBe(true);
    expect((await check(rl.geometry)).some((c) => c.collection === 'redlines' && c.id === rl.id)).toBe(true);

    await srv.ownerQuery('TRUNCATE protected_areas, redlines CASCADE');
    const twins = await srv.ownerQuery(
      'SELECT (SELECT count(*) FROM protected_areas_sub)::int AS pa, (SELECT count(*) FROM redlines_sub)::int AS rl',
    );
    expect(twins.rows[0]).toEqual({ pa: 0, rl: 0 });
    expect((await check(pa.geometry)).filter((c) => c.collection === 'protected-areas')).toEqual([]);
    expect((await check(rl.geometry)).filter((c) => c.collection === 'redlines')).toEqual([]);
  });
});
