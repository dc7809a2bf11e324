/**
 * Writes the sample coordinate files (one synthetic block in every input format) into data/samples/.
 * Run: npx tsx data/samples/make-samples.ts
 */
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import type { Polygon } from 'geojson';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportGeometry } from '../../server/export/index';
import { formatDms } from '../../server/geodesy/dms';
import { SAMPLE_GK, SAMPLE_NAME, sampleLonLat } from './block';

const here = dirname(fileURLToPath(import.meta.url));
const DATE = '2026-11-24';

export async function makeSamples(dir = here): Promise<string[]> {
  const geom = sampleLonLat();
  const open = geom.coordinates.map((r) => r.slice(0, -1));
  const files: Record<string, Uint8Array | string> = {};

  // 国土 TXT, GBK, CRLF (the exporter's own output).
  const txt = exportGeometry(geom, { format: 'guotu-txt', name: SAMPLE_NAME, date: DATE });
  files['sample-guotu-gbk.txt'] = txt.buffer;
  // 国土 TXT, UTF-8 with BOM, LF, header keys shuffled, blank lines, rings not closed.
  const gbkText = iconv.decode(txt.buffer, 'gbk');
  const [head, body] = gbkText.split('[地块坐标]');
  const headLines = head.split('\r\n').filter((l) => l && l !== '[属性描述]').reverse();
  const bodyLines = body.split('\r\n').filter(Boolean);
  const unclosed: string[] = [];
  let firstOfRing = '';
  for (const l of bodyLines) {
    if (l.endsWith('@')) {
      // Unclosed rings: the declared point count drops by one per ring.
      const f = l.split(',');
      f[0] = String(Number(f[0]) - geom.coordinates.length);
      unclosed.push(f.join(','), '');
      continue;
    }
    const [pt, ring] = l.split(',');
    const key = `${ring}`;
    if (firstOfRing.startsWith(`${pt},${key},`)) continue; // drop the closing point
    if (!firstOfRing || firstOfRing.split(',')[1] !== key) firstOfRing = l;
    unclosed.push(l);
  }
  files['sample-guotu-utf8-bom-lf.txt'] = '\uFEFF' + ['[属性描述]', ...headLines, '', '[地块坐标]', ...unclosed, ''].join('\n');

  // CSV: contract-annex table (DMS + 3°/6° GK), from the exporter.
  files['sample-annex.csv'] = exportGeometry(geom, { format: 'csv', name: SAMPLE_NAME }).buffer;
  // CSV: decimal degrees (10 decimals), latitude column first, GBK.
  files['sample-decimal-latlon-gbk.csv'] = iconv.encode(
    ['地块名称,圈号,点号,纬度,经度', ...open.flatMap((r, ri) => r.map(([lon, lat], i) => `${SAMPLE_NAME},${ri + 1},${i + 1},${lat.toFixed(10)},${lon.toFixed(10)}`))].join('\r\n'),
    'gbk',
  );
  // CSV: degrees / minutes / seconds in separate columns.
  const dmsParts = (v: number) => {
    const m = /^(\d+)°(\d+)′([\d.]+)″$/.exec(formatDms(v, 4))!;
    return [m[1], m[2], m[3]];
  };
  files['sample-dms-columns.csv'] = [
    '圈号,点号,经度度,经度分,经度秒,纬度度,纬度分,纬度秒',
    ...open.flatMap((r, ri) => r.map(([lon, lat], i) => [ri + 1, i + 1, ...dmsParts(lon), ...dmsParts(lat)].join(','))),
  ].join('\n');
  // CSV: Gauss-Krüger X/Y with the zone prefix, rings closed.
  files['sample-gk-zone38.csv'] = [
    '点号,圈号,X,Y',
    ...SAMPLE_GK.flatMap((r, ri) => [...r, r[0]].map(([x, y], i) => `J${(i % r.length) + 1},${ri + 1},${x.toFixed(3)},${y.toFixed(3)}`)),
  ].join('\r\n');
  // CSV: Gauss-Krüger without the zone prefix (parse with zone=38 or centralMeridian=114).
  files['sample-gk-noprefix-cm114.csv'] = [
    '点号,圈号,X,Y',
    ...SAMPLE_GK.flatMap((r, ri) => r.map(([x, y], i) => `J${i + 1},${ri + 1},${x.toFixed(3)},${(y - 38e6).toFixed(3)}`)),
  ].join('\r\n');

  // XLSX: DMS strings with E/N prefixes, lon first.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('拐点坐标');
  ws.addRow(['地块名称', '圈号', '序号', '东经', '北纬']);
  open.forEach((r, ri) => r.forEach(([lon, lat], i) => ws.addRow([SAMPLE_NAME, ri + 1, i + 1, `E${formatDms(lon)}`, `N${formatDms(lat)}`])));
  files['sample.xlsx'] = new Uint8Array(await wb.xlsx.writeBuffer());

  files['sample.geojson'] = exportGeometry(geom, { format: 'geojson', name: SAMPLE_NAME }).buffer;
  const kml = exportGeometry(geom, { format: 'kml', name: SAMPLE_NAME }).buffer;
  files['sample.kml'] = kml;
  files['sample.kmz'] = zipSync({ 'doc.kml': kml });
  // Shapefiles: lon/lat 4490 (UTF-8 DBF) and Gauss-Krüger zone 38 with an ESRI Gauss_Kruger .prj and a GBK DBF.
  files['sample-gk-zone38-gbk.shp.zip'] = exportGeometry(geom, { format: 'shp', name: SAMPLE_NAME, crs: 4526, encoding: 'gbk' }).buffer;
  files['sample-4490.shp.zip'] = exportGeometry(geom, { format: 'shp', name: SAMPLE_NAME }).buffer;

  // --- Shapes real announcements publish (issue 10) ---
  // Two coordinate groups per row (序号,北纬,东经 twice): points 1–6 on the left, the rest on the right.
  const flat = open.flatMap((r, ri) => r.map(([lon, lat], i) => [ri + 1, i + 1, lat, lon] as const));
  const half = Math.ceil(flat.length / 2);
  const grp = (p?: (typeof flat)[number]) => (p ? [p[0], p[1], formatDms(p[2]), formatDms(p[3])] : ['', '', '', '']).join(',');
  files['sample-two-groups.csv'] = [
    '圈号,序号,北纬,东经,圈号,序号,北纬,东经',
    ...Array.from({ length: half }, (_, i) => `${grp(flat[i])},${grp(flat[i + half])}`),
  ].join('\r\n');
  // Packed ddd.mmss degrees, the header saying 度分秒.
  const packed = (v: number) => {
    const m = /^(\d+)°(\d+)′(\d+)\.(\d+)″$/.exec(formatDms(v, 4))!;
    return `${m[1]}.${m[2]}${m[3]}${m[4]}`;
  };
  files['sample-packed-dms.csv'] = [
    '地块名称,圈号,点号,纬度(度分秒),经度(度分秒)',
    ...flat.map(([ring, i, lat, lon]) => `${SAMPLE_NAME},${ring},J${i},${packed(lat)},${packed(lon)}`),
  ].join('\r\n');
  // A point list (outer ring only) as pasted from an announcement: circled labels, blanks, two points per line.
  const circled = (i: number) => String.fromCodePoint(0x2460 + i);
  const outer = SAMPLE_GK[0];
  const listLines: string[] = ['界址点坐标（2000国家大地坐标系，3度带，第38带）'];
  for (let i = 0; i < outer.length; i += 2)
    listLines.push(outer.slice(i, i + 2).map(([x, y], k) => `${circled(i + k)}${x.toFixed(3)} ${y.toFixed(3)}`).join('  '));
  files['sample-point-list-circled.txt'] = listLines.join('\r\n') + '\r\n';
  // 国土 TXT as some county systems write it: full-width section marks, 计量单位=米(m), tab-separated points,
  // 界址点数 counting points not listed, and an area line under the points.
  const fwLines = gbkText.split('\r\n').filter(Boolean).map((l) => {
    if (l === '[属性描述]') return '［属性描述］';
    if (l === '[地块坐标]') return '【地块坐标】';
    if (l.startsWith('计量单位=')) return '计量单位=米(m)';
    if (l.endsWith('@')) {
      const f = l.split(',');
      f[0] = String(Number(f[0]) + 2);
      return f.join(',');
    }
    return /^J\d+,/.test(l) ? l.split(',').join('\t') : l;
  });
  const declaredHa = gbkText.split('\r\n').find((l) => l.endsWith('@'))!.split(',')[1];
  files['sample-guotu-fullwidth-tab.txt'] = iconv.encode([...fwLines, `面积合计\t${declaredHa}`, ''].join('\r\n'), 'gbk');

  // A block placed over demo data (太岳山: two licence blocks, a forest park, an official red line), so a first
  // check shows a real conflict list. 国土 TXT, GBK, zone 37.
  const overlap: Polygon = {
    type: 'Polygon',
    coordinates: [[[112.004, 36.737], [112.058, 36.736], [112.066, 36.762], [112.049, 36.786], [112.013, 36.785], [112.001, 36.761], [112.004, 36.737]]],
  };
  files['demo-overlap-guotu.txt'] = exportGeometry(overlap, { format: 'guotu-txt', name: '演示重叠区块 (synthetic)', date: DATE }).buffer;

  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return Object.keys(files);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  makeSamples().then((names) => console.log(`wrote ${names.length} files:\n${names.join('\n')}`));
}
