import { describe, expect, it } from 'vitest';
import { TopRows } from './top-rows.js';

describe('TopRows', () => {
  it('keeps the best rows as a stable sort of every score would, ties by row', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 50; round++) {
      // Coarse scores so ties are common.
      const scores = Array.from({ length: 200 }, () => Math.round(random() * 20) / 20);
      const size = 1 + Math.floor(random() * 30);
      const heap = new TopRows(size);
      scores.forEach((score, row) => {
        if (heap.admits(score)) heap.push(score, row);
      });
      const expected = scores
        .map((score, row) => ({ score, row }))
        .sort((a, b) => b.score - a.score)
        .slice(0, size)
        .map((entry) => entry.row);
      expect(heap.sorted()).toEqual(expected);
    }
  });
});
