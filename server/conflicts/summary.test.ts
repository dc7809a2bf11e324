import { describe, expect, it } from 'vitest';
import { pairwiseApart } from './summary';
const sq = (x: number, y: number, d = 1) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});
describe('pairwiseApart (union area = sum shortcut)', () => {
  it('is true for boxes that at most share an edge, false when interiors may meet', () => {
    expect(pairwiseApart([sq(0, 0), sq(1, 0), sq(0, 1), sq(5, 5)])).toBe(true);
    expect(pairwiseApart([sq(0, 0), sq(0.5, 0.5)])).toBe(false);
    expect(pairwiseApart([sq(0, 0, 3), sq(1, 1)])).toBe(false);
  });
});
