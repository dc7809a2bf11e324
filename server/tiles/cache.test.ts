import { describe, expect, it } from 'vitest';
import { DataVersions, TILE_ENTRY_BYTES, TileCache } from './cache';

describe('tile cache', () => {
  it('keeps tiles within its byte budget, dropping the least recently used first', () => {
    const c = new TileCache(30, 0);
    c.set('a', Buffer.alloc(10));
    c.set('b', Buffer.alloc(10));
    c.set('c', Buffer.alloc(10));
    expect(c.get('a')).toBeDefined(); // a is now the most recent
    c.set('d', Buffer.alloc(10)); // over budget: b (least recent) goes
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBeDefined();
    expect(c.get('c')).toBeDefined();
    expect(c.get('d')).toBeDefined();
    expect(c.sizeBytes).toBe(30);
  });

  it('never holds a tile larger than the whole budget, and replacing a key keeps the byte count right', () => {
    const c = new TileCache(10, 0);
    c.set('big', Buffer.alloc(11));
    expect(c.size).toBe(0);
    c.set('k', Buffer.alloc(4));
    c.set('k', Buffer.alloc(6));
    expect(c.sizeBytes).toBe(6);
  });

  it('counts compressed copies in the budget, and keeps none for a tile that has left the cache', () => {
    const c = new TileCache(30, 0);
    const a = c.set('a', Buffer.alloc(10));
    c.addEncoding('a', a, 'gzip', Buffer.alloc(4));
    expect(c.get('a')?.encoded.gzip?.length).toBe(4);
    expect(c.sizeBytes).toBe(14);
    c.set('b', Buffer.alloc(10));
    c.set('c', Buffer.alloc(10)); // 34 bytes: a (least recent, with its copy) goes
    expect(c.get('a')).toBeUndefined();
    expect(c.sizeBytes).toBe(20);
    c.addEncoding('a', a, 'br', Buffer.alloc(3)); // a is gone: nothing kept, nothing counted
    expect(c.sizeBytes).toBe(20);
    const b = c.get('b')!;
    c.addEncoding('b', b, 'br', Buffer.alloc(5));
    c.addEncoding('b', b, 'br', Buffer.alloc(6)); // a second copy of the same coding is not counted twice
    expect(c.sizeBytes).toBe(25);
  });

  it('counts what an entry costs beyond its bytes: distinct empty tiles cannot grow it without bound', () => {
    const c = new TileCache(10 * TILE_ENTRY_BYTES);
    for (let i = 0; i < 1000; i++) c.set(`wells/1/14/${i}/0`, Buffer.alloc(0));
    expect(c.size).toBe(10);
    expect(c.sizeBytes).toBe(10 * TILE_ENTRY_BYTES);
    expect(c.get('wells/1/14/999/0')).toBeDefined(); // the youngest are kept
    expect(c.get('wells/1/14/0/0')).toBeUndefined();
    c.set('big', Buffer.alloc(10 * TILE_ENTRY_BYTES)); // with its entry's cost it exceeds the budget: not kept
    expect(c.get('big')).toBeUndefined();
  });

  it('a new data version is a different key: an old tile is never served for new data', () => {
    expect(TileCache.key('blocks', '7', 10, 1, 2)).not.toBe(TileCache.key('blocks', '8', 10, 1, 2));
  });
});

describe('data versions', () => {
  it('reads the versions, and one refresh at a time however many ask', async () => {
    let reads = 0;
    let v = 1;
    const d = new DataVersions(async () => {
      reads++;
      await new Promise((r) => setTimeout(r, 10));
      return [{ layer: 'blocks', version: String(v) }];
    });
    expect(d.of('blocks')).toBeUndefined();
    await Promise.all([d.refresh(), d.refresh(), d.refresh()]);
    expect(reads).toBe(1);
    expect(d.of('blocks')).toBe('1');
    v = 2;
    await d.refresh();
    expect(d.of('blocks')).toBe('2');
  });
});

describe('read-your-writes', () => {
  it('after invalidate(), settled() waits for the re-read', async () => {
    let v = 1;
    const d = new DataVersions(async () => {
      await new Promise((r) => setTimeout(r, 20));
      return [{ layer: 'wells', version: String(v) }];
    });
    await d.refresh();
    v = 2;
    d.invalidate();
    await d.settled();
    expect(d.of('wells')).toBe('2');
  });
});

describe('read-your-writes when reads race or fail', () => {
  it('a read already under way when the write is answered is not taken as the re-read', async () => {
    let v = 1;
    let release: () => void = () => undefined;
    const d = new DataVersions(async () => {
      const seen = v; // the read sees the database as it was when it started
      await new Promise<void>((r) => (release = r));
      return [{ layer: 'blocks', version: String(seen) }];
    });
    const first = d.refresh(); // e.g. the poll, started before the write committed
    v = 2; // the write commits, then its answer calls invalidate()
    d.invalidate();
    release();
    await first;
    await new Promise((r) => setTimeout(r, 0));
    release(); // the re-read, started after the write
    await d.settled();
    expect(d.of('blocks')).toBe('2');
  });

  it('a failed re-read forgets the versions: tiles bypass the cache rather than serve the old version', async () => {
    let fail = false;
    const d = new DataVersions(async () => {
      if (fail) throw new Error('connection lost');
      return [{ layer: 'blocks', version: '1' }];
    });
    await d.refresh();
    expect(d.of('blocks')).toBe('1');
    fail = true;
    d.invalidate();
    await d.settled();
    expect(d.of('blocks')).toBeUndefined();
    fail = false;
    await d.refresh();
    expect(d.of('blocks')).toBe('1');
  });
});
