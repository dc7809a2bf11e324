import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { BLOCK_CLASSES, BLOCK_COLOURS, SEVERITY_COLOURS, blockClass, candidateColour, clusterRadius } from './colours';
import { drawFeatures, ringToPolygon } from './draw';
import { blockFilterExpr, scaled } from './filters';
import { GROUPS, IDENTIFY_LAYERS, LAYER_META, TILE_LAYERS, buildStyle, hatchLayer } from './style';

describe('colour tables', () => {
  it('classify blocks by mineral, kind and status', () => {
    expect(blockClass({ mineral: 'cbm', kind: 'exploration', status: 'valid' })).toBe('cbm_exploration');
    expect(blockClass({ mineral: 'cbm', kind: 'mining', status: 'valid' })).toBe('cbm_mining');
    expect(blockClass({ mineral: 'coal', kind: 'mining', status: 'valid' })).toBe('coal');
    expect(blockClass({ mineral: 'tight_gas', kind: 'exploration', status: 'valid' })).toBe('other');
    expect(blockClass({ mineral: 'cbm', kind: 'mining', status: 'expired' })).toBe('inactive');
    expect(blockClass({ mineral: 'coal', status: 'cancelled' })).toBe('inactive');
  });
  it('give every class and severity a distinct colour', () => {
    const c = BLOCK_CLASSES.map((k) => BLOCK_COLOURS[k]);
    expect(new Set(c).size).toBe(c.length);
    expect(new Set(Object.values(SEVERITY_COLOURS)).size).toBe(4);
    expect(candidateColour(0)).not.toBe(candidateColour(1));
  });
  it('size clusters by count, monotonic and capped', () => {
    expect(clusterRadius(1)).toBeLessThan(clusterRadius(10));
    expect(clusterRadius(10)).toBeLessThan(clusterRadius(100));
    expect(clusterRadius(1e6)).toBe(22);
  });
});

describe('style', () => {
  const style = buildStyle('http://127.0.0.1:3000');
  it('is a valid MapLibre style', () => {
    const withHatch = { ...style, layers: [...style.layers, hatchLayer('blk', 'blocks', 'blocks')] };
    expect(validateStyleMin(withHatch as never)).toEqual([]);
  });
  it('works offline: no glyphs, no sprite, only our own tile URLs', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const [id, s] of Object.entries(style.sources)) {
      if (s.type === 'vector') {
        expect(s.tiles).toEqual([`http://127.0.0.1:3000/tiles/${id}/{z}/{x}/{y}.mvt`]);
        expect(s.promoteId).toBe('id');
      } else expect(s.type).toBe('geojson');
    }
    expect(Object.keys(style.sources)).toEqual(expect.arrayContaining([...TILE_LAYERS]));
    const fonts = style.layers.filter((l) => l.type === 'symbol').map((l) => (l.layout as Record<string, unknown>)['text-font']);
    for (const f of fonts) expect(f).toEqual(['sans-serif']);
  });
  it('puts every register layer in a legend group and uses the layer id as source-layer', () => {
    for (const l of style.layers) {
      if ('source' in l && TILE_LAYERS.includes(l.source as never)) {
        expect(LAYER_META[l.id]?.group, l.id).toBeDefined();
        // the block labels come from their own layer inside the blocks tile (one point per block)
        expect((l as { 'source-layer'?: string })['source-layer'], l.id).toBe(l.id === 'blk-label' ? 'block-labels' : l.source);
      }
    }
    const groups = new Set(Object.values(LAYER_META).map((m) => m.group));
    for (const g of GROUPS) expect(groups.has(g)).toBe(true);
    for (const id of Object.keys(IDENTIFY_LAYERS))
      expect(
        style.layers.some((l) => l.id === id),
        id,
      ).toBe(true);
  });
});

describe('filters', () => {
  it('combine status, mineral and holder', () => {
    expect(blockFilterExpr({})).toBeNull();
    expect(blockFilterExpr({ status: 'valid' })).toEqual(['==', ['get', 'status'], 'valid']);
    expect(blockFilterExpr({ status: 'valid', mineral: 'cbm', holder: ' 中联 ' })).toEqual([
      'all',
      ['==', ['get', 'status'], 'valid'],
      ['==', ['get', 'mineral'], 'cbm'],
      ['in', '中联', ['coalesce', ['get', 'holder'], '']],
    ]);
  });
  it('scale opacity numbers and expressions', () => {
    expect(scaled(0.5, 1)).toBe(0.5);
    expect(scaled(0.5, 0.5)).toBe(0.25);
    expect(scaled(['get', 'x'], 0.5)).toEqual(['*', 0.5, ['get', 'x']]);
  });
});

describe('drawing', () => {
  it('closes a ring of 3+ corners and rejects fewer', () => {
    expect(
      ringToPolygon([
        [0, 0],
        [1, 0],
      ]),
    ).toBeNull();
    expect(
      ringToPolygon([
        [0, 0],
        [1, 0],
        [1, 0],
        [1, 1],
      ]),
    ).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    });
    expect(
      ringToPolygon([
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ])!.coordinates[0],
    ).toHaveLength(4);
  });
  it('shows corners, then a line, then a polygon', () => {
    expect(drawFeatures([]).features).toHaveLength(0);
    expect(drawFeatures([[0, 0]], [1, 1]).features.map((f) => f.geometry.type)).toEqual(['Point', 'LineString']);
    expect(
      drawFeatures(
        [
          [0, 0],
          [1, 0],
        ],
        [1, 1],
      ).features.map((f) => f.geometry.type),
    ).toEqual(['Point', 'Point', 'Polygon']);
  });
});
