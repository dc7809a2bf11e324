import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
const load = (f: string) => JSON.parse(readFileSync('/work/wt-files/data/demo/' + f, 'utf8'));
const red = load('redlines.geojson'), pas = load('protected_areas.geojson'), blocks = load('blocks.geojson');
const r = red.features.find((f: any) => f.properties.name.startsWith('太岳山'));
const fp = pas.features.find((f: any) => f.properties.name === '太岳山国家森林公园');
const b1 = blocks.features.find((f: any) => (f.properties.id ?? f.id) === 'blk-0001');
const a = (x: any, box: any) => { const i = turf.intersect(turf.featureCollection([x, box])); return i ? turf.area(i) / 1e6 : 0; };
const out: any[] = [];
for (let lon = 111.95; lon < 112.2; lon += 0.02) for (let lat = 36.68; lat < 36.86; lat += 0.02) {
  const box = turf.bboxPolygon([lon, lat, lon + 0.06, lat + 0.05]);
  const x = [a(r, box), a(fp, box), a(b1, box)];
  if (x.every((v) => v > 1)) out.push([lon.toFixed(2), lat.toFixed(2), ...x.map((v) => v.toFixed(2))]);
}
console.log(out.slice(0, 20).map((o) => o.join(' ')).join('\n'));
