import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
const load = (f: string) => JSON.parse(readFileSync('/work/wt-files/data/demo/' + f, 'utf8'));
const red = load('redlines.geojson'), pas = load('protected_areas.geojson'), blocks = load('blocks.geojson');
const r = red.features.find((f: any) => f.properties.name.startsWith('太岳山'));
console.log(JSON.stringify(r.geometry).slice(0, 600));
const pa = pas.features.filter((f: any) => f.properties.name.startsWith('太岳山') || f.properties.name.startsWith('灵空山'));
for (const p of pa) console.log(p.properties.name, turf.bbox(p).map((v: number) => v.toFixed(3)).join(','));
for (const b of blocks.features.filter((f: any) => ['blk-0001', 'blk-0115'].includes(f.properties.id ?? f.id))) console.log(b.properties.id ?? b.id, b.properties.name, turf.bbox(b).map((v: number) => v.toFixed(3)).join(','));
