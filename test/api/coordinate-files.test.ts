/**
 * Coordinate files over HTTP (issue 10): Chinese file names decoded right, the stated area reported next to the
 * planar GK and ellipsoidal areas, the zone choice the page offers, and the demo-overlap sample giving a real
 * conflict list (licence blocks, a protected area and a red line) on the demo register.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/server';

const srv = useTestServer();

const upload = async (path: string, file: Buffer | string, name: string, fields: Record<string, string> = {}) => {
  const form = new FormData();
  form.append('file', new Blob([typeof file === 'string' ? file : new Uint8Array(file)]), name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const res = await fetch(`${srv.url}${path}`, { method: 'POST', body: form });
  return { status: res.status, body: (await res.json()) as any };
};
const sample = (f: string) => readFileSync(`data/samples/${f}`);

describe('coordinate files over HTTP', () => {
  it('decodes a Chinese file name (UTF-8 in the multipart header), so the parcel is named after it', async () => {
    const csv = 'lon,lat\n112.6,35.8\n112.62,35.8\n112.62,35.82\n112.6,35.82\n';
    const r = await upload('/api/parse', csv, '沁水县某某矿区拐点.csv');
    expect(r.status).toBe(200);
    expect(r.body.parcels[0].name).toBe('沁水县某某矿区拐点');
  });

  it('reports the declared 地块面积 next to the planar Gauss-Krüger and ellipsoidal areas, explained', async () => {
    const r = await upload('/api/parse', sample('sample-guotu-gbk.txt'), '样例.txt');
    expect(r.status).toBe(200);
    const p = r.body.parcels[0];
    expect(p.declared_area).toMatchObject({ value: 4176.7987, unit: 'ha', agrees: true, line: 13 });
    expect(p.declared_area.note).toMatchObject({ code: 'PARSE_AREA_DECLARED' });
    expect(p.declared_area.note.message_zh).toContain('投影变形');
    expect(p.planar_gk).toMatchObject({ crs: 4526 });
    expect(Math.round(p.planar_gk.area_km2 * 1e6) / 1e4).toBe(4176.7987);
    expect(p.area_km2).toBeCloseTo(41.7527, 4);
    expect(r.body.warnings).toEqual([]);
  });

  it('takes the zone the page offers: refused without, read with zone=38 or crs=4547 (central meridian 114)', async () => {
    const f = sample('sample-gk-noprefix-cm114.csv');
    const no = await upload('/api/checks', f, 'a.csv');
    expect(no.status).toBe(422);
    expect(no.body.error.code).toBe('PARSE_ZONE_UNKNOWN');
    for (const fields of [{ zone: '38' }, { crs: '4547' }] as Record<string, string>[]) {
      const ok = await upload('/api/checks', f, 'a.csv', fields);
      expect(ok.status).toBe(200);
      expect(ok.body.input.area_km2).toBeCloseTo(41.7527, 4);
    }
  });

  it('the demo-overlap sample overlaps licence blocks, a protected area and a red line', async () => {
    const r = await upload('/api/checks', sample('demo-overlap-guotu.txt'), 'demo-overlap-guotu.txt', {
      application: 'new_exploration',
      mineral: 'cbm',
    });
    expect(r.status).toBe(200);
    const by = (c: string) => r.body.conflicts.filter((x: any) => x.collection === c);
    expect(
      by('blocks')
        .map((x: any) => x.id)
        .sort(),
    ).toEqual(expect.arrayContaining(['blk-0001']));
    expect(by('protected-areas').length).toBeGreaterThan(0);
    expect(by('redlines').map((x: any) => x.name)).toContain('太岳山水源涵养生态保护红线');
    for (const c of [...by('blocks'), ...by('protected-areas'), ...by('redlines')]) expect(c.overlap_area_km2).toBeGreaterThan(0);
    expect(r.body.input.parcels[0].name).toBe('演示重叠区块 (synthetic)');
  });
});
