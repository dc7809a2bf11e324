import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Treap } from './treap';

describe('Treap', () => {
  it('keeps its items in order through random inserts and removals', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 50 })), { maxLength: 300 }), (ops) => {
        const t = new Treap<number>((a, b) => a - b);
        const ref = new Set<number>();
        for (const [add, v] of ops) {
          if (add && !ref.has(v)) {
            t.insert(v);
            ref.add(v);
          } else if (!add) expect(t.remove(v)).toBe(ref.delete(v));
        }
        expect(t.toArray()).toEqual([...ref].sort((a, b) => a - b));
        expect(t.size).toBe(ref.size);
      }),
    );
  });

  it('finds the items below, at and above a probe', () => {
    const t = new Treap<number>((a, b) => a - b);
    for (const v of [5, 1, 9, 3, 7, 4, 6]) t.insert(v);
    const side = (v: number) => (v < 4 ? -1 : v > 6 ? 1 : 0);
    expect(t.below(side)).toBe(3);
    expect(t.at(side, [])).toEqual([4, 5, 6]);
    expect(t.above(side)).toBe(7);
    expect(t.at((v) => (v < 8 ? -1 : v > 8 ? 1 : 0), [])).toEqual([]);
  });

  it('stays shallow on sorted input (100,000 inserts in order)', () => {
    const t = new Treap<number>((a, b) => a - b);
    const start = performance.now();
    for (let i = 0; i < 100_000; i++) t.insert(i);
    for (let i = 0; i < 100_000; i += 2) t.remove(i);
    expect(t.size).toBe(50_000);
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});
