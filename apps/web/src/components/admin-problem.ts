import type { ApiError } from '../api/client';
import { fieldProblems } from '../i18n/admin-messages';
import { errorText } from './async';

/** What an administrator reads when a save fails: the field rules in Indonesian, never the API's English. */
export function adminProblem(error: ApiError): string {
  if (error.status === 400) {
    const problems = fieldProblems(error.details);
    return problems.length > 0 ? problems.join(' ') : 'Permintaan tidak dapat diproses. Periksa isian Anda.';
  }
  if (error.status === 409) return 'Sudah dipakai: nama pengguna, NIP atau kode ini sudah terdaftar.';
  return errorText(error);
}
