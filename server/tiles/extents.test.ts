import { describe, expect, it } from 'vitest';
import { boxIndex, EXTENT_MARGIN, tileBounds, TileExtents } from './extents';

/** Boxes as layer_boxes answers them: float8 big-endian xmin, ymin, xmax, ymax per row. */
function boxBytes(...boxes: [number, number, number, number][]): Uint8Array {
  const out = new Uint8Array(boxes.length * 32);
  const view = new DataView(out.buffer);
  boxes.forEach((b, i) => b.forEach((v, j) => view.setFloat64(i * 32 + j * 8, v)));
  return out;
}

/** The XYZ tile holding lon/lat at zoom z. */
function tileAt(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)];
}

describe('tileBounds', () => {
  it('is the Web Mercator tile in lon/lat, widened by the margin in tiles', () => {
    const [w, s, e, n] = tileBounds(0, 0, 0, 0);
    expect([w, e]).toEqual([-180, 180]);
    expect(n).toBeCloseTo(85.0511287798, 9);
    expect(s).toBeCloseTo(-85.0511287798, 9);
    expect(tileBounds(1, 1, 0, 0)).toEqual([0, 0, 180, n]);
    // z10 tile over 沁水: a quarter tile of margin is a quarter of its width each side
    const [x, y] = tileAt(112.5, 36.0, 10);
    const [w0, s0, e0, n0] = tileBounds(10, x, y, 0);
    const [w1, s1, e1, n1] = tileBounds(10, x, y, 0.25);
    expect(w0 - w1).toBeCloseTo((e0 - w0) / 4, 12);
    expect(e1 - e0).toBeCloseTo((e0 - w0) / 4, 12);
    expect(s1).toBeLessThan(s0);
    expect(n1).toBeGreaterThan(n0);
    expect(112.5).toBeGreaterThanOrEqual(w0);
    expect(112.5).toBeLessThan(e0);
    expect(36).toBeGreaterThan(s0);
    expect(36).toBeLessThanOrEqual(n0);
  });
});

describe('boxIndex', () => {
  it('reads whole boxes only', () => {
    expect(boxIndex(new Uint8Array(0))).toBeUndefined();
    expect(boxIndex(boxBytes([1, 2, 3, 4]))?.numItems).toBe(1);
    expect(() => boxIndex(new Uint8Array(33))).toThrow(/whole number of boxes/);
  });

  it('reads boxes at any offset of the bytes a driver hands over', () => {
    const padded = new Uint8Array(40);
    padded.set(boxBytes([112, 36, 112.1, 36.1]), 8);
    const index = boxIndex(padded.subarray(8))!;
    expect(index.search(112.05, 36.05, 112.06, 36.06)).toEqual([0]);
  });
});

describe('TileExtents', () => {
  const z = 14;
  const [x, y] = tileAt(112.5, 36.0, z);
  const [w, s, e, n] = tileBounds(z, x, y, 0);
  const width = e - w;

  function extents(versionOf: () => string | null, boxes: [number, number, number, number][], fail = false) {
    let reads = 0;
    const ext = new TileExtents(async () => {
      reads++;
      if (fail) throw new Error('connection refused');
      return { version: versionOf(), boxes: boxBytes(...boxes) };
    });
    return { ext, reads: () => reads };
  }

  it('answers nothing until the boxes of the version asked for are held, and reads them once', async () => {
    const { ext, reads } = extents(() => '3', [[0, 0, 1, 1]]);
    expect(ext.empty('redlines', '3', z, x, y)).toBe(false);
    expect(ext.empty('redlines', '3', z, x, y)).toBe(false);
    await ext.readBoxes('redlines');
    expect(reads()).toBe(1);
    expect(ext.versionHeld('redlines')).toBe('3');
    expect(ext.empty('redlines', '3', z, x, y)).toBe(true);
    // another table's boxes are not these
    expect(ext.empty('wells', '3', z, x, y)).toBe(false);
  });

  it('a tile with a box in it, or within the margin around it, is not empty; one beyond it is', async () => {
    const near = (d: number): [number, number, number, number] => [e + d * width, s, e + d * width + 1e-6, s + 1e-6];
    for (const [box, empty] of [
      [[w + width / 2, s + (n - s) / 2, w + width / 2, s + (n - s) / 2], false], // a point inside
      [[w - 1, s - 1, e + 1, n + 1], false], // a box around the whole tile
      [near(0.0625), false], // on the SQL envelope's edge (1/16 tile out)
      [near(EXTENT_MARGIN - 0.001), false], // inside the wider margin tested here
      [near(EXTENT_MARGIN + 0.01), true], // beyond it
    ] as const) {
      const { ext } = extents(() => '1', [box as [number, number, number, number]]);
      await ext.readBoxes('reserves');
      expect(ext.empty('reserves', '1', z, x, y), JSON.stringify(box)).toBe(empty);
    }
  });

  it('boxes of another version answer nothing, and the boxes are read again', async () => {
    let version = '3';
    const { ext, reads } = extents(() => version, []);
    await ext.readBoxes('redlines');
    expect(ext.empty('redlines', '3', z, x, y)).toBe(true);
    // a write since (here or in another instance): version 4 is asked for
    version = '4';
    expect(ext.empty('redlines', '4', z, x, y)).toBe(false);
    await ext.readBoxes('redlines');
    expect(reads()).toBe(2);
    expect(ext.empty('redlines', '4', z, x, y)).toBe(true);
    // and a tile under the older version is rendered, not answered from version 4's boxes, nor read again for it
    expect(ext.empty('redlines', '3', z, x, y)).toBe(false);
    await ext.readBoxes('redlines');
    expect(reads()).toBe(3);
    expect(ext.empty('redlines', '3', z, x, y)).toBe(false);
    await new Promise((r) => setImmediate(r));
    expect(reads()).toBe(3);
    // versions are compared as numbers (data_versions.version is a bigint): 10 is newer than 9
    version = '10';
    await ext.readBoxes('redlines');
    expect(ext.empty('redlines', '9', z, x, y)).toBe(false);
    await new Promise((r) => setImmediate(r));
    expect(reads()).toBe(4);
  });

  it('a failed read leaves tiles to be rendered, and is not retried at once', async () => {
    const { ext, reads } = extents(() => '1', [], true);
    await ext.readBoxes('wells');
    expect(ext.empty('wells', '1', z, x, y)).toBe(false);
    await ext.readBoxes('wells');
    expect(reads()).toBe(1);
  });

  it('a table layer_boxes has no branch for (boxes NULL) holds nothing: its tiles are rendered, never all called empty', async () => {
    let reads = 0;
    const ext = new TileExtents(async () => {
      reads++;
      return { version: '2', boxes: null };
    });
    await ext.readBoxes('new_layer');
    expect(ext.versionHeld('new_layer')).toBeUndefined();
    expect(ext.empty('new_layer', '2', z, x, y)).toBe(false);
    // taken as a failed read: not read again at every tile
    await ext.readBoxes('new_layer');
    expect(reads).toBe(1);
  });

  it('an unknown table (no version) holds nothing', async () => {
    const { ext } = extents(() => null, []);
    await ext.readBoxes('nowhere');
    expect(ext.versionHeld('nowhere')).toBeUndefined();
  });
});
