import { describe, expect, it } from '@jest/globals';
import {
  InvalidIsoDurationError,
  formatIsoDuration,
  isIsoDuration,
  parseIsoDuration,
  subDayMilliseconds,
  type InvalidIsoDurationReason,
} from './iso-duration.util.js';

const d = (parts: Partial<Record<'weeks' | 'days' | 'hours' | 'minutes' | 'seconds', number>>) => ({
  weeks: 0,
  days: 0,
  hours: 0,
  minutes: 0,
  seconds: 0,
  ...parts,
});

describe('ISO 8601 durations', () => {
  it.each([
    ['P5D', d({ days: 5 })],
    ['PT30S', d({ seconds: 30 })],
    ['PT2S', d({ seconds: 2 })],
    ['P1DT2H', d({ days: 1, hours: 2 })],
    ['PT0S', d({})],
    ['P0D', d({})],
    ['P2W', d({ weeks: 2 })],
    ['P1W2D', d({ weeks: 1, days: 2 })],
    ['PT1H30M', d({ hours: 1, minutes: 30 })],
    ['P1DT1H1M1S', d({ days: 1, hours: 1, minutes: 1, seconds: 1 })],
    ['P010D', d({ days: 10 })],
    ['P3660D', d({ days: 3660 })],
  ])('parses %s', (input, expected) => {
    expect(parseIsoDuration(input)).toEqual(expected);
    expect(isIsoDuration(input)).toBe(true);
  });

  it.each<[unknown, InvalidIsoDurationReason]>([
    ['', 'EMPTY'],
    ['P', 'EMPTY'],
    [undefined, 'EMPTY'],
    ['PT', 'EMPTY'],
    ['P1DT', 'SYNTAX'],
    ['5D', 'SYNTAX'],
    ['P5', 'SYNTAX'],
    ['p5d', 'SYNTAX'],
    [' P5D', 'SYNTAX'],
    ['PT5D', 'SYNTAX'],
    ['P1D2W', 'SYNTAX'],
    ['P1H', 'SYNTAX'],
    ['lima hari', 'SYNTAX'],
    ['-P1D', 'NEGATIVE'],
    ['P-1D', 'SYNTAX'],
    ['PT0.5S', 'FRACTION'],
    ['P1,5D', 'FRACTION'],
    ['P1Y', 'UNSUPPORTED_UNIT'],
    ['P1M', 'UNSUPPORTED_UNIT'],
    ['P1Y2M3D', 'UNSUPPORTED_UNIT'],
    ['P3661D', 'TOO_LARGE'],
    ['P523W', 'TOO_LARGE'],
    ['PT87841H', 'TOO_LARGE'],
    ['P99999999999999999999D', 'TOO_LARGE'],
  ])('rejects %p (%s)', (input, reason) => {
    expect(isIsoDuration(input)).toBe(false);
    try {
      parseIsoDuration(input as string);
      throw new Error('expected a rejection');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidIsoDurationError);
      expect((error as InvalidIsoDurationError).reason).toBe(reason);
      expect((error as InvalidIsoDurationError).code).toBe('INVALID_DURATION');
      expect((error as Error).message).toContain(JSON.stringify(input) ?? 'undefined');
    }
  });

  it('says why years and months are refused', () => {
    expect(() => parseIsoDuration('P1M')).toThrow(/years and months have no fixed length/);
  });

  it.each(['P5D', 'PT30S', 'P1DT2H', 'PT0S', 'P2W', 'P1W2D', 'PT1H30M', 'P1DT1H1M1S'])('formats %s back to itself', (text) => {
    expect(formatIsoDuration(parseIsoDuration(text))).toBe(text);
  });

  it('formats zero as PT0S and drops zero components', () => {
    expect(formatIsoDuration(parseIsoDuration('P0D'))).toBe('PT0S');
    expect(formatIsoDuration(d({ days: 0, hours: 3 }))).toBe('PT3H');
  });

  it('refuses to format negative or fractional parts', () => {
    expect(() => formatIsoDuration(d({ days: -1 }))).toThrow(RangeError);
    expect(() => formatIsoDuration(d({ seconds: 0.5 }))).toThrow(RangeError);
  });

  it('measures the part below a day', () => {
    expect(subDayMilliseconds(parseIsoDuration('P3DT1H2M3S'))).toBe(3_723_000);
  });
});
