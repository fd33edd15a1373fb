import type { ApiError } from '../api/client';

/** What a person reads for an API error: never a blank page. */
export function errorText(error: ApiError): string {
  switch (error.status) {
    case 0:
      return 'Tidak dapat menghubungi server. Periksa sambungan lalu coba lagi.';
    case 401:
      return 'Sesi Anda telah berakhir. Silakan masuk kembali.';
    case 403:
      return error.code === 'SEPARATION_OF_DUTIES'
        ? 'Tidak berwenang: Anda sudah bertindak dalam peran lain pada dokumen ini.'
        : 'Tidak berwenang untuk melakukan tindakan ini.';
    case 404:
      return 'Tidak ditemukan.';
    case 409:
      if (error.code === 'IDEMPOTENCY_IN_FLIGHT') return 'Tindakan yang Anda kirim sebelumnya masih diproses. Tunggu sebentar lalu muat ulang halaman.';
      if (error.code === 'PERIOD_ALREADY_REPORTED') return 'Laporan kemajuan untuk periode itu sudah ada. Pilih periode lain.';
      return 'Dokumen sudah berubah atau tindakan ini tidak dapat dilakukan pada tahap sekarang. Muat ulang halaman.';
    case 412:
      return 'Dokumen telah diubah oleh orang lain. Muat ulang halaman lalu coba lagi.';
    case 429:
      return 'Terlalu banyak percobaan. Tunggu sebentar lalu coba lagi.';
    case 422:
      return error.code === 'IDEMPOTENCY_KEY_REUSED'
        ? 'Anda sudah mengirim ini sebelumnya dengan isian lain, dan kiriman itu sudah diproses. Muat ulang halaman atau buka daftar dokumen untuk melihat hasilnya.'
        : 'Permintaan tidak dapat diproses. Periksa isian Anda.';
    default:
      return error.status >= 500 ? 'Terjadi gangguan pada server. Coba lagi nanti.' : 'Permintaan tidak dapat diproses. Periksa isian Anda.';
  }
}
