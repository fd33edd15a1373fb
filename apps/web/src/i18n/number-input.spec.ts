import { describe, expect, it } from '@jest/globals';
import { numberForInput, parseIndonesianNumber } from './number-input';

describe('numbers typed the Indonesian way', () => {
  it('reads dots as thousands and the comma as decimals, with or without "Rp"', () => {
    expect(parseIndonesianNumber('150.000.000')).toBe(150_000_000);
    expect(parseIndonesianNumber('Rp150.000.000')).toBe(150_000_000);
    expect(parseIndonesianNumber('Rp 1.500')).toBe(1500);
    expect(parseIndonesianNumber('150000000')).toBe(150_000_000);
    expect(parseIndonesianNumber('2,5')).toBe(2.5);
    expect(parseIndonesianNumber('1.250,75')).toBe(1250.75);
    expect(parseIndonesianNumber('87.5')).toBe(87.5);
    expect(parseIndonesianNumber('-5')).toBe(-5);
  });

  it('refuses what could be read two ways or is no number, instead of guessing', () => {
    for (const text of ['', 'seratus', '1.5.0', '150.00.000', '1,5,0', '12.34.5', '1.000,', 'Rp']) expect([text, parseIndonesianNumber(text)]).toEqual([text, null]);
  });

  it('writes a stored number back as a person reads it', () => {
    expect(numberForInput(150_000_000)).toBe('150.000.000');
    expect(numberForInput(2.5)).toBe('2,5');
    expect(parseIndonesianNumber(numberForInput(1250.75))).toBe(1250.75);
  });
});
