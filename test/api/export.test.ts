import { describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/server';

const srv = useTestServer();

const FORMATS: { format: string; file: string }[] = [
  { format: 'guotu-txt', file: 'block.txt' },
  { format: 'csv', file: 'block.csv' },
  { format: 'geojson', file: 'block.geojson' },
  { format: 'kml', file: 'block.kml' },
  { format: 'shp', file: 'block.zip' },
];

describe('GET /api/blocks/{id}/export → POST /api/parse', () => {
  for (const { format, file } of FORMATS) {
    it(`round-trips a stored block through ${format}: same ellipsoidal area to 1e-6`, async () => {
      const b = (await (await fetch(`${srv.url}/collections/blocks/items?q=${encodeURIComponent('寿阳北')}&kind=exploration`)).json())
        .features[0];
      const res = await fetch(`${srv.url}/api/blocks/${b.id}/export?format=${format}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain('attachment');
      const form = new FormData();
      form.append('file', new Blob([await res.arrayBuffer()]), file);
      const parsed = await fetch(`${srv.url}/api/parse`, { method: 'POST', body: form });
      const body = await parsed.json();
      expect(parsed.status, JSON.stringify(body).slice(0, 300)).toBe(200);
      expect(Math.abs(body.area_km2 - b.properties.area_km2) / b.properties.area_km2).toBeLessThan(1e-6);
    });
  }
  it('sends 国土 TXT in GBK by default and UTF-8 on request', async () => {
    const b = (await (await fetch(`${srv.url}/collections/blocks/items?limit=1`)).json()).features[0];
    const gbk = new Uint8Array(await (await fetch(`${srv.url}/api/blocks/${b.id}/export?format=guotu-txt`)).arrayBuffer());
    const utf8 = await (await fetch(`${srv.url}/api/blocks/${b.id}/export?format=guotu-txt&encoding=utf-8`)).text();
    expect(utf8).toContain('[地块坐标]');
    expect(new TextDecoder('gbk').decode(gbk)).toContain('[地块坐标]');
    expect(Buffer.from(gbk).toString('utf8')).not.toContain('[地块坐标]');
  });
  it('answers an unknown block with 404 and an unknown format with 400', async () => {
    expect((await fetch(`${srv.url}/api/blocks/nope/export?format=csv`)).status).toBe(404);
    const b = (await (await fetch(`${srv.url}/collections/blocks/items?limit=1`)).json()).features[0];
    const bad = await fetch(`${srv.url}/api/blocks/${b.id}/export?format=dwg`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('EXPORT_FORMAT_UNKNOWN');
  });
});

describe('POST /api/export with a Feature', () => {
  it('names the file from the Feature properties, however large the other properties are (the body is read whole in the worker)', async () => {
    const feature = {
      type: 'Feature',
      properties: { name: '大属性区块', note: 'x'.repeat(100_000) },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [112.1, 36.1],
            [112.2, 36.1],
            [112.2, 36.2],
            [112.1, 36.2],
            [112.1, 36.1],
          ],
        ],
      },
    };
    for (const props of [{ name: '大属性区块' }, feature.properties]) {
      const res = await fetch(`${srv.url}/api/export?format=geojson`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...feature, properties: props }),
      });
      expect(res.status).toBe(200);
      expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain('大属性区块.geojson');
    }
  });
});
