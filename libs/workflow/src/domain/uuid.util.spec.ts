import { describe, expect, it } from '@jest/globals';
import { isLowercaseUuid, isUuid } from './uuid.util.js';

const NOT_UUIDS = ['', 'abc', '0b7f3c1e9d2a4f578a612c9e4d1b7a30', '0b7f3c1e-9d2a-4f57-8a61-2c9e4d1b7a3', ' 0b7f3c1e-9d2a-4f57-8a61-2c9e4d1b7a30', '0b7f3c1e-9d2a-4f57-8a61-2c9e4d1b7a30\n', 42, null];

describe('isUuid', () => {
  it('accepts a UUID in either case and nothing else', () => {
    expect(isUuid('0b7f3c1e-9d2a-4f57-8a61-2c9e4d1b7a30')).toBe(true);
    expect(isUuid('0B7F3C1E-9D2A-4F57-8A61-2C9E4D1B7A30')).toBe(true);
    for (const bad of NOT_UUIDS) expect(isUuid(bad)).toBe(false);
  });
});

describe('isLowercaseUuid', () => {
  it('accepts a UUID in lowercase only (a token id alur issued), and nothing else', () => {
    expect(isLowercaseUuid(crypto.randomUUID())).toBe(true);
    expect(isLowercaseUuid('0b7f3c1e-9d2a-4f57-8a61-2c9e4d1b7a30')).toBe(true);
    expect(isLowercaseUuid('0B7F3C1E-9D2A-4F57-8A61-2C9E4D1B7A30')).toBe(false);
    expect(isLowercaseUuid('0b7f3c1e-9d2a-4f57-8a61-2c9e4d1b7A30')).toBe(false);
    for (const bad of NOT_UUIDS) expect(isLowercaseUuid(bad)).toBe(false);
  });
});
