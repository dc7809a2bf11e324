/**
 * A pipeline's crossing is never longer than the pipeline (sql/queries/conflicts_pipelines.sql). The crossing is the
 * pipeline inside the input, cut by every subdivided protected-area piece it meets; a line lying on the boundary two
 * pieces share (ST_Subdivide cuts) is inside both, and a protected area overlapping the first holds it once more, so the
 * per-piece lines must be dissolved (kq_union) before they are measured. On the floating-point overlay they once were
 * not (share_of_feature 1.07, server/db/README.md). Expected lengths come from GeographicLib, not from the code under test.
 */
import * as GL from 'geographiclib-geodesic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIPELINE_CROSSING_CATEGORIES } from '../../server/conflicts/outcomes';
import { startTestServer } from '../helpers/server';

type GLib = typeof GL;
const lib: GLib = ((GL as unknown as { default?: GLib }).default ?? GL) as GLib;
const geod = new lib.Geodesic.Geodesic(6378137, 1 / 298.257222101);
const lengthKm = (a: number[], b: number[]) => (geod.Inverse(a[1], a[0], b[1], b[0]).s12 ?? NaN) / 1e3;

let srv: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv?.close();
  await srv?.dropDb();
});

/** A straight cut ST_Subdivide made through a protected area of a crossing category: the edge two of its pieces share. */
async function sharedPieceEdge(): Promise<{ pa: string; from: number[]; to: number[] }> {
  const { rows } = await srv.ownerQuery(
    `SELECT a.id, ST_AsGeoJSON(e.g) AS edge
     FROM protected_areas_sub a
     JOIN protected_areas_sub b ON b.id = a.id AND a.ctid < b.ctid
     JOIN protected_areas pa ON pa.id = a.id AND pa.category = ANY ($1::text[])
     CROSS JOIN LATERAL (SELECT ST_LineMerge(ST_CollectionExtract(ST_Intersection(a.geom, b.geom), 2)) AS g) e
     WHERE GeometryType(e.g) = 'LINESTRING' AND ST_NPoints(e.g) = 2 AND ST_Length(e.g) > 0.02
     ORDER BY a.id LIMIT 1`,
    [[...PIPELINE_CROSSING_CATEGORIES]],
  );
  expect(rows.length, 'the demo data has a subdivided protected area of a crossing category').toBe(1);
  const [from, to] = (JSON.parse(rows[0].edge as string) as { coordinates: number[][] }).coordinates;
  return { pa: rows[0].id as string, from, to };
}

describe('pipeline crossings (PostGIS)', () => {
  it('a pipeline on a shared piece boundary, along the input edge with Gauss-Krüger noise: crossing = pipeline, share ≤ 1', async () => {
    const edge = await sharedPieceEdge();
    const vertical = edge.from[0] === edge.to[0];
    expect(vertical || edge.from[1] === edge.to[1], 'ST_Subdivide cuts are axis-parallel').toBe(true);
    // the pipeline: the middle 80 % of the shared edge
    const at = (t: number) => edge.from.map((v, i) => v + (edge.to[i] - v) * t);
    // on the 9-decimal grid of stored vertices, as a written pipeline's (the overlay's 1e-12° grid does not move them)
    const [p0, p1] = [at(0.1), at(0.9)].map((p) => p.map((v) => Number(v.toFixed(9))));
    await srv.ownerQuery(
      `INSERT INTO pipelines (id, name, status, geom) VALUES ('px-edge', '沿界管线', 'operating', ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($1), 4490)))`,
      [JSON.stringify({ type: 'LineString', coordinates: [p0, p1] })],
    );
    // the input: concave, one edge along the pipeline through 21 vertices, each off it by 0…1e-8° (a GK round trip's
    // noise) towards the outside or exactly on it, so the whole pipeline is inside (on the input's boundary)
    let seed = 7;
    const noise = () => ((seed = (seed * 16807) % 2147483647) % 3 === 0 ? 0 : (seed / 2147483647) * 1e-8);
    const off = (p: number[], d: number) => (vertical ? [p[0] - d, p[1]] : [p[0], p[1] - d]);
    const along = Array.from({ length: 21 }, (_, i) => off(at(i / 20), noise()));
    const away = (t: number, d: number) => off(at(t), -d);
    const ring = [...along, away(1, 0.03), away(0.5, 0.01), away(0, 0.03), along[0]];
    const body = { type: 'Polygon', coordinates: [ring] };
    for (const coordinates of [[ring], [[...ring].reverse()]]) {
      const res = await fetch(`${srv.url}/api/checks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...body, coordinates }),
      });
      expect(res.status).toBe(200);
      const out = (await res.json()) as {
        conflicts: { collection: string; id: string; length_km: number; share_of_feature: number; crosses: string[] }[];
      };
      const hit = out.conflicts.find((c) => c.collection === 'pipelines' && c.id === 'px-edge');
      expect(hit, 'the pipeline crosses the protected area').toBeDefined();
      expect(hit!.crosses).toContain(edge.pa);
      const want = lengthKm(p0, p1);
      expect(Math.abs(hit!.length_km - want), `crossing ${hit!.length_km} km, pipeline ${want} km`).toBeLessThanOrEqual(1e-9 * want);
      expect(hit!.share_of_feature).toBeLessThanOrEqual(1);
      expect(hit!.share_of_feature).toBeGreaterThan(1 - 1e-9);
    }
  });
});
