/**
 * Parse-time benchmark for 国土 TXT files of 1,000 / 10,000 / 100,000 vertices (one parcel, a near-circle in
 * 3° zone 38 with mm coordinates). Called from `npm run bench`; run alone with `npx tsx bench/parse.bench.ts`.
 */
import { fileURLToPath } from 'node:url';
import { parseUpload } from '../server/parse/index';

export function guotuTxtWithVertices(n: number): Buffer {
  const lines = [
    '[属性描述]',
    '坐标系=2000国家大地坐标系',
    '几度分带=3',
    '投影类型=高斯克吕格',
    '计量单位=米',
    '带号=38',
    '精度=0.001',
    '[地块坐标]',
  ];
  lines.push(`${n + 1},,1,bench-${n},面,,,,@`);
  const r = 3000;
  for (let i = 0; i <= n; i++) {
    const k = i % n;
    const a = (2 * Math.PI * k) / n;
    // Slightly wobbly radius so consecutive points are never collinear.
    const rr = r + 5 * Math.sin(7 * a);
    lines.push(`J${k + 1},1,${(3963000 + rr * Math.cos(a)).toFixed(3)},${(38378000 + rr * Math.sin(a)).toFixed(3)}`);
  }
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

export async function benchParse(sizes = [1_000, 10_000, 100_000]): Promise<{ vertices: number; ms: number }[]> {
  const out: { vertices: number; ms: number }[] = [];
  for (const n of sizes) {
    const buf = guotuTxtWithVertices(n);
    await parseUpload(buf, 'warm.txt'); // warm-up (JIT, proj4 definitions)
    const runs = n >= 100_000 ? 3 : 5;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const r = await parseUpload(buf, 'bench.txt');
      times.push(performance.now() - t);
      if (r.parcels[0].vertex_count !== n) throw new Error(`expected ${n} vertices, got ${r.parcels[0].vertex_count}`);
    }
    times.sort((a, b) => a - b);
    out.push({ vertices: n, ms: Math.round(times[Math.floor(times.length / 2)] * 10) / 10 });
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchParse().then((rows) => console.table(rows));
}
