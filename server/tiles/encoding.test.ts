import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressTile, pickEncoding } from './encoding';

describe('the coding a cached tile is sent in', () => {
  const big = 5000;
  it('brotli when the client takes it (browsers send gzip first), else gzip, else none', () => {
    expect(pickEncoding('gzip, deflate, br, zstd', big)).toBe('br');
    expect(pickEncoding('gzip', big)).toBe('gzip');
    expect(pickEncoding('deflate', big)).toBeUndefined();
    expect(pickEncoding('identity', big)).toBeUndefined();
    expect(pickEncoding(undefined, big)).toBeUndefined();
    expect(pickEncoding('', big)).toBeUndefined();
  });

  it('follows q values: q=0 refuses, a higher q wins, * stands for the codings not named', () => {
    expect(pickEncoding('br;q=0, gzip', big)).toBe('gzip');
    expect(pickEncoding('br;q=0.5, gzip;q=0.9', big)).toBe('gzip');
    expect(pickEncoding('BR;Q=1, gzip;q=0.9', big)).toBe('br');
    expect(pickEncoding('*', big)).toBe('br');
    expect(pickEncoding('*;q=0, gzip', big)).toBe('gzip');
    expect(pickEncoding('gzip;q=0, br;q=0', big)).toBeUndefined();
    expect(pickEncoding('br;q=nonsense, gzip', big)).toBe('gzip');
  });

  it('reads each value once and answers the same after (kept), long or odd values as well', () => {
    for (let i = 0; i < 3; i++) {
      expect(pickEncoding('br;q=0, gzip', big)).toBe('gzip');
      expect(pickEncoding('identity', big)).toBeUndefined();
      expect(pickEncoding(`${'x-odd, '.repeat(40)}gzip`, big)).toBe('gzip');
    }
    // more distinct values than are kept: still each one's own answer
    for (let i = 0; i < 600; i++) expect(pickEncoding(`x-${i}, ${i % 2 ? 'br' : 'gzip'}`, big)).toBe(i % 2 ? 'br' : 'gzip');
  });

  it('small tiles go out as they are (the compress middleware threshold)', () => {
    expect(pickEncoding('br, gzip', 1023)).toBeUndefined();
    expect(pickEncoding('br, gzip', 1024)).toBe('br');
  });

  it('compresses to bytes that decompress to the tile', async () => {
    const tile = Buffer.from('tile '.repeat(500));
    expect(brotliDecompressSync(await compressTile('br', tile)).equals(tile)).toBe(true);
    expect(gunzipSync(await compressTile('gzip', tile)).equals(tile)).toBe(true);
  });
});
