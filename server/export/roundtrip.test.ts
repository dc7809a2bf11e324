import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sampleLonLat } from '../../data/samples/block';
import { parseUpload } from '../parse/index';
import { exportGeometry, type ExportOptions } from './index';

const geom = sampleLonLat();
const multi = {
  type: 'MultiPolygon' as const,
  coordinates: [geom.coordinates, [geom.coordinates[0].map(([x, y]) => [x + 0.2, y + 0.1])]],
};

/** Degrees of tolerance per format: the precision the file is written with. */
const cases: [string, ExportOptions, number][] = [
  ['guotu-txt GBK', { format: 'guotu-txt', name: '测试区块' }, 1e-8], // mm in GK
  ['guotu-txt UTF-8', { format: 'guotu-txt', name: '测试区块', encoding: 'utf-8' }, 1e-8],
  ['csv', { format: 'csv', name: '测试区块' }, 2e-8], // 0.0001″
  ['csv GBK', { format: 'csv', name: '测试区块', encoding: 'gbk' }, 2e-8],
  ['geojson', { format: 'geojson', name: '测试区块' }, 0],
  ['kml', { format: 'kml', name: '测试区块' }, 1e-10],
  ['shp 4490', { format: 'shp', name: '测试区块' }, 0],
  ['shp GK zone 38 GBK', { format: 'shp', name: '测试区块', crs: 4526, encoding: 'gbk' }, 1e-9],
  ['shp GK CM 114 (no prefix)', { format: 'shp', name: '测试区块', crs: 4547 }, 1e-9],
];

describe('export → parse round trip', () => {
  it.each(cases)('%s keeps every vertex, hole and name', async (_label, opts, tol) => {
    for (const g of [geom, multi]) {
      const file = exportGeometry(g, opts);
      const r = await parseUpload(file.buffer, file.filename, {});
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      expect(r.parcels).toHaveLength(polys.length);
      r.parcels.forEach((p, i) => {
        expect(p.name).toBe(polys.length > 1 ? `测试区块-${i + 1}` : '测试区块');
        expect(p.rings).toHaveLength(polys[i].length);
        p.rings.forEach((ring, k) => {
          const want = polys[i][k].slice(0, -1);
          expect(ring.length - 1).toBe(want.length);
          for (const [lon, lat] of want) expect(ring.some(([a, b]) => Math.abs(a - lon) <= tol && Math.abs(b - lat) <= tol)).toBe(true);
        });
      });
    }
  });

  it('writes 国土 TXT in GBK by default with the contract header', () => {
    const f = exportGeometry(geom, { format: 'guotu-txt', name: '测试区块', date: '2026-01-01' });
    expect(f.contentType).toContain('GBK');
    const text = iconv.decode(f.buffer, 'gbk');
    expect(text).toContain('坐标系=2000国家大地坐标系');
    expect(text).toContain('带号=38');
    expect(text).toMatch(/\r\n13,4176\.7987,1,测试区块,面,,,,@\r\n/); // planar GK hectares of the corners as written
    expect(text).toContain('J1,1,3966200.125,38375300.250');
  });

  it('writes the annex CSV columns (DMS, 3° and 6° X/Y)', () => {
    const text = exportGeometry(geom, { format: 'csv', name: 'x' })
      .buffer.toString('utf8')
      .replace(/^\uFEFF/, '');
    const [head, first] = text.split('\r\n');
    expect(head).toBe('地块,圈号,序号,东经,北纬,3度带X,3度带Y,6度带X,6度带Y');
    expect(first).toMatch(/^x,1,1,112°37′\d\d\.\d{4}″,35°49′\d\d\.\d{4}″,3966200\.125,38375300\.250,\d{7}\.\d{3},19\d{6}\.\d{3}$/);
  });

  it('refuses unknown formats and non-polygons with AppErrors', () => {
    expect(() => exportGeometry(geom, { format: 'dxf', name: 'x' })).toThrow(
      expect.objectContaining({ code: 'EXPORT_FORMAT_UNKNOWN', status: 400 }),
    );
    expect(() => exportGeometry({ type: 'Point', coordinates: [1, 2] } as never, { format: 'kml', name: 'x' })).toThrow(
      expect.objectContaining({ code: 'EXPORT_GEOMETRY' }),
    );
    expect(() => exportGeometry(geom, { format: 'shp', name: 'x', crs: 3857 })).toThrow(
      expect.objectContaining({ code: 'EXPORT_CRS_UNSUPPORTED' }),
    );
  });
});
