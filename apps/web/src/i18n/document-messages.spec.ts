import { describe, expect, it } from '@jest/globals';
import { documentFieldProblems } from './document-messages';

describe('document field rules in Bahasa Indonesia', () => {
  it('puts each API rule on its form field, in Indonesian', () => {
    expect(
      documentFieldProblems({
        fields: ['year must not be less than 2000', 'target.value must not be less than 0', 'endDate must be at most 12 months after startDate (a Quick Win shows its benefit within a year)'],
      }),
    ).toEqual({
      year: 'Tahun harus bilangan bulat antara 2000 dan 2100.',
      targetValue: 'Target harus angka 0 atau lebih.',
      endDate: 'Quick Win paling lama 12 bulan sejak tanggal mulai.',
    });
  });

  it("says a regulation's target date before today has passed, not that it is no date", () => {
    expect(documentFieldProblems({ fields: ['targetDate 2026-12-04 is before today (2026-12-05 in WITA): a regulation cannot be enacted by a date that has passed'] })).toEqual({
      targetDate: 'Target penetapan tidak boleh sebelum hari ini: tanggal itu sudah lewat.',
    });
    expect(documentFieldProblems({ fields: ['targetDate must be a date (YYYY-MM-DD)'] })).toEqual({ targetDate: 'Target penetapan harus tanggal yang sah.' });
  });

  it('leaves rules of unknown fields, and answers without details, to the general message', () => {
    expect(documentFieldProblems({ fields: ['unknownThing must be a string'] })).toEqual({});
    expect(documentFieldProblems(undefined)).toEqual({});
  });
});
