/**
 * Writes the sample coordinate files (one synthetic block in every input format) into data/samples/.
 * Run: npx tsx data/samples/make-samples.ts
 */
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
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

  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return Object.keys(files);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  makeSamples().then((names) => console.log(`wrote ${names.length} files:\n${names.join('\n')}`));
}
