import { describe, expect, it } from '@jest/globals';
import { notificationEmail } from './notification-email.js';
import { rejectedText } from './notification-texts.js';
import { quoted, revealHidden } from './quoted-text.js';

describe('quoting what others wrote (issue 9 item 7)', () => {
  it('shows hidden characters instead of letting them act', () => {
    expect(revealHidden('abc\u202egnp.exe')).toBe('abc[U+202E]gnp.exe');
    expect(revealHidden('a\u200bb\u0000c\u2066d\ud800e')).toBe('a[U+200B]b[U+0000]c[U+2066]d[U+D800]e');
    expect(revealHidden('Perbaiki 🙏\nbaris\tdua')).toBe('Perbaiki 🙏\nbaris\tdua');
    expect(revealHidden(revealHidden('x\u202ey'))).toBe('x[U+202E]y');
  });

  it('a quote cannot be closed or broken out of', () => {
    expect(quoted('tolong" lalu\n\n--\nPesan palsu')).toBe('tolong\\" lalu -- Pesan palsu');
  });

  it('a notification quoting a stored title and comment escapes both', () => {
    const text = rejectedText({ kind: 'quick-win', title: 'abc\u202egnp.exe', facts: {}, governmentLevel: 'PROVINCE', timeZone: 'Asia/Makassar' }, { name: 'Dr. Hj. Nurhayati Usman, M.Pd.', onBehalfOfName: null }, 'Tidak "layak"\u200b');
    expect(text.title).toBe('Ditolak: Quick Win "abc[U+202E]gnp.exe"');
    expect(text.message).toContain('dengan alasan: "Tidak \\"layak\\"[U+200B]"');
    expect(text.message).not.toMatch(/[\u202e\u200b]/);
  });

  it('an e-mail of a notification stored before the API refused them escapes what it quotes', () => {
    const mail = notificationEmail({
      title: 'Ditolak: Quick Win "abc\u202egnp.exe"',
      message: 'Quick Win "abc\u202egnp.exe" ditolak.',
      name: 'Rina Wulandari, S.Kom.\u200f',
      governmentName: 'Pemerintah Provinsi Kalimantan Timur',
      link: 'https://alur.kaltimprov.go.id/quick-wins/6f1e5d1c-2b1a-4c3d-9e8f-0a1b2c3d4e5f',
    });
    expect(mail.subject).toBe('Ditolak: Quick Win "abc[U+202E]gnp.exe"');
    expect(mail.text).toContain('Yth. Rina Wulandari, S.Kom.[U+200F],');
    expect(mail.text).toContain('Quick Win "abc[U+202E]gnp.exe" ditolak.');
    expect(mail.text).not.toMatch(/[\u202e\u200f]/);
  });
});
