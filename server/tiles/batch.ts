/**
 * Cold tiles rendered several to one statement on PostGIS (issue 17).
 *
 * A cheap tile (a few features, or none) costs the database mostly the statement around it: the protocol round trip,
 * parsing and planning `kq_tile_mvt`'s body, starting and ending the transaction. Measured on the demo data (2 cores,
 * docs/benchmarks.md, "tiles in batches"): 210 µs of database CPU per reserves tile at z12 one statement per tile,
 * 81 µs four to a statement, 53 µs eight to a statement. So at most `statements` tile statements run at once per
 * service instance; tiles asked for while they run wait in a queue and go together in the next one, up to `maxBatch`.
 * Nothing waits when the service is idle: a tile asked for alone is sent alone on the next turn of the event loop.
 *
 * Bounding the statements also keeps a burst of tiles (a map panned by many users) from taking every pool connection
 * from checks and writes.
 */
import type { Queryable } from '../db';

const EMPTY = Buffer.alloc(0);

interface Job extends TileRef {
  done: (mvt: Buffer) => void;
  fail: (e: unknown) => void;
}

export interface TileRef {
  layer: string;
  z: number;
  x: number;
  y: number;
}

/** The parameters of `layer_tiles_mvt` for these tiles (layers, z, x, y as arrays of one length). */
export const batchParams = (tiles: TileRef[]): [string[], number[], number[], number[]] => [
  tiles.map((t) => t.layer),
  tiles.map((t) => t.z),
  tiles.map((t) => t.x),
  tiles.map((t) => t.y),
];

export class TileBatcher {
  private readonly queue: Job[] = [];
  private running = 0;
  private flushing = false;
  /** statements sent and tiles in them (the tests read these) */
  readonly sent = { statements: 0, tiles: 0 };

  constructor(
    private readonly db: Queryable,
    private readonly statements = 2,
    private readonly maxBatch = 16,
  ) {}

  /** One tile's MVT bytes (empty: no feature in the tile). */
  render(layer: string, z: number, x: number, y: number): Promise<Buffer> {
    return new Promise((done, fail) => {
      this.queue.push({ layer, z, x, y, done, fail });
      this.schedule();
    });
  }

  /** Tiles asked for in one turn of the event loop (a browser's burst) are shared out among the free statements. */
  private schedule(): void {
    if (this.flushing || !this.queue.length || this.running >= this.statements) return;
    this.flushing = true;
    setImmediate(() => {
      this.flushing = false;
      while (this.queue.length && this.running < this.statements) {
        const free = this.statements - this.running;
        const batch = this.queue.splice(0, Math.min(this.maxBatch, Math.ceil(this.queue.length / free)));
        this.running++;
        void this.run(batch).finally(() => {
          this.running--;
          this.schedule();
        });
      }
    });
  }

  private async run(batch: Job[]): Promise<void> {
    this.sent.statements++;
    this.sent.tiles += batch.length;
    try {
      if (batch.length === 1) {
        const [j] = batch;
        return j.done(await this.one(j));
      }
      const rows = (await this.db.named<{ i: number; mvt: Buffer | null }>('layer_tiles_mvt', batchParams(batch))).rows;
      const out = new Map(rows.map((r) => [r.i, r.mvt ?? EMPTY]));
      if (out.size !== batch.length) throw new Error(`layer_tiles_mvt answered ${out.size} of ${batch.length} tiles`);
      batch.forEach((j, k) => j.done(out.get(k + 1)!));
    } catch (e) {
      if (batch.length === 1) return batch[0].fail(e);
      // one tile's failure (or the batch's timeout) fails the statement: each tile again on its own, so only a tile that
      // fails alone fails, with its own error; one after another, within this statement's place (the pool stays free)
      for (const j of batch) await this.one(j).then(j.done, j.fail);
    }
  }

  private async one(j: Job): Promise<Buffer> {
    const row = (await this.db.named<{ mvt: Buffer | null }>('layer_tile_mvt', [j.layer, j.z, j.x, j.y])).rows[0];
    // the driver's Buffer as it is: no copy
    return row?.mvt ?? EMPTY;
  }
}
