import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json.util.js';
import { computeContentHash } from './content-hash.util.js';

/** Rebuilds an object with its keys in reverse insertion order, recursively. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
  }
  return value;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('writes dates as ISO strings and drops undefined properties', () => {
    expect(canonicalJson({ at: new Date('2026-03-02T08:00:00+08:00'), gone: undefined, list: [undefined, 1] })).toBe(
      '{"at":"2026-03-02T00:00:00.000Z","list":[null,1]}',
    );
  });

  it('escapes strings like JSON', () => {
    expect(canonicalJson({ 'k"ey': 'Nyepi\n"2026" – é' })).toBe(JSON.stringify({ 'k"ey': 'Nyepi\n"2026" – é' }));
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ n: Infinity })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson(new Date('nope'))).toThrow(TypeError);
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    expect(() => canonicalJson(loop)).toThrow(/circular/);
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { a: 1 };
    expect(canonicalJson({ x: shared, y: shared })).toBe('{"x":{"a":1},"y":{"a":1}}');
  });

  it('does not depend on key order and survives a JSON round trip (JSONB)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(reverseKeys(value))).toBe(text);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('computeContentHash', () => {
  it('is the SHA-256 hex of the canonical JSON, whatever the key order', () => {
    const a = computeContentHash({ title: 'Sistem Kerja', legalBasis: ['Permen PANRB 7/2022'], targetDate: '2026-06-30' });
    const b = computeContentHash({ targetDate: '2026-06-30', legalBasis: ['Permen PANRB 7/2022'], title: 'Sistem Kerja' });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).toBe(b);
    expect(computeContentHash({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
    expect(computeContentHash({ title: 'Sistem Kerja ' })).not.toBe(computeContentHash({ title: 'Sistem Kerja' }));
  });
});
