/**
 * Generated check inputs for the differential suite: seeded fast-check arbitraries over the demo data.
 * Every input is a valid lon/lat Polygon or MultiPolygon (as the check route would accept) placed near
 * stored features: boxes, concave (star) and holed polygons, multipolygons, inputs touching, containing
 * and inside stored blocks, and any of them with Gauss-Krüger round-trip noise (lon/lat → 3° GK, mm →
 * lon/lat, as a 国土 TXT file does).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { gkConverter, gkCrsForZone, lonLatToGkConverter, zone3ForLon } from '../../server/geodesy/crs';
import { DEMO_DIR } from '../../server/seed/load-demo';

export interface GeneratedInput {
  kind: string;
  geometry: Polygon | MultiPolygon;
  applicant: string | null;
}

interface Stored {
  id: string;
  holder: string | null;
  bbox: [number, number, number, number];
  /** a point inside (centre of the first ring's first edge's inward neighbourhood is not trivial: use a vertex-adjacent inset) */
  inside: [number, number];
}

function bboxOf(coords: Position[][][]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of coords)
    for (const [x, y] of p[0]) {
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    }
  return b;
}

/** Even-odd point in polygon (first polygon's rings). */
function inside(rings: Position[][], x: number, y: number): boolean {
  let c = false;
  for (const r of rings)
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi, yi] = r[i];
      const [xj, yj] = r[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
    }
  return c;
}

export function storedBlocks(): Stored[] {
  const fcBlocks = JSON.parse(readFileSync(join(DEMO_DIR, 'blocks.geojson'), 'utf8')) as {
    features: { properties: { id: string; holder: string | null }; geometry: MultiPolygon }[];
  };
  return fcBlocks.features.map((f) => {
    const c = f.geometry.coordinates;
    const bbox = bboxOf(c);
    // a point inside: scan a small grid for the first point inside the first polygon
    let pt: [number, number] = [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2];
    outer: for (let i = 1; i < 10; i++)
      for (let j = 1; j < 10; j++) {
        const x = bbox[0] + ((bbox[2] - bbox[0]) * i) / 10;
        const y = bbox[1] + ((bbox[3] - bbox[1]) * j) / 10;
        if (inside(c[0], x, y)) {
          pt = [x, y];
          break outer;
        }
      }
    return { id: f.properties.id, holder: f.properties.holder, bbox, inside: pt };
  });
}

const close = (r: Position[]) => [...r, r[0]];
const box = (x0: number, y0: number, x1: number, y1: number): Position[] =>
  close([
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ]);
/** clockwise ring (a hole, RFC 7946) */
const cwBox = (x0: number, y0: number, x1: number, y1: number): Position[] =>
  close([
    [x0, y0],
    [x0, y1],
    [x1, y1],
    [x1, y0],
  ]);

/** Lon/lat → 3° GK (rounded to mm, as the 国土 TXT exporter writes) → lon/lat: the ~1e-9° noise of issue 9. */
export function gkRoundTrip<G extends Polygon | MultiPolygon>(g: G): G {
  const first = g.type === 'Polygon' ? g.coordinates[0][0] : g.coordinates[0][0][0];
  const crs = gkCrsForZone(zone3ForLon(first[0]))!;
  const to = lonLatToGkConverter(crs);
  const back = gkConverter(crs);
  const ring = (r: Position[]) => {
    const out = r.slice(0, -1).map(([lon, lat]) => {
      const { x, y } = to(lon, lat);
      return back(Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000) as Position;
    });
    return close(out);
  };
  return (
    g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
      : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) }
  ) as G;
}

const r6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** One arbitrary per input kind; `blocks` are the stored blocks the inputs are placed on. */
export function inputArbitrary(blocks: Stored[]): fc.Arbitrary<GeneratedInput> {
  const block = fc.constantFrom(...blocks);
  const size = fc.double({ min: 0.01, max: 0.12, noNaN: true });
  const frac = fc.double({ min: 0, max: 1, noNaN: true });
  const applicant = fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: block.map((b) => b.holder) });
  // a point near a block: anywhere over its bbox and a margin around it
  const near = fc.tuple(block, frac, frac).map(([b, u, v]): [number, number] => {
    const m = 0.05;
    return [r6(b.bbox[0] - m + (b.bbox[2] - b.bbox[0] + 2 * m) * u), r6(b.bbox[1] - m + (b.bbox[3] - b.bbox[1] + 2 * m) * v)];
  });

  const boxes = fc
    .tuple(near, size, size)
    .map(([[x, y], w, h]): GeneratedInput['geometry'] => ({ type: 'Polygon', coordinates: [box(x, y, r6(x + w), r6(y + h))] }));
  const stars = fc
    .tuple(near, size, fc.array(fc.double({ min: 0.35, max: 1, noNaN: true }), { minLength: 5, maxLength: 14 }), frac)
    .map(([[x, y], s, radii, phase]): GeneratedInput['geometry'] => {
      // star-shaped around (x, y): simple, concave where radii alternate
      const n = radii.length;
      const ring = radii.map((r, i) => {
        const a = ((i + phase) / n) * 2 * Math.PI;
        return [x + s * r * Math.cos(a), y + s * r * 0.8 * Math.sin(a)] as Position;
      });
      return { type: 'Polygon', coordinates: [close(ring)] };
    });
  const holed = fc
    .tuple(near, size, fc.double({ min: 0.2, max: 0.6, noNaN: true }))
    .map(([[x, y], s, hole]): GeneratedInput['geometry'] => {
      const h0 = s * (0.5 - hole / 2);
      const h1 = s * (0.5 + hole / 2);
      return { type: 'Polygon', coordinates: [box(x, y, x + s, y + s), cwBox(x + h0, y + h0, x + h1, y + h1)] };
    });
  const multi = fc
    .tuple(near, size, size, fc.double({ min: 0.002, max: 0.1, noNaN: true }))
    .map(([[x, y], a, b, gap]): GeneratedInput['geometry'] => ({
      type: 'MultiPolygon',
      coordinates: [[box(x, y, x + a, y + a)], [box(x + a + gap, y, x + 2 * a + gap, y + b)]],
    }));
  // touching: a box sharing the line x = the block's east (or west) extreme, from outside
  const touching = fc.tuple(block, frac, size, fc.boolean()).map(([b, u, s, east]): GeneratedInput['geometry'] => {
    const y = b.bbox[1] + (b.bbox[3] - b.bbox[1]) * u * 0.8;
    return { type: 'Polygon', coordinates: [east ? box(b.bbox[2], y, b.bbox[2] + s, y + s) : box(b.bbox[0] - s, y, b.bbox[0], y + s)] };
  });
  const containing = fc.tuple(block, fc.double({ min: 0.001, max: 0.05, noNaN: true })).map(([b, m]): GeneratedInput['geometry'] => ({
    type: 'Polygon',
    coordinates: [box(b.bbox[0] - m, b.bbox[1] - m, b.bbox[2] + m, b.bbox[3] + m)],
  }));
  const insideBlock = fc.tuple(block, fc.double({ min: 0.001, max: 0.01, noNaN: true })).map(([b, s]): GeneratedInput['geometry'] => {
    const [x, y] = b.inside;
    return { type: 'Polygon', coordinates: [box(x - s / 2, y - s / 2, x + s / 2, y + s / 2)] };
  });

  const kinds: [string, fc.Arbitrary<GeneratedInput['geometry']>][] = [
    ['box', boxes],
    ['concave', stars],
    ['holed', holed],
    ['multipolygon', multi],
    ['touching', touching],
    ['containing', containing],
    ['inside', insideBlock],
  ];
  return fc
    .tuple(fc.constantFrom(...kinds), fc.boolean(), applicant)
    .chain(([[kind, arb], noisy, who]) =>
      arb.map((g) => ({ kind: noisy ? `${kind}+gk-noise` : kind, geometry: noisy ? gkRoundTrip(g) : g, applicant: who })),
    );
}
