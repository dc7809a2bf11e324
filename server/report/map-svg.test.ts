import { describe, expect, it } from 'vitest';
import { graticuleLabel, mapFigure, niceLength } from './map-svg';

const box = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

describe('map figure', () => {
  it('labels graticule lines in DMS at the step’s precision', () => {
    expect(graticuleLabel(112.5, 1800)).toBe('112°30′');
    expect(graticuleLabel(35.75 + 15 / 3600, 15)).toBe('35°45′15″');
    expect(graticuleLabel(113, 3600)).toBe('113°');
  });
  it('picks round scale-bar lengths', () => {
    expect(niceLength(4300)).toBe(2000);
    expect(niceLength(5200)).toBe(5000);
    expect(niceLength(999)).toBe(500);
  });
  it('draws hatched overlaps as vector clip paths, corners, scale and graticule in the subject’s GK zone', () => {
    const subject = box(112.6, 35.9, 112.75, 36.05);
    const f = mapFigure({
      widthMm: 180,
      heightMm: 120,
      frame: [subject],
      lang: 'zh',
      layers: [
        { geometries: [box(112.6, 35.9, 112.65, 35.95)], style: { color: '#c2181b', angle: 45 } },
        { geometries: [{ type: 'Point', coordinates: [112.7, 36] }], style: { color: '#d66a00', angle: -45 } },
        { geometries: [subject], style: { color: '#000', angle: null } },
      ],
      corners: [
        { lon: 112.6, lat: 35.9, label: '1' },
        { lon: 112.75, lat: 35.9, label: '2' },
      ],
    });
    expect(f.zone).toBe(38);
    expect(f.epsg).toBe(4526);
    expect(f.svg).toContain('<clipPath id="h0">');
    expect(f.svg).not.toContain('<pattern');
    expect(f.svg).toMatch(/>112°\d\d′/);
    expect(f.svg).toMatch(/>35°\d\d′|>36°\d\d′|>36°</);
    expect(f.svg).toContain('>北<');
    expect(f.svg).toMatch(/>\d+ km</);
    expect(f.svg).toContain('>2<');
    expect(f.scale).toBeGreaterThan(50_000);
    expect(f.scale).toBeLessThan(500_000);
  });
});
