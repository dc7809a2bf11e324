/**
 * Tiles known to be empty without rendering them (issue 17). Most tiles a map asks for at z11–z14 have nothing of a
 * sparse layer in them (measured over 沁水: 70–96 % of red-line, reserve and protected-area tiles at z12–z14), yet each
 * cost a statement that finds no row. Every layer's tile statement keeps exactly the rows whose box meets the tile's
 * envelope widened by 1/16 tile (`geom && kq_tile_envelope(z, x, y)`, sql/functions/layer_features.sql), so when no
 * row's box comes near the tile, its answer is the empty tile, whatever the layer's rules past that filter.
 *
 * Held per layer table: the boxes of every row (of a pipeline's pieces: a bending line's own box is mostly empty
 * tiles), read with the layer's data version in one statement (sql/queries/layer_boxes.sql), in a packed R-tree. They
 * answer only for that version: a tile asked for under any other version (a write since, here or in another instance)
 * is rendered as before, while the boxes are read again when those held are older. Conservative by
 * construction: the envelope tested here is twice the SQL's margin wider (1/8 tile each side, ≥ 150 m at z14), far
 * beyond the float4 rounding of index boxes and any datum difference between the tile grid and CGCS2000, so a
 * tile with anything in it is never taken for empty; one with only a box near it is simply rendered.
 * Tested against the rendered tiles of every layer (test/api/tile-extents.test.ts).
 */
import Flatbush from 'flatbush';

/** Tiles of margin around a tile tested for boxes (the tile statement's own is 1/16: kq_tile_envelope). */
export const EXTENT_MARGIN = 0.125;

/** After a failed read of a layer's boxes, tiles go to SQL for this long before the boxes are read again. */
const RETRY_MS = 5_000;

/** The longitude of tile column edge `t` of `n` (module-level, not a closure per call: this runs for most tiles asked). */
const tileLon = (t: number, n: number) => (t / n) * 360 - 180;
/** Web Mercator's inverse (EPSG:3857 → lon/lat) at tile row edge `t` of `n`: monotonic, so the envelope stays a lon/lat rectangle. */
const tileLat = (t: number, n: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * t) / n))) * 180) / Math.PI;

/** A tile's envelope in lon/lat degrees, `margin` tiles wider on every side: [west, south, east, north]. */
export function tileBounds(z: number, x: number, y: number, margin: number): [number, number, number, number] {
  const n = 2 ** z;
  return [tileLon(x - margin, n), tileLat(y + 1 + margin, n), tileLon(x + 1 + margin, n), tileLat(y - margin, n)];
}

/** One layer's rows at one data version: their boxes, or none at all. */
interface Held {
  version: string;
  index: Flatbush | undefined;
}

/** Thrown out of a search at its first box: one is enough to know the tile must be rendered. */
const FOUND = Symbol('found');

function anyBox(index: Flatbush, w: number, s: number, e: number, n: number): boolean {
  try {
    index.search(w, s, e, n, () => {
      throw FOUND;
    });
    return false;
  } catch (err) {
    if (err === FOUND) return true;
    throw err;
  }
}

/** The boxes `layer_boxes` answers: big-endian float8 xmin, ymin, xmax, ymax per row, in a packed R-tree. */
export function boxIndex(boxes: Uint8Array): Flatbush | undefined {
  if (boxes.byteLength % 32 !== 0) throw new Error(`layer boxes: ${boxes.byteLength} bytes is not a whole number of boxes`);
  const count = boxes.byteLength / 32;
  if (count === 0) return undefined;
  const view = new DataView(boxes.buffer, boxes.byteOffset, boxes.byteLength);
  const index = new Flatbush(count);
  for (let i = 0; i < boxes.byteLength; i += 32)
    index.add(view.getFloat64(i), view.getFloat64(i + 8), view.getFloat64(i + 16), view.getFloat64(i + 24));
  index.finish();
  return index;
}

/**
 * `layer_boxes` for a table: version null for a table it does not know; boxes null for a table it has no branch for
 * (a tile layer added without one). Either way nothing is held: tiles are rendered, never all called empty.
 */
export type BoxesRead = (table: string) => Promise<{ version: string | null; boxes: Uint8Array | null }>;

export class TileExtents {
  private readonly held = new Map<string, Held>();
  private readonly reading = new Map<string, Promise<void>>();
  private readonly failedAt = new Map<string, number>();

  constructor(private readonly read: BoxesRead) {}

  /**
   * True only when the rows of `table` at exactly `version` are held and no row's box comes near tile z/x/y; false
   * otherwise (render it), starting a read of the boxes when none are held or those held are older than `version`
   * (newer ones: this process's versions are behind the database's and catch up with their next read).
   */
  empty(table: string, version: string, z: number, x: number, y: number): boolean {
    const held = this.held.get(table);
    if (held?.version !== version) {
      if (!held || BigInt(held.version) < BigInt(version)) void this.readBoxes(table);
      return false;
    }
    if (!held.index) return true;
    const [w, s, e, n] = tileBounds(z, x, y, EXTENT_MARGIN);
    return !anyBox(held.index, w, s, e, n);
  }

  /** The version whose boxes are held for `table` (tests; undefined before the first read lands). */
  versionHeld(table: string): string | undefined {
    return this.held.get(table)?.version;
  }

  /** Read `table`'s boxes (one read at a time a table; none for a while after one failed). Resolves when it landed. */
  readBoxes(table: string): Promise<void> {
    const under = this.reading.get(table);
    if (under) return under;
    const failed = this.failedAt.get(table);
    if (failed !== undefined && Date.now() - failed < RETRY_MS) return Promise.resolve();
    const p = this.read(table)
      .then(({ version, boxes }) => {
        if (version === null) return;
        if (boxes === null) throw new Error(`layer_boxes has no boxes for ${table}`);
        this.held.set(table, { version, index: boxIndex(boxes) });
        this.failedAt.delete(table);
      })
      .catch(() => {
        // tiles are rendered meanwhile: the boxes only ever save work
        this.failedAt.set(table, Date.now());
      })
      .finally(() => this.reading.delete(table));
    this.reading.set(table, p);
    return p;
  }
}
