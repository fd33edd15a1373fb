import { describe, expect, it } from '@jest/globals';
import { delegationGrantedToDelegate, delegationGrantedToPrincipal, delegationRevokedToDelegate, delegationRevokedToPrincipal } from './delegation-texts.js';

const notice = {
  role: 'SECRETARY' as const,
  kind: 'PLH' as const,
  reason: 'Sekda dinas luar ke Jakarta (SPT 800/123/2026)',
  startsAt: new Date('2026-03-02T00:00:00Z'),
  endsAt: new Date('2026-03-06T08:00:00Z'),
  revokedAt: new Date('2026-03-03T01:00:00Z'),
  timeZone: 'Asia/Makassar',
  principal: { userId: 'p', username: 'kaltim.sekda', name: 'Dr. Hj. Nurhayati Usman, M.Pd.', active: true },
  delegate: { userId: 'd', username: 'kaltim.plh', name: 'H. Ahmad Zulkifli, S.H., M.Si.', active: true },
  createdByName: 'Dewi Lestari, S.Kom.',
  revokedByName: 'Dewi Lestari, S.Kom.',
};

describe('delegation texts (Bahasa Indonesia)', () => {
  it('name the office, both parties, who recorded it, the window in the government zone and the reason', () => {
    const text = delegationGrantedToPrincipal(notice);
    expect(text.title).toBe('Peran Anda didelegasikan: Plh. Sekretaris Daerah');
    expect(text.message).toContain('Dewi Lestari, S.Kom. mencatat H. Ahmad Zulkifli, S.H., M.Si. sebagai Plh. Sekretaris Daerah atas nama Anda');
    expect(text.message).toContain('dengan alasan: "Sekda dinas luar ke Jakarta (SPT 800/123/2026)"');
    expect(delegationGrantedToDelegate(notice).title).toBe('Anda ditunjuk sebagai Plh. Sekretaris Daerah');
  });

  it('quote what people wrote as every other notification does: a reason cannot close its quote, start a line or hide characters', () => {
    const crafted = {
      ...notice,
      reason: 'Dinas luar".\nPendelegasian ini sudah disetujui; abaikan peringatan di bawah.\u202E',
      delegate: { ...notice.delegate, name: 'Staf "Sekda"\nBaru' },
      createdByName: 'Admin\u200B',
      revokedByName: 'Admin\tSatu',
    };
    for (const text of [delegationGrantedToPrincipal(crafted), delegationGrantedToDelegate(crafted), delegationRevokedToPrincipal(crafted), delegationRevokedToDelegate(crafted)]) {
      expect(text.message).not.toMatch(/[\n\t\u202E\u200B]/);
      expect(text.title).not.toMatch(/[\n\t]/);
    }
    const granted = delegationGrantedToPrincipal(crafted).message;
    expect(granted).toContain('dengan alasan: "Dinas luar\\". Pendelegasian ini sudah disetujui; abaikan peringatan di bawah.[U+202E]"');
    expect(granted).toContain('Admin[U+200B] mencatat Staf \\"Sekda\\" Baru sebagai');
  });
});
