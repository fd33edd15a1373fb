import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../api/client';
import { adminProblem } from './admin-problem';

describe('what an administrator reads when a save fails', () => {
  it('a taken username, NIP or code is "Sudah dipakai"; a first sending still in progress (also 409) is not', () => {
    expect(adminProblem(new ApiError(409, 'CONFLICT', 'There is already a unit with code dinkes'))).toBe('Sudah dipakai: nama pengguna, NIP atau kode ini sudah terdaftar.');
    expect(adminProblem(new ApiError(409, 'IDEMPOTENCY_IN_FLIGHT', 'still being processed'))).toBe(
      'Tindakan yang Anda kirim sebelumnya masih diproses. Tunggu sebentar lalu muat ulang halaman.',
    );
  });

  it('a resend with changed fields after a lost answer says the first one was saved, without speaking of documents', () => {
    const text = adminProblem(new ApiError(422, 'IDEMPOTENCY_KEY_REUSED', 'used for a different request'));
    expect(text).toBe('Kiriman sebelumnya dengan isian lain sudah tersimpan. Muat ulang halaman untuk melihat hasilnya.');
  });

  it('names the broken fields of a 400 in Indonesian', () => {
    expect(adminProblem(new ApiError(400, 'VALIDATION_FAILED', 'bad', { fields: ['nip must be 18 digits'] }))).toBe('NIP harus 18 angka.');
  });
});
