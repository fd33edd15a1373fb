import { describe, expect, it } from '@jest/globals';
import { auditActionText, auditChangeLines } from './admin-audit-text';

describe('the administration audit in words', () => {
  it('names each recorded action, and shows an unknown one as its code', () => {
    expect(['USER_CREATED', 'USER_DEACTIVATED', 'USER_PASSWORD_CHANGED', 'UNIT_UPDATED', 'SOMETHING_NEW'].map(auditActionText)).toEqual([
      'Pegawai ditambahkan',
      'Pegawai dinonaktifkan',
      'Kata sandi diganti sendiri',
      'Unit kerja diubah',
      'SOMETHING_NEW',
    ]);
  });

  it('an edit: only the fields that changed, before and after, in words', () => {
    const person = { username: 'kaltim.budi', name: 'Budi', nip: null, email: 'budi@x.go.id', governmentCode: 'kaltim', unitCode: 'diskominfo', roles: ['DRAFTER'], active: true, hasPassword: false, mustChangePassword: false };
    expect(auditChangeLines({ before: person, after: { ...person, roles: ['DRAFTER', 'UNIT_HEAD'], nip: '199501012020121001' } })).toEqual([
      'NIP: - → 199501012020121001',
      'Peran: Pemrakarsa → Pemrakarsa, Kepala Perangkat Daerah',
    ]);
    expect(auditChangeLines({ before: person, after: { ...person, active: false } })).toEqual(['Status: Aktif → Nonaktif']);
    const government = { code: 'paser', name: 'Pemerintah Kabupaten Paser', regionName: 'Paser', level: 'REGENCY', parentCode: 'kaltim', timeZone: 'Asia/Makassar', createdAt: '2026-12-01T00:00:00Z' };
    expect(auditChangeLines({ before: government, after: { ...government, level: 'CITY', timeZone: 'Asia/Jakarta' } })).toEqual([
      'Tingkat: Kabupaten → Kota',
      'Zona waktu: WITA (Asia/Makassar) → WIB (Asia/Jakarta)',
    ]);
  });

  it('an addition: what it holds, empty fields and the fields naming the row left out', () => {
    // in a reader's order, not jsonb's (keys by length)
    expect(auditChangeLines({ before: null, after: { nip: null, name: 'Budi', roles: ['DRAFTER'], active: true, unitCode: 'diskominfo', username: 'kaltim.budi', hasPassword: false, governmentCode: 'kaltim' } })).toEqual([
      'Nama: Budi',
      'Unit kerja: diskominfo',
      'Peran: Pemrakarsa',
      'Status: Aktif',
      'Punya kata sandi: Tidak',
    ]);
  });

  it('a password reset: what it did, never a field it no longer names', () => {
    expect(auditChangeLines({ before: { hasPassword: true }, after: { linkSentTo: 'budi@x.go.id' } })).toEqual(['Tautan dikirim ke: budi@x.go.id']);
    expect(auditChangeLines({ before: { hasPassword: false }, after: { hasPassword: true, mustChangePassword: true } })).toEqual([
      'Punya kata sandi: Tidak → Ya',
      'Wajib ganti kata sandi: Ya',
    ]);
  });
});
