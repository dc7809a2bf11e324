import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';

/**
 * A tile's content, whatever the order of its features (the tile SQL orders them by id, tested in tile-batch.test.ts;
 * the embedded engine's and other renderings need not): per layer (sorted), its extent and its features (type,
 * properties, geometry), sorted.
 */
export function tileContent(body: Buffer): string {
  if (body.length === 0) return '';
  const tile = new VectorTile(new Pbf(new Uint8Array(body)));
  const layers = Object.keys(tile.layers)
    .sort()
    .map((name) => {
      const l = tile.layers[name];
      const features = Array.from({ length: l.length }, (_, i) => {
        const f = l.feature(i);
        return JSON.stringify([f.type, f.properties, f.loadGeometry().map((ring) => ring.map((p) => [p.x, p.y]))]);
      }).sort();
      return { name, extent: l.extent, features };
    });
  return JSON.stringify(layers);
}
