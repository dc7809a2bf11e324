/**
 * Issue 17: cold tiles are rendered several to one statement on PostGIS (server/tiles/batch.ts,
 * sql/queries/layer_tiles_mvt.sql). A batched tile must be the tile its own statement renders: every layer, zooms
 * 8–14, full and empty tiles, layers mixed in one statement, and over HTTP while many tiles are asked for at once.
 */
import { describe, expect, it } from 'vitest';
import { isPrepared, namedQuery } from '../../server/db/sql-files';
import { batchParams } from '../../server/tiles/batch';
import { DataVersions } from '../../server/tiles/cache';
import { TILE_LAYERS, TileService } from '../../server/tiles/service';
import { useTestServer } from '../helpers/server';

const srv = useTestServer({ TILE_CACHE_MB: '0' });

/** 3×3 tiles around a point of 沁水 (112.6°E, 35.9°N) at z, and one in the sea (empty everywhere). */
function tilesAt(z: number): [number, number, number][] {
  const n = 2 ** z;
  const cx = Math.floor(((112.6 + 180) / 360) * n);
  const r = (35.9 * Math.PI) / 180;
  const cy = Math.floor(((1 - Math.asinh(Math.tan(r)) / Math.PI) / 2) * n);
  const out: [number, number, number][] = [[z, Math.floor(n * 0.9), Math.floor(n * 0.6)]];
  for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) out.push([z, cx + dx, cy + dy]);
  return out;
}

const ASKS = TILE_LAYERS.flatMap((layer) => [8, 10, 12, 14].flatMap((z) => tilesAt(z).map(([tz, x, y]) => ({ layer, z: tz, x, y }))));

/** A tile's bytes as hex ('' for an empty tile): a tile renders to the same bytes every time (features in id order). */
const bytes = (b: Buffer | null | undefined) => (b ?? Buffer.alloc(0)).toString('hex');

/** Each tile rendered by its own statement, as before batches: the reference. */
async function oneByOne(): Promise<string[]> {
  const out: string[] = [];
  for (const a of ASKS) {
    const row = (await srv.db.named<{ mvt: Buffer | null }>('layer_tile_mvt', [a.layer, a.z, a.x, a.y])).rows[0];
    out.push(bytes(row?.mvt));
  }
  return out;
}

describe('tiles in batches (PostGIS)', () => {
  it('renders every tile of one mixed statement as its own statement does', async () => {
    const reference = await oneByOne();
    expect(reference.filter((c) => c !== '').length, 'some tiles have features').toBeGreaterThan(ASKS.length / 3);
    expect(reference.filter((c) => c === '').length, 'and some are empty').toBeGreaterThan(0);
    const rows = (await srv.db.named<{ i: number; mvt: Buffer | null }>('layer_tiles_mvt', batchParams(ASKS))).rows;
    expect(rows.map((r) => r.i).sort((a, b) => a - b)).toEqual(ASKS.map((_, k) => k + 1));
    const batched = new Map(rows.map((r) => [r.i, bytes(r.mvt)]));
    ASKS.forEach((a, k) => expect(batched.get(k + 1), `${a.layer} ${a.z}/${a.x}/${a.y}`).toBe(reference[k]));
  });

  it('sends the tile statements prepared (parsed once per connection), rendering what their text sent as it is renders', async () => {
    const reference = await oneByOne();
    // the statements' text sent as it is: parsed and planned at each tile, pg's unnamed statement
    const text = (name: string, params: unknown[]) => srv.db.query<{ i?: number; mvt: Buffer | null }>(namedQuery(name), params);
    const asText: string[] = [];
    for (const a of ASKS) asText.push(bytes((await text('layer_tile_mvt', [a.layer, a.z, a.x, a.y])).rows[0]?.mvt));
    expect(asText).toEqual(reference);
    const batchedAsText = new Map((await text('layer_tiles_mvt', batchParams(ASKS))).rows.map((r) => [r.i, bytes(r.mvt)]));
    ASKS.forEach((a, k) => expect(batchedAsText.get(k + 1), `${a.layer} ${a.z}/${a.x}/${a.y}`).toBe(reference[k]));
    // on one connection: both tile statements are prepared under their names, once, and used again (past the switch
    // to a generic plan at the sixth execution)
    const prepared = await srv.db.transaction(async (tx) => {
      for (const a of ASKS.slice(0, 8)) await tx.named('layer_tile_mvt', [a.layer, a.z, a.x, a.y]);
      for (let i = 0; i < 7; i++) await tx.named('layer_tiles_mvt', batchParams(ASKS.slice(i * 4, i * 4 + 4)));
      return (
        await tx.query<{ name: string; generic_plans: number; custom_plans: number }>(
          `SELECT name, generic_plans::int, custom_plans::int FROM pg_prepared_statements WHERE name LIKE 'kq\\_%' ORDER BY name`,
        )
      ).rows;
    });
    expect(prepared.map((p) => p.name)).toEqual(['kq_layer_tile_mvt', 'kq_layer_tiles_mvt']);
    for (const p of prepared) expect(p.generic_plans + p.custom_plans, p.name).toBeGreaterThanOrEqual(7);
    expect(isPrepared('layer_tile_mvt') && isPrepared('layer_tiles_mvt') && !isPrepared('conflicts_blocks')).toBe(true);
  });

  it('renders a tile to the same bytes every time, alone or in a batch (features in id order)', async () => {
    const full = ASKS.filter((_, k) => k % 2 === 0);
    const alone = async () =>
      Promise.all(
        full.map(async (a) => (await srv.db.named<{ mvt: Buffer | null }>('layer_tile_mvt', [a.layer, a.z, a.x, a.y])).rows[0].mvt),
      );
    const first = await alone();
    // on other pool connections, after the plans have been cached (plpgsql's generic plan after five runs)
    for (let i = 0; i < 6; i++) await alone();
    const again = await alone();
    const batch = (await srv.db.named<{ i: number; mvt: Buffer | null }>('layer_tiles_mvt', batchParams(full))).rows.sort(
      (a, b) => a.i - b.i,
    );
    full.forEach((a, k) => {
      const at = `${a.layer} ${a.z}/${a.x}/${a.y}`;
      expect(again[k]?.toString('hex'), at).toBe(first[k]?.toString('hex'));
      expect(batch[k].mvt?.toString('hex'), at).toBe(first[k]?.toString('hex'));
    });
  });

  it('batches tiles asked for at once through the tile service, each answered with its own tile', async () => {
    const reference = await oneByOne();
    const versions = new DataVersions(async () => (await srv.db.named<{ layer: string; version: string }>('data_versions')).rows);
    await versions.refresh();
    const service = new TileService({ db: srv.db, versions, statements: 2 });
    const answers = await Promise.all(ASKS.map((a) => service.answer(a)));
    answers.forEach((r, k) => expect(bytes(r.body), JSON.stringify(ASKS[k])).toBe(reference[k]));
    expect(answers.map((r) => r.status)).toEqual(reference.map((c) => (c === '' ? 204 : 200)));
    // every tile went in a statement of several
    expect(service.batcher!.sent.tiles).toBe(ASKS.length);
    expect(service.batcher!.sent.statements).toBeLessThanOrEqual(Math.ceil(ASKS.length / 16) + 2);
  });

  it('answers tiles asked for at once over HTTP as tiles asked for one by one', async () => {
    const some = ASKS.filter((_, k) => k % 3 === 0);
    const get = async (a: (typeof ASKS)[number]) => {
      const r = await fetch(`${srv.url}/tiles/${a.layer}/${a.z}/${a.x}/${a.y}.mvt`);
      return `${r.status} ${bytes(Buffer.from(await r.arrayBuffer()))}`;
    };
    const together = await Promise.all(some.map(get));
    const alone: string[] = [];
    for (const a of some) alone.push(await get(a));
    expect(together).toEqual(alone);
  });
});
