import { describe, expect, it } from '@jest/globals';
import { dateInputEcho } from './date-input-echo';

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
