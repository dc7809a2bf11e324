import { execFileSync } from 'node:child_process';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import {
  allGkCrs,
  cgcs2000Definitions,
  gkCrsByEpsg,
  gkCrsForCentralMeridian,
  gkCrsForZone,
  gkToLonLat,
  lonLatToGk,
  registerCgcs2000,
  zone3ForLon,
  zone6ForLon,
  zonePrefixOf,
} from './crs';

const hasCs2cs = (() => {
  try {
    execFileSync('cs2cs', [], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return (e as { status?: number }).status !== undefined;
  }
})();

describe('CGCS2000 proj4 definitions', () => {
  it('covers 4490 and 4491–4554 (65 codes)', () => {
    const defs = cgcs2000Definitions();
    expect(defs.size).toBe(65);
    for (let c = 4490; c <= 4554; c++) expect(defs.has(c)).toBe(true);
  });

  it('follows the B6 formulas', () => {
    const d = cgcs2000Definitions();
    expect(d.get(4490)).toBe('+proj=longlat +ellps=GRS80 +no_defs +type=crs');
    expect(d.get(4491)).toContain('+lon_0=75 +k=1 +x_0=13500000 ');
    expect(d.get(4501)).toContain('+lon_0=135 +k=1 +x_0=23500000 ');
    expect(d.get(4502)).toContain('+lon_0=75 +k=1 +x_0=500000 ');
    expect(d.get(4513)).toContain('+lon_0=75 +k=1 +x_0=25500000 ');
    expect(d.get(4527)).toContain('+lon_0=117 +k=1 +x_0=39500000 ');
    expect(d.get(4533)).toContain('+lon_0=135 +k=1 +x_0=45500000 ');
    expect(d.get(4547)).toContain('+lon_0=114 +k=1 +x_0=500000 ');
    expect(d.get(4548)).toContain('+lon_0=117 +k=1 +x_0=500000 ');
    expect(d.get(4554)).toContain('+lon_0=135 +k=1 +x_0=500000 ');
    for (const def of [...d.values()].slice(1)) expect(def).toMatch(/^\+proj=tmerc \+lat_0=0 .* \+y_0=0 \+ellps=GRS80 \+units=m \+no_defs/);
  });

  it('gives the PROJ test vector: 117.5°E 40.2°N in EPSG:4527 → X 4451856.241, Y 39542572.192', () => {
    const { x, y } = lonLatToGk(gkCrsByEpsg(4527)!, 117.5, 40.2);
    expect(x.toFixed(3)).toBe('4451856.241');
    expect(y.toFixed(3)).toBe('39542572.192');
    const no = lonLatToGk(gkCrsByEpsg(4548)!, 117.5, 40.2);
    expect(no.y.toFixed(3)).toBe('542572.192');
    const [lon, lat] = gkToLonLat(gkCrsByEpsg(4527)!, x, y);
    expect(lon).toBeCloseTo(117.5, 10);
    expect(lat).toBeCloseTo(40.2, 10);
  });

  it.runIf(hasCs2cs)(
    'agrees with PROJ (cs2cs) to 0.1 mm across both families, prefixed or not',
    () => {
      registerCgcs2000();
      const lines: string[] = [];
      const pick = new Set([4491, 4497, 4501, 4502, 4508, 4513, 4526, 4527, 4533, 4547, 4554]);
      const cases = allGkCrs()
        .filter((c) => pick.has(c.epsg))
        .map((c) => ({ c, lon: c.centralMeridian + 0.9, lat: 36.3 }));
      for (const { c, lon, lat } of cases) {
        const out = execFileSync('cs2cs', ['-f', '%.6f', 'EPSG:4490', `EPSG:${c.epsg}`], { input: `${lat} ${lon}\n` }).toString();
        const [n, e] = out.trim().split(/\s+/).map(Number);
        const ours = proj4('EPSG:4490', `EPSG:${c.epsg}`, [lon, lat]);
        expect(Math.abs(ours[0] - e)).toBeLessThan(1e-4);
        expect(Math.abs(ours[1] - n)).toBeLessThan(1e-4);
        lines.push(String(c.epsg));
      }
      expect(lines.length).toBe(pick.size);
    },
    60_000,
  );
});

describe('zone helpers', () => {
  it('reads the zone prefix of an easting', () => {
    expect(zonePrefixOf(39542572.192)).toBe(39);
    expect(zonePrefixOf(19644631.26)).toBe(19);
    expect(zonePrefixOf(542572.192)).toBeUndefined();
    expect(zonePrefixOf(24500000)).toBeUndefined(); // 24 is neither a 3° nor a 6° zone in China
    expect(zonePrefixOf(4451856.241)).toBeUndefined();
    expect(zonePrefixOf(Number.NaN)).toBeUndefined();
  });
  it('maps zones and central meridians to EPSG codes', () => {
    expect(gkCrsForZone(13)!.epsg).toBe(4491);
    expect(gkCrsForZone(23)!.epsg).toBe(4501);
    expect(gkCrsForZone(25)!.epsg).toBe(4513);
    expect(gkCrsForZone(39)!.epsg).toBe(4527);
    expect(gkCrsForZone(45)!.epsg).toBe(4533);
    expect(gkCrsForZone(24)).toBeUndefined();
    expect(gkCrsForCentralMeridian(117)!.epsg).toBe(4548);
    expect(gkCrsForCentralMeridian(114)!.epsg).toBe(4547);
    expect(gkCrsForCentralMeridian(111, '6')!.epsg).toBe(4502 + 6);
    expect(gkCrsForCentralMeridian(112)).toBeUndefined();
    expect(zone3ForLon(112.6)).toBe(38);
    expect(zone6ForLon(112.6)).toBe(19);
  });
});
