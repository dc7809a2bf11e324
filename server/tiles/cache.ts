/** Content codings a cached tile is also kept in (compressed once, on the first request that accepts it). */
export type TileEncoding = 'br' | 'gzip';

/** What a cache entry costs beyond its tile's bytes, counted against the budget (measured ~0.6 KB; rounded up). */
export const TILE_ENTRY_BYTES = 1024;

/** One rendered tile: its MVT bytes and, once asked for, the same bytes compressed. */
export class CachedTile {
  readonly encoded: Partial<Record<TileEncoding, Buffer>> = {};
  constructor(readonly body: Buffer) {}

  /** bytes held: the tile and every compressed copy */
  get bytes(): number {
    return this.body.length + (this.encoded.br?.length ?? 0) + (this.encoded.gzip?.length ?? 0);
  }
}

/**
 * Tile cache (issue 17): rendered tiles in memory, bounded by bytes (compressed copies counted), least recently used
 * first out, keyed by layer, z/x/y and the layer's data version. A write bumps the version in the database (migration
 * 013), so a cached tile of an older version is never served again: it is simply not asked for, and ages out.
 */
export class TileCache {
  private readonly map = new Map<string, CachedTile>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  /**
   * `entryBytes`: what an entry costs beyond its tile's bytes (key, map slot, objects, the answer kept beside it), counted
   * in the budget: an empty tile (most tiles at high zooms) is not free, so distinct empty tiles cannot grow the cache
   * without bound.
   */
  constructor(
    private readonly maxBytes: number,
    private readonly entryBytes = TILE_ENTRY_BYTES,
  ) {}

  private cost(tile: CachedTile): number {
    return this.entryBytes + tile.bytes;
  }

  static key(layer: string, version: string, z: number, x: number, y: number): string {
    return `${layer}/${version}/${z}/${x}/${y}`;
  }

  get(key: string): CachedTile | undefined {
    const v = this.map.get(key);
    if (v === undefined) {
      this.misses++;
      return undefined;
    }
    this.used(key, v);
    return v;
  }

  /** The tile under `key`, neither counted nor made younger (see `used`). */
  peek(key: string): CachedTile | undefined {
    return this.map.get(key);
  }

  /** Count a hit on a tile `peek` found and make it the youngest. */
  used(key: string, v: CachedTile): void {
    // refresh recency: a Map iterates in insertion order, so re-inserting moves it to the young end
    this.map.delete(key);
    this.map.set(key, v);
    this.hits++;
  }

  /** Keep `body` under `key`; the entry, whether it could be kept (a tile larger than the whole budget is not) or not. */
  set(key: string, body: Buffer): CachedTile {
    const tile = new CachedTile(body);
    if (this.cost(tile) > this.maxBytes) return tile;
    const old = this.map.get(key);
    if (old) {
      this.bytes -= this.cost(old);
      this.map.delete(key);
    }
    this.map.set(key, tile);
    this.bytes += this.cost(tile);
    this.evict();
    return tile;
  }

  /** Keep a compressed copy beside a cached tile (nothing when the tile has left the cache meanwhile). */
  addEncoding(key: string, tile: CachedTile, encoding: TileEncoding, bytes: Buffer): void {
    if (this.map.get(key) !== tile || tile.encoded[encoding]) return;
    tile.encoded[encoding] = bytes;
    this.bytes += bytes.length;
    this.evict();
  }

  private evict(): void {
    for (const [k, v] of this.map) {
      if (this.bytes <= this.maxBytes) break;
      this.map.delete(k);
      this.bytes -= this.cost(v);
    }
  }

  get size(): number {
    return this.map.size;
  }

  get sizeBytes(): number {
    return this.bytes;
  }
}

/**
 * The layers' data versions as the database holds them. Read at start, re-read after this process writes (`refresh`),
 * and polled so that writes by another app instance reach this one within `pollMs`.
 */
export class DataVersions {
  private versions = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private inflight: Promise<void> | undefined;
  private dirty: Promise<void> | undefined;
  /** the read router's epoch when the versions held were read (undefined without a router) */
  private readEpoch: number | undefined;

  /**
   * `epoch` (with a read replica): changes when reads move between the replica and the primary; versions read in an
   * earlier epoch count as unknown, since the server tiles are now rendered on may be behind the one they came from.
   */
  constructor(
    private readonly read: () => Promise<Array<{ layer: string; version: string }>>,
    private readonly epoch?: () => number,
  ) {}

  /** The epoch the versions held were read in (see the constructor). */
  get epochRead(): number | undefined {
    return this.readEpoch;
  }

  /**
   * Re-read the versions (joining a read already under way). A failed read forgets them: versions that may be older than
   * the database must not key the cache or an ETag, so tiles bypass the cache until a read succeeds.
   */
  async refresh(): Promise<void> {
    const epoch = this.epoch?.();
    this.inflight ??= this.read()
      .then(
        (rows) => {
          this.versions = new Map(rows.map((r) => [r.layer, r.version]));
          // reads moved meanwhile: the versions are kept for the ETag but tiles rendered now are not cached under them
          this.readEpoch = this.epoch?.() === epoch ? epoch : undefined;
        },
        (e: unknown) => {
          this.versions = new Map();
          throw e;
        },
      )
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }

  /**
   * This process just wrote: re-read now, and make `settled()` wait for it, so a tile asked for after the write's answer
   * already carries the new version (read-your-writes within one instance).
   */
  invalidate(): void {
    // a read already under way may have started before the write committed: re-read after it, never join it
    const p = (this.inflight ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.refresh())
      .catch(() => undefined);
    this.dirty = p;
    void p.then(() => {
      if (this.dirty === p) this.dirty = undefined;
    });
  }

  /** Resolves once a re-read asked for by a local write has landed (at once when none is pending). */
  async settled(): Promise<void> {
    if (this.dirty) await this.dirty;
  }

  /** Whether a re-read asked for by a local write is still under way (`settled()` would wait). */
  get pending(): boolean {
    return this.dirty !== undefined;
  }

  /**
   * The layer's version, or undefined when it was never read or was read on the other server (the caller then reads
   * the versions again, or bypasses the cache).
   */
  of(layer: string): string | undefined {
    if (this.epoch && this.epoch() !== this.readEpoch) return undefined;
    return this.versions.get(layer);
  }

  start(pollMs: number): void {
    if (pollMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
