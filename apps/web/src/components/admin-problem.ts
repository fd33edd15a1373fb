import type { ApiError } from '../api/client';
import { fieldProblems } from '../i18n/admin-messages';
import { errorText } from '../i18n/error-text';

/** What an administrator reads when a save fails: the field rules in Indonesian, never the API's English. */
export function adminProblem(error: ApiError): string {
  if (error.status === 400) {
    const problems = fieldProblems(error.details);
    return problems.length > 0 ? problems.join(' ') : 'Permintaan tidak dapat diproses. Periksa isian Anda.';
  }
  if (error.code === 'CONFLICT') return 'Sudah dipakai: nama pengguna, NIP atau kode ini sudah terdaftar.';
  // the first sending was made though its answer was lost; this one changed the form since
  if (error.code === 'IDEMPOTENCY_KEY_REUSED') return 'Kiriman sebelumnya dengan isian lain sudah tersimpan. Muat ulang halaman untuk melihat hasilnya.';
  return errorText(error);
}
