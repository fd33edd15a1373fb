import { describe, expect, it } from '@jest/globals';
import { dateInputEcho, monthInputEcho } from './date-input-echo';

describe('a date field says in words which day it holds', () => {
  it('names the day, its date and month in Indonesian', () => {
    expect(dateInputEcho('2026-12-01', 'Asia/Makassar')).toBe('Selasa, 1 Desember 2026');
    expect(dateInputEcho('2026-01-12', 'Asia/Makassar')).toBe('Senin, 12 Januari 2026'); // 01/12 read the other way would be 1 December
    expect(dateInputEcho('2028-02-29', 'Asia/Jakarta')).toBe('Selasa, 29 Februari 2028');
  });

  it("adds the time with a dot and the government's zone to a date and time", () => {
    expect(dateInputEcho('2026-12-01T08:00', 'Asia/Makassar')).toBe('Selasa, 1 Desember 2026 pukul 08.00 WITA');
    expect(dateInputEcho('2026-12-01T23:59', 'Asia/Jakarta')).toBe('Selasa, 1 Desember 2026 pukul 23.59 WIB');
    expect(dateInputEcho('2026-12-01T07:30', 'Asia/Jayapura')).toBe('Selasa, 1 Desember 2026 pukul 07.30 WIT');
  });

  it('says nothing for an empty, unfinished or impossible value', () => {
    for (const value of ['', '2026-12', '2026-02-30', '2026-13-01', '2026-12-01T', '2026-12-01T24:00', '2026-12-01T08:60', '1/12/2026']) {
      expect([value, dateInputEcho(value, 'Asia/Makassar')]).toEqual([value, '']);
    }
  });
});

describe('a month field says in words which month it holds', () => {
  it('names the month and year in Indonesian', () => {
    expect(monthInputEcho('2026-03')).toBe('Maret 2026');
    expect(monthInputEcho('2027-12')).toBe('Desember 2027');
  });

  it('says nothing for an empty, unfinished or impossible month', () => {
    for (const value of ['', '2026', '2026-3', '2026-00', '2026-13', '2026-03-01', 'Maret 2026']) {
      expect([value, monthInputEcho(value)]).toEqual([value, '']);
    }
  });
});
