import { describe, expect, it } from '@jest/globals';
import { approvedText, escalationText, overdueText, publishedText, rejectedText, reminderText, returnedText, targetDateText } from './notification-texts.js';
import type { Recipient } from './recipients.resolver.js';

const quickWin = { kind: 'quick-win' as const, title: 'Layanan Perizinan Daring', facts: {}, governmentLevel: 'PROVINCE' as const, timeZone: 'Asia/Makassar' };
const perbup = { kind: 'regulation' as const, title: 'Sistem Kerja di Lingkungan Pemerintah Kabupaten Paser', facts: {}, governmentLevel: 'REGENCY' as const, timeZone: 'Asia/Makassar' };
const deadline = { dueAt: new Date('2026-03-05T01:00:00Z'), explanation: '4 jam kerja, dihitung sejak Rabu, 4 Maret 2026 pukul 13.00 WITA' };
const workingDays = {
  dueAt: new Date('2026-12-07T08:00:00Z'),
  explanation: '3 hari kerja, dihitung sejak Rabu, 2 Desember 2026 pukul 07.30 WITA',
  endsAtCloseOfOffice: true,
};
/** Someone who acted in their own name. */
const by = (name: string) => ({ name, onBehalfOfName: null });
const person = (overrides: Partial<Recipient> = {}): Recipient => ({
  userId: 'u',
  username: 'kaltim.kadis',
  name: 'Kadis',
  email: null,
  role: 'UNIT_HEAD',
  principalUsername: null,
  principalName: null,
  delegationKind: null,
  ...overrides,
});

describe('notification texts (Bahasa Indonesia)', () => {
  it('a reminder names the document, the stage, the due date in the government zone, and what to do', () => {
    const text = reminderText(quickWin, 'endorsement', deadline, ['ENDORSE', 'RETURN'], person());
    expect(text.title).toBe('Pengingat batas waktu: Quick Win "Layanan Perizinan Daring"');
    expect(text.message).toBe(
      'Quick Win "Layanan Perizinan Daring" pada tahap Persetujuan Kepala Perangkat Daerah harus ditindaklanjuti paling lambat ' +
        'Kamis, 5 Maret 2026 pukul 09.00 WITA (4 jam kerja, dihitung sejak Rabu, 4 Maret 2026 pukul 13.00 WITA). ' +
        'Silakan memberikan persetujuan atau mengembalikannya untuk diperbaiki sebelum batas waktu tersebut.',
    );
  });

  it('a working-day deadline is due at the close of office, to the minute, and the texts say so', () => {
    expect(reminderText(quickWin, 'endorsement', workingDays, ['ENDORSE', 'RETURN'], person()).message).toContain(
      'harus ditindaklanjuti hingga akhir jam kerja, Senin, 7 Desember 2026 pukul 16.00 WITA ' +
        '(3 hari kerja, dihitung sejak Rabu, 2 Desember 2026 pukul 07.30 WITA).',
    );
    expect(overdueText(quickWin, 'endorsement', workingDays, ['ENDORSE', 'RETURN'], person()).message).toContain(
      'telah terlewati pada akhir jam kerja, Senin, 7 Desember 2026 pukul 16.00 WITA.',
    );
    expect(approvedText(quickWin, 'endorsement', workingDays, by('Drafter')).message).toContain(
      'Batas waktu: Senin, 7 Desember 2026 pukul 16.00 WITA (3 hari kerja, dihitung sejak Rabu, 2 Desember 2026 pukul 07.30 WITA).',
    );
    const withSeconds = { ...deadline, dueAt: new Date('2026-03-05T01:00:42Z') };
    expect(overdueText(quickWin, 'endorsement', withSeconds, ['ENDORSE'], person()).message).toContain('pada Kamis, 5 Maret 2026 pukul 09.00 WITA.');
  });

  it('tells a delegate in whose name they receive it', () => {
    const text = overdueText(perbup, 'coordination.secretary', deadline, ['PARAF', 'RETURN'], person({ role: 'SECRETARY', principalUsername: 'paser.sekda', principalName: 'Drs. Katsul Wijaya, M.Si.', delegationKind: 'PLH' }));
    expect(text.title).toBe('Melewati batas waktu: Rancangan Peraturan Bupati tentang Sistem Kerja di Lingkungan Pemerintah Kabupaten Paser');
    expect(text.message).toContain('Batas waktu tahap Paraf Koordinasi Sekretaris Daerah untuk Rancangan Peraturan Bupati tentang');
    expect(text.message).toContain('Segera membubuhkan paraf koordinasi atau mengembalikannya untuk diperbaiki;');
    expect(text.message).toContain('sebagai Plh. Sekretaris Daerah (Drs. Katsul Wijaya, M.Si.)');
  });

  it('escalations say who missed it; the Sekda is only informed of a late signature', () => {
    const text = escalationText(quickWin, 'verification', deadline, 2, 'ORG_VERIFIER', ['VERIFY', 'RETURN'], person({ role: 'SECRETARY' }));
    expect(text.title).toBe('Eskalasi ke-2: Quick Win "Layanan Perizinan Daring"');
    expect(text.message).toContain('Biro/Bagian Organisasi belum menindaklanjutinya. Mohon Bapak/Ibu memastikan Biro/Bagian Organisasi segera memverifikasinya atau mengembalikannya');
    const info = escalationText(perbup, 'signature', deadline, 1, 'REGIONAL_HEAD', ['SIGN', 'RETURN'], person({ role: 'SECRETARY' }));
    expect(info.message).toContain('Pemberitahuan ini untuk diketahui.');
  });

  it('final outcomes say there is nothing left to do', () => {
    expect(rejectedText(quickWin, by('Sekda'), 'Tidak relevan').message).toBe(
      'Quick Win "Layanan Perizinan Daring" ditolak oleh Sekda dengan alasan: "Tidak relevan". Proses dokumen ini telah berakhir dan tidak ada batas waktu lagi; tidak ada tindakan lebih lanjut yang diperlukan.',
    );
    const published = publishedText({ ...perbup, facts: { officialTitle: 'Peraturan Bupati Paser Nomor 3 Tahun 2026 tentang Sistem Kerja', publication: { url: 'https://jdih.paserkab.go.id/3' } } }, by('Kabag Hukum'));
    expect(published.title).toBe('Dipublikasikan: Peraturan Bupati Paser Nomor 3 Tahun 2026 tentang Sistem Kerja');
    expect(published.message).toContain('(https://jdih.paserkab.go.id/3)');
    expect(approvedText(perbup, 'promulgation', deadline, by('Bupati')).message).toContain('Tahap berikutnya: Pengundangan dalam Berita Daerah. Batas waktu: Kamis, 5 Maret 2026 pukul 09.00 WITA');
  });

  it('a Plt/Plh who returned, approved, rejected or published is named with the principal, as the history names them', () => {
    const plh = { name: 'Budi Santoso, S.E.', onBehalfOfName: 'Dr. Hj. Nurhayati Usman, M.Pd.' };
    const returned = returnedText(quickWin, 'revision', null, ['SUBMIT'], plh, 'Lengkapi anggaran');
    expect(returned.message).toContain('dikembalikan oleh Budi Santoso, S.E. atas nama Dr. Hj. Nurhayati Usman, M.Pd. dengan catatan: "Lengkapi anggaran".');
    expect(approvedText(quickWin, null, null, plh).message).toContain('telah disetujui oleh Budi Santoso, S.E. atas nama Dr. Hj. Nurhayati Usman, M.Pd.');
    expect(rejectedText(quickWin, plh, 'Tidak relevan').message).toContain('ditolak oleh Budi Santoso, S.E. atas nama Dr. Hj. Nurhayati Usman, M.Pd. dengan alasan');
    expect(publishedText(perbup, plh).message).toContain('oleh Budi Santoso, S.E. atas nama Dr. Hj. Nurhayati Usman, M.Pd.');
    // acting for nobody: the name alone
    expect(rejectedText(quickWin, by('Sekda'), null).message).toContain('ditolak oleh Sekda.');
  });

  it('a target-date reminder names the date and the days left', () => {
    const text = targetDateText(perbup, '2026-12-31', 7, 'legal_review', null, [], person({ role: 'DRAFTER' }));
    expect(text.title).toBe('Pengingat target penetapan (7 hari lagi): Rancangan Peraturan Bupati tentang Sistem Kerja di Lingkungan Pemerintah Kabupaten Paser');
    expect(text.message).toContain('adalah Kamis, 31 Desember 2026, 7 hari lagi. Dokumen kini berada pada tahap Telaah Hukum. Mohon pantau dan percepat prosesnya');
  });
});
