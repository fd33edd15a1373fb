import { describe, expect, it } from '@jest/globals';
import { titleQuery } from './title-query';

describe("a title search as the API's q", () => {
  it('sends the words typed, in lower case, one space apart', () => {
    expect(titleQuery('  Perizinan   DARING ')).toBe('perizinan daring');
    expect(titleQuery('100%')).toBe('100%');
  });

  it('sends only the first eight words (the page still filters by every one)', () => {
    expect(titleQuery('a b c d e f g h i j')).toBe('a b c d e f g h');
  });

  it('sends nothing for no words, words too long for q, or control characters', () => {
    expect(titleQuery('')).toBeNull();
    expect(titleQuery('   ')).toBeNull();
    expect(titleQuery('x'.repeat(201))).toBeNull();
    expect(titleQuery('arsip\u0007')).toBeNull();
  });
});
