import type { ApiError } from '../api/client';

/** What a list says when the API refuses its filters (400): a search found in too many titles, or a value it does not take. */
export function listFilterProblem(error: ApiError): string {
  return error.code === 'SEARCH_TOO_BROAD'
    ? searchTooBroad('tahap, unit kerja atau tahun')
    : 'Saringan tidak dapat dipakai: periksa kata pencarian (paling banyak delapan kata), tahap, pemerintah daerah, unit kerja dan tahun (empat angka).';
}

/** What the inbox says when the API refuses its filters (400): a search in too many titles waiting in its stages, or a value of its URL it does not take. */
export function inboxFilterProblem(error: ApiError): string {
  return error.code === 'SEARCH_TOO_BROAD'
    ? searchTooBroad('jenis, tahap atau unit kerja')
    : 'Saringan tidak dapat dipakai: periksa jenis, tahap, pemerintah daerah dan unit kerja pada alamat halaman ini.';
}

/** A search in too many titles (400 SEARCH_TOO_BROAD), and the filters that narrow it. */
function searchTooBroad(filters: string): string {
  return `Terlalu banyak judul memuat kata itu. Tambahkan kata lain, atau saring menurut ${filters}.`;
}
