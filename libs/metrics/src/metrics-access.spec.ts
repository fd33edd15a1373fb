import { describe, expect, it } from '@jest/globals';
import { metricsAccess } from './metrics-access.js';

const TOKEN = 'k'.repeat(40);

describe('metricsAccess', () => {
  it('is off without a token, whatever is sent', () => {
    expect(metricsAccess(null, `Bearer ${TOKEN}`)).toBe('off');
    expect(metricsAccess(null, undefined)).toBe('off');
  });

  it('allows the bearer token, the scheme in any case', () => {
    expect(metricsAccess(TOKEN, `Bearer ${TOKEN}`)).toBe('allowed');
    expect(metricsAccess(TOKEN, `bearer ${TOKEN}`)).toBe('allowed');
  });

  it.each([undefined, '', TOKEN, `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, `Bearer ${TOKEN} extra`, 'Bearer '])(
    'refuses %j',
    (authorization) => {
      expect(metricsAccess(TOKEN, authorization)).toBe('refused');
    },
  );
});
