import { describe, expect, it } from '@jest/globals';
import { fieldProblems, fieldRuleText, importReasonText } from './admin-messages';

describe('administration messages in Bahasa Indonesia', () => {
  it("says each API field rule in Indonesian", () => {
    expect(fieldRuleText('nip must be 18 digits')).toBe('NIP harus 18 angka.');
    expect(fieldRuleText('username must be 3-60 lowercase letters, digits, dots, underscores or hyphens, starting with a letter or digit')).toBe(
      'Nama pengguna harus 3-60 huruf kecil, angka, titik, garis bawah atau tanda hubung.',
    );
    expect(fieldRuleText('email must be an e-mail address')).toBe('Surel tidak sesuai format alamat surel.');
    expect(fieldRuleText('something new the API learnt to say')).toBe('Ada isian yang tidak sesuai.');
  });

  it("translates every problem of an import row's reason", () => {
    expect(importReasonText('nip must be 18 digits; unitCode gudang is not a unit of this government; unknown role BOSS')).toBe(
      'NIP harus 18 angka. Unit kerja tidak ada pada pemerintah daerah ini. Ada peran yang tidak dikenal.',
    );
    expect(importReasonText('username paser.x is taken by someone with another NIP')).toBe('Nama pengguna sudah dipakai orang lain.');
  });

  it('reads the rules of a 400 and nothing from other bodies', () => {
    expect(fieldProblems({ fields: ['name should not be empty', 'nip must be 18 digits'] })).toEqual(['Nama wajib diisi.', 'NIP harus 18 angka.']);
    expect(fieldProblems(undefined)).toEqual([]);
    expect(fieldProblems({ other: 1 })).toEqual([]);
  });
});
