import { describe, expect, it } from '@jest/globals';
import { nextDepth } from './next-depth.js';

describe('nextDepth', () => {
  it('reads about as much deeper as the tasks found say, at least twice and at most four times', () => {
    expect(nextDepth(50, 50, 19)).toBe(200); // 1.25 * 50 / 19 = 3.3: four times
    expect(nextDepth(50, 50, 30)).toBe(150); // 2.1: three times
    expect(nextDepth(100, 50, 39)).toBe(200); // 1.6: still twice
    expect(nextDepth(50, 50, 49)).toBe(100);
    expect(nextDepth(50, 50, 0)).toBe(200); // nothing found yet: the most at once
    expect(nextDepth(1, 1, 0)).toBe(4);
  });
});
