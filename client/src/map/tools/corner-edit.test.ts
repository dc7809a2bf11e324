import { describe, expect, it } from 'vitest';
import { clickAction } from '../draw';
import { editFeatures, insertCornerAfter, nearestCorner, removeCorner, type Pos } from './corner-edit';

const SQUARE: Pos[] = [
  [112, 36],
  [112.1, 36],
  [112.1, 36.1],
  [112, 36.1],
];

describe('finishing a drawing by double-click adds no stray corner (issue 16 item 4)', () => {
  const corners = [
    { x: 100, y: 100 },
    { x: 200, y: 100 },
    { x: 200, y: 200 },
    { x: 100, y: 200 },
  ];
  it('the second click of a double-click adds nothing', () => {
    expect(clickAction(corners, { x: 150, y: 260 }, 2)).toBe('ignore');
  });
  it('a click a few pixels off the last corner adds nothing (the first click of a double-click on it)', () => {
    expect(clickAction(corners, { x: 102, y: 201 }, 1)).toBe('ignore');
  });
  it('a double-click at a new place adds that corner once', () => {
    expect(clickAction(corners, { x: 60, y: 150 }, 1)).toBe('add');
    expect(clickAction([...corners, { x: 60, y: 150 }], { x: 61, y: 151 }, 2)).toBe('ignore');
  });
  it('a click on the first corner closes the ring once there are 3 corners', () => {
    expect(clickAction(corners, { x: 103, y: 98 }, 1)).toBe('close');
    expect(clickAction(corners.slice(0, 2), { x: 103, y: 98 }, 1)).toBe('add');
    expect(clickAction([], { x: 0, y: 0 }, 1)).toBe('add');
  });
});

describe('corner editing', () => {
  it('grabs the nearest corner within the grab distance', () => {
    const s = [
      { x: 0, y: 0 },
      { x: 12, y: 0 },
      { x: 100, y: 100 },
    ];
    expect(nearestCorner(s, { x: 7, y: 0 })).toBe(1);
    expect(nearestCorner(s, { x: 4, y: 0 })).toBe(0);
    expect(nearestCorner(s, { x: 50, y: 50 })).toBe(-1);
  });
  it('removes a corner but keeps at least three', () => {
    expect(removeCorner(SQUARE, 1)).toEqual([SQUARE[0], SQUARE[2], SQUARE[3]]);
    expect(removeCorner(SQUARE.slice(0, 3), 0)).toEqual(SQUARE.slice(0, 3));
    expect(removeCorner(SQUARE, 9)).toEqual(SQUARE);
  });
  it('inserts a corner half-way to the next one, wrapping round', () => {
    expect(insertCornerAfter(SQUARE, 0)[1]).toEqual([112.05, 36]);
    const w = insertCornerAfter(SQUARE, 3);
    expect(w).toHaveLength(5);
    expect(w[4][0]).toBeCloseTo(112);
    expect(w[4][1]).toBeCloseTo(36.05);
  });
  it('draws numbered corners (J1…) and the closed polygon, the selected corner marked', () => {
    const fc = editFeatures(SQUARE, 2);
    expect(fc.features.map((f) => f.geometry.type)).toEqual(['Point', 'Point', 'Point', 'Point', 'Polygon']);
    expect(fc.features[2].properties).toEqual({ i: 2, label: 'J3', selected: true });
    expect((fc.features[4].geometry as GeoJSON.Polygon).coordinates[0]).toHaveLength(5);
  });
});
