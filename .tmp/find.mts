import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
const load = (f: string) => JSON.parse(readFileSync('/work/wt-files/data/demo/' + f, 'utf8'));
const blocks = load('blocks.geojson'), pas = load('protected_areas.geojson'), red = load('redlines.geojson');
console.log(blocks.features.length, pas.features.length, red.features.length);
for (const f of red.features) console.log('red', f.properties.name, f.properties.status, turf.bbox(f).map((v: number) => v.toFixed(3)).join(','));
let best: any[] = [];
for (let lon = 110.5; lon < 114.5; lon += 0.05) for (let lat = 34.6; lat < 40; lat += 0.05) {
  const box = turf.bboxPolygon([lon, lat, lon + 0.06, lat + 0.05]);
  const r = red.features.filter((f: any) => turf.booleanIntersects(f, box));
  if (!r.length) continue;
  const p = pas.features.filter((f: any) => turf.booleanIntersects(f, box));
  if (!p.length) continue;
  const b = blocks.features.filter((f: any) => turf.booleanIntersects(f, box));
  if (!b.length) continue;
  best.push([lon.toFixed(2), lat.toFixed(2), b.map((f: any) => f.properties.id ?? f.id).join('|'), p.map((f: any) => f.properties.name).join('|'), r.map((f: any) => f.properties.name).join('|')]);
}
console.log(best.length); for (const b of best.slice(0, 40)) console.log(b.join('  '));
