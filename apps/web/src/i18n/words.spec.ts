import { describe, expect, it } from '@jest/globals';
import { weekText } from './words';

describe('weekText', () => {
  it("says a report's week by its Monday and its number", () => {
    expect(weekText('2026-W49', '2026-11-30')).toBe('30 November 2026 (minggu ke-49)');
    expect(weekText('2026-W02', '2026-01-05')).toBe('5 Januari 2026 (minggu ke-2)');
  });

  it("names the week's year when its Monday falls in the year before", () => {
    expect(weekText('2026-W01', '2025-12-29')).toBe('29 Desember 2025 (minggu ke-1 tahun 2026)');
  });

  it('falls back to the Monday alone for a label it does not know', () => {
    expect(weekText('week 7', '2026-02-09')).toBe('9 Februari 2026');
  });
});
