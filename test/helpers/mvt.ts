import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';

/**
 * A tile's content, whatever the order of its features: PostGIS may return a tile's rows in another order from one
 * rendering to the next (no ORDER BY in the tile SQL), so two cold renderings of one tile can differ in bytes, not in
 * content. Per layer (sorted): its extent and its features (type, properties, geometry), sorted.
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
