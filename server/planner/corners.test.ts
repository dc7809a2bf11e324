import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { cornerTable } from './corners';

describe('cornerTable', () => {
  it('drops the closing vertex and numbers clockwise from the north-west corner', () => {
    const g: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [112, 36],
          [113, 36],
          [113, 37],
          [112, 37],
          [112, 36],
        ],
      ],
    }; // CCW
    const rows = cornerTable(g);
    expect(rows.map((r) => r.n)).toEqual([1, 2, 3, 4]);
    expect(rows.map((r) => [r.lon, r.lat])).toEqual([
      [112, 37],
      [113, 37],
      [113, 36],
      [112, 36],
    ]);
    expect(rows.every((r) => r.part === 1 && r.ring === 1)).toBe(true);
  });

  it('drops repeated consecutive vertices', () => {
    const g: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [112, 37],
          [113, 37],
          [113, 37],
          [113, 36],
          [112, 36],
          [112, 37],
        ],
      ],
    };
    expect(cornerTable(g)).toHaveLength(4);
  });

  it('numbers holes and parts continuously with their 圈号 and part', () => {
    const g: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [112, 36],
            [113, 36],
            [113, 37],
            [112, 37],
            [112, 36],
          ],
          [
            [112.4, 36.4],
            [112.4, 36.6],
            [112.6, 36.6],
            [112.6, 36.4],
            [112.4, 36.4],
          ],
        ],
        [
          [
            [114, 36],
            [114.5, 36],
            [114.5, 36.5],
            [114, 36],
          ],
        ],
      ],
    };
    const rows = cornerTable(g);
    expect(rows.map((r) => r.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(rows.map((r) => `${r.part}.${r.ring}`)).toEqual(['1.1', '1.1', '1.1', '1.1', '1.2', '1.2', '1.2', '1.2', '2.1', '2.1', '2.1']);
    expect([rows[4].lon, rows[4].lat]).toEqual([112.4, 36.6]); // hole starts at its NW corner
  });
});
