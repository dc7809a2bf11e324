import GeoJSONVT from 'geojson-vt';
import vtpbf from 'vt-pbf';
import type { FeatureCollection, Geometry } from 'geojson';

export interface TileRow {
  id: string;
  props: Record<string, unknown>;
  /** GeoJSON geometry text, lon/lat */
  geometry: string;
}

/**
 * Build one MVT tile in TypeScript from each layer's rows (the embedded engine has no ST_AsMVT).
 * geojson-vt slices and simplifies to the tile (extent 4096, 64-unit buffer — the same as the SQL path);
 * vt-pbf encodes it. Layers with nothing in the tile are left out; an empty buffer when no layer has anything.
 */
export function mvtFromRows(layers: Record<string, TileRow[]>, z: number, x: number, y: number): Buffer {
  const tiles: Record<string, NonNullable<ReturnType<GeoJSONVT['getTile']>>> = {};
  for (const [layer, rows] of Object.entries(layers)) {
    if (rows.length === 0) continue;
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: rows.map((r) => ({
        type: 'Feature',
        geometry: JSON.parse(r.geometry) as Geometry,
        properties: Object.fromEntries(Object.entries(r.props).filter(([, v]) => v !== null && v !== undefined)),
      })),
    };
    const index = new GeoJSONVT(fc, { maxZoom: z, indexMaxZoom: z, indexMaxPoints: 0, extent: 4096, buffer: 64, tolerance: 3 });
    const tile = index.getTile(z, x, y);
    if (tile && tile.features.length > 0) tiles[layer] = tile;
  }
  if (Object.keys(tiles).length === 0) return Buffer.alloc(0);
  return Buffer.from(vtpbf.fromGeojsonVt(tiles, { version: 2 }));
}
