/**
 * Cold tiles several to a statement (issue 17, server/tiles/batch.ts) over a fake database: tiles asked for together
 * share the free statements, a tile alone goes alone, and one failing tile fails only itself.
 */
import { describe, expect, it } from 'vitest';
import type { Queryable } from '../db';
import { TileBatcher } from './batch';

interface Call {
  name: string;
  params: unknown[];
}

/** Answers every tile as the bytes "layer/z/x/y"; a tile with x = 666 makes its statement fail. */
function fakeDb() {
  const calls: Call[] = [];
  const bytes = (l: unknown, z: unknown, x: unknown, y: unknown) => Buffer.from(`${l}/${z}/${x}/${y}`);
  const db = {
    calls,
    running: 0,
    mostAtOnce: 0,
    named: async (name: string, params: unknown[]) => {
      calls.push({ name, params });
      db.mostAtOnce = Math.max(db.mostAtOnce, ++db.running);
      await new Promise((r) => setTimeout(r, 5));
      db.running--;
      if (name === 'layer_tile_mvt') {
        if (params[2] === 666) throw new Error('GEOS said no');
        return { rows: [{ mvt: params[2] === 0 ? null : bytes(...(params as [unknown, unknown, unknown, unknown])) }] };
      }
      const [l, z, x, y] = params as number[][];
      if (x.includes(666)) throw new Error('GEOS said no');
      return { rows: l.map((_, k) => ({ i: k + 1, mvt: x[k] === 0 ? null : bytes(l[k], z[k], x[k], y[k]) })) };
    },
  };
  return db;
}

const asked = (b: TileBatcher, xs: number[]) => Promise.allSettled(xs.map((x) => b.render(x % 2 ? 'wells' : 'reserves', 12, x, 7)));

describe('tile batches (server/tiles/batch.ts)', () => {
  it('sends a tile asked for alone by itself, with the one-tile statement', async () => {
    const db = fakeDb();
    const b = new TileBatcher(db as unknown as Queryable, 2);
    expect((await b.render('wells', 12, 3, 7)).toString()).toBe('wells/12/3/7');
    expect(db.calls).toEqual([{ name: 'layer_tile_mvt', params: ['wells', 12, 3, 7] }]);
  });

  it('shares tiles asked for at once among the free statements, and queues the rest for the next', async () => {
    const db = fakeDb();
    const b = new TileBatcher(db as unknown as Queryable, 2, 16);
    const first = asked(b, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // asked while both statements run: they wait, then go together
    await new Promise((r) => setTimeout(r, 1));
    const later = asked(b, [11, 12, 13, 14, 15]);
    const all = [...(await first), ...(await later)];
    expect(all.map((r) => (r.status === 'fulfilled' ? r.value.toString() : 'failed'))).toEqual(
      Array.from({ length: 15 }, (_, k) => `${(k + 1) % 2 ? 'wells' : 'reserves'}/12/${k + 1}/7`),
    );
    const sizes = db.calls.map((c) => (c.params[0] as string[]).length);
    // ten at once on two free statements: five each; the five later ones share what is free when they go
    expect(sizes.slice(0, 2)).toEqual([5, 5]);
    expect(sizes.slice(2).reduce((a, n) => a + n, 0)).toBe(5);
    expect(sizes.length).toBeLessThanOrEqual(4);
    expect(db.calls.every((c) => c.name === 'layer_tiles_mvt')).toBe(true);
    expect(b.sent).toEqual({ statements: sizes.length, tiles: 15 });
  });

  it('keeps batches at most maxBatch tiles, and never runs more statements than allowed', async () => {
    const db = fakeDb();
    const b = new TileBatcher(db as unknown as Queryable, 1, 4);
    await asked(
      b,
      Array.from({ length: 10 }, (_, k) => k + 1),
    );
    expect(db.calls.map((c) => (c.params[0] as string[]).length)).toEqual([4, 4, 2]);
    expect(db.mostAtOnce).toBe(1);
  });

  it('answers an empty tile (no row bytes) as empty bytes', async () => {
    const b = new TileBatcher(fakeDb() as unknown as Queryable, 1);
    const [a, c] = await Promise.all([b.render('wells', 12, 0, 7), b.render('wells', 12, 1, 7)]);
    expect(a.length).toBe(0);
    expect(c.toString()).toBe('wells/12/1/7');
  });

  it('fails only the tile that fails alone: a failed batch is asked again tile by tile', async () => {
    const db = fakeDb();
    const b = new TileBatcher(db as unknown as Queryable, 1);
    const r = await asked(b, [1, 666, 3]);
    expect(r.map((x) => x.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((r[1] as PromiseRejectedResult).reason.message).toBe('GEOS said no');
    expect(db.calls.map((c) => c.name)).toEqual(['layer_tiles_mvt', 'layer_tile_mvt', 'layer_tile_mvt', 'layer_tile_mvt']);
    // the tiles asked again one after another, in the failed statement's place
    expect(db.mostAtOnce).toBe(1);
  });

  it('does not trust an answer missing tiles: those tiles are asked again one by one', async () => {
    const db = fakeDb();
    const named = db.named;
    db.named = async (name, params) => {
      const res = await named(name, params);
      return name === 'layer_tiles_mvt' ? { rows: res.rows.slice(1) } : res;
    };
    const b = new TileBatcher(db as unknown as Queryable, 1);
    const r = await Promise.all([b.render('wells', 12, 1, 7), b.render('wells', 12, 2, 7)]);
    expect(r.map(String)).toEqual(['wells/12/1/7', 'wells/12/2/7']);
  });
});
