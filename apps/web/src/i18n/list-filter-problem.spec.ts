import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../api/client';
import { inboxFilterProblem, listFilterProblem } from './list-filter-problem';

describe("a list's refused filters in Bahasa Indonesia", () => {
  it('asks for another word or a filter when the words are in too many titles', () => {
    expect(listFilterProblem(new ApiError(400, 'SEARCH_TOO_BROAD', 'more than 5000 documents'))).toBe(
      'Terlalu banyak judul memuat kata itu. Tambahkan kata lain, atau saring menurut tahap, unit kerja atau tahun.',
    );
  });

  it('names what to check when a filter value is refused', () => {
    expect(listFilterProblem(new ApiError(400, 'VALIDATION_FAILED', 'year must be'))).toMatch(/^Saringan tidak dapat dipakai: periksa kata pencarian/);
  });
});

describe("the inbox's refused filters in Bahasa Indonesia", () => {
  it('asks for another word, or a kind, stage or unit, when the words are in too many titles', () => {
    expect(inboxFilterProblem(new ApiError(400, 'SEARCH_TOO_BROAD', 'more than 5000 documents'))).toBe(
      'Terlalu banyak judul memuat kata itu. Tambahkan kata lain, atau saring menurut jenis, tahap atau unit kerja.',
    );
  });

  it("points at the page's address when a value of it is refused", () => {
    expect(inboxFilterProblem(new ApiError(400, 'VALIDATION_FAILED', 'kind must be'))).toBe('Saringan tidak dapat dipakai: periksa jenis, tahap, pemerintah daerah dan unit kerja pada alamat halaman ini.');
  });
});
