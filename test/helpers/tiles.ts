/** XYZ (Web Mercator) tile arithmetic for tests that ask for tiles by place. */
import { square } from '../../server/geometry/shapes.fixture';
import { ADMIN_TOKEN } from './server';

/** The tiles at zoom z covering a lon/lat box [west, south, east, north]. */
export function tilesOver([w, s, e, n]: number[], z: number): [number, number][] {
  const k = 2 ** z;
  const tx = (lon: number) => Math.floor(((lon + 180) / 360) * k);
  const ty = (lat: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * k);
  };
  const out: [number, number][] = [];
  for (let x = tx(w); x <= tx(e); x++) for (let y = ty(n); y <= ty(s); y++) out.push([x, y]);
  return out;
}

/** The lon/lat of a tile's centre. */
export function tileCentre(z: number, x: number, y: number): [number, number] {
  const k = 2 ** z;
  return [((x + 0.5) / k) * 360 - 180, (Math.atan(Math.sinh(Math.PI * (1 - (2 * (y + 0.5)) / k))) * 180) / Math.PI];
}

/**
 * A tile the service answers as known empty (`X-Tile-Cache: empty`, server/tiles/extents.ts): tiles of `layer` along
 * row y from x0, each asked once (a tile rendered before the service has read its boxes is cached, and asked again is a
 * cache hit), until one is. The caller picks a row with nothing of the layer near it.
 */
export async function knownEmptyTile(url: string, layer: string, z: number, x0: number, y: number, tries = 20) {
  for (let x = x0; x < x0 + tries; x++) {
    const res = await fetch(`${url}/tiles/${layer}/${z}/${x}/${y}.mvt`);
    if (res.headers.get('x-tile-cache') === 'empty') return { x, res };
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no ${layer} tile of z${z} row ${y} from x ${x0} was answered as known empty`);
}

/** Writes a small synthetic red line (proposed) inside tile z/x/y through the API, as an administrator; its answer. */
export function writeRedlineInTile(url: string, z: number, x: number, y: number, name: string): Promise<Response> {
  return fetch(`${url}/collections/redlines/items`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/geo+json' },
    body: JSON.stringify({
      type: 'Feature',
      geometry: square(...tileCentre(z, x, y), 360 / 2 ** z / 10),
      properties: { name, status: 'proposed' },
    }),
  });
}
