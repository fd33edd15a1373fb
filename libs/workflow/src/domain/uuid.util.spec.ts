import { describe, expect, it } from '@jest/globals';
import { isUuid } from './uuid.util.js';

describe('isUuid', () => {
  it('accepts a UUID in either case and nothing else', () => {
    expect(isUuid('0b7f3c1e-9d2a-4f57-8a61-2c9e4d1b7a30')).toBe(true);
    expect(isUuid('0B7F3C1E-9D2A-4F57-8A61-2C9E4D1B7A30')).toBe(true);
    for (const bad of ['', 'abc', '0b7f3c1e9d2a4f578a612c9e4d1b7a30', '0b7f3c1e-9d2a-4f57-8a61-2c9e4d1b7a3', ' 0b7f3c1e-9d2a-4f57-8a61-2c9e4d1b7a30', 42, null]) {
      expect(isUuid(bad)).toBe(false);
    }
  });
});
