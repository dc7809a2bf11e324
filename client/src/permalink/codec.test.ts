import { describe, expect, it } from 'vitest';
import { decodePermalink, encodePermalink, type PermalinkState } from './codec';

describe('permalink codec', () => {
  it('round-trips view, layers, filters, selection, tab and language', () => {
    const s: PermalinkState = {
      view: { lon: 112.6789, lat: 36.1234, zoom: 9.5 },
      off: ['wells', 'pipelines'],
      filter: { status: 'valid', mineral: 'cbm', holder: '中联煤层气' },
      selection: { collection: 'blocks', id: 'blk-0015' },
      tab: 'find',
      lang: 'en',
    };
    const hash = encodePermalink(s);
    expect(hash).toContain('map=9.50%2F36.1234%2F112.6789');
    const back = decodePermalink(`#${hash}`);
    expect(back).toEqual({ ...s, off: ['pipelines', 'wells'] });
  });

  it('writes nothing for the defaults and reads an empty hash as no state', () => {
    expect(encodePermalink({})).toBe('');
    expect(decodePermalink('')).toEqual({});
    expect(decodePermalink('#')).toEqual({});
  });

  it('keeps a pixel of precision: more decimals at higher zoom', () => {
    expect(encodePermalink({ view: { lon: 112.123456789, lat: 36.987654321, zoom: 4 } })).toBe('map=4.00%2F36.988%2F112.123');
    expect(encodePermalink({ view: { lon: 112.123456789, lat: 36.987654321, zoom: 16 } })).toBe('map=16.00%2F36.987654%2F112.123457');
  });

  it('drops what is unknown or out of range instead of guessing', () => {
    expect(decodePermalink('map=30/36/112')).toEqual({});
    expect(decodePermalink('map=8/95/112')).toEqual({});
    expect(decodePermalink('map=8/36/abc')).toEqual({});
    expect(decodePermalink('map=8/36')).toEqual({});
    expect(decodePermalink('off=wells,nonsense,wells')).toEqual({ off: ['wells'] });
    expect(decodePermalink('status=bogus&mineral=gold')).toEqual({});
    expect(decodePermalink('status=inactive')).toEqual({ filter: { status: 'inactive' } });
    expect(decodePermalink('sel=accounts/1')).toEqual({});
    expect(decodePermalink('sel=blocks/')).toEqual({});
    expect(decodePermalink(`sel=blocks/${'x'.repeat(201)}`)).toEqual({});
    expect(decodePermalink('sel=wells/w-1%2F2')).toEqual({ selection: { collection: 'wells', id: 'w-1/2' } });
    expect(decodePermalink('tab=admin&lang=fr')).toEqual({});
  });
});
