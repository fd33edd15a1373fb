import { describe, expect, it } from '@jest/globals';
import { agoPhrase, agoText, servicesText, workerStatusText } from './system-status-text';

const idle = { pending: 0, pendingCapped: false, oldestPendingSeconds: null };

describe('the system status in words', () => {
  it('says how long ago in its largest unit', () => {
    expect([0, 2.7, 59, 60, 3599, 3600, 86_399, 172_800].map(agoText)).toEqual(['0 detik', '2 detik', '59 detik', '1 menit', '59 menit', '1 jam', '23 jam', '2 hari']);
  });

  it('says "baru saja" for under 5 seconds', () => {
    expect([0, 4.9, 5, 600].map(agoPhrase)).toEqual(['baru saja', 'baru saja', '5 detik lalu', '10 menit lalu']);
  });

  it('says a running worker runs, and that nothing waits', () => {
    expect(workerStatusText({ status: 'ok', problems: [], liveWorkers: 2, lastSeenSecondsAgo: 7.2, outbox: idle })).toEqual({
      running: true,
      lines: ['Pekerja latar berjalan: 2 proses, terakhir melapor 7 detik lalu.', 'Tidak ada tindakan yang menunggu diteruskan.'],
    });
  });

  it('says what is late and what that means for reminders', () => {
    expect(workerStatusText({ status: 'late', problems: ['NO_LIVE_WORKER'], liveWorkers: 0, lastSeenSecondsAgo: null, outbox: idle })).toEqual({
      running: false,
      lines: [
        'Pekerja latar tidak berjalan: tidak ada proses yang melapor dalam satu jam terakhir.',
        'Tidak ada tindakan yang menunggu diteruskan.',
        'Pengingat, eskalasi, dan pemberitahuan tertunda sampai pekerja latar meneruskannya kembali.',
      ],
    });
    const lagging = { status: 'late' as const, problems: ['NO_LIVE_WORKER' as const, 'OUTBOX_LAGGING' as const], liveWorkers: 0, lastSeenSecondsAgo: 400, outbox: { pending: 1500, pendingCapped: false, oldestPendingSeconds: 7300 } };
    expect(workerStatusText(lagging).lines.slice(0, 2)).toEqual([
      'Pekerja latar tidak berjalan: terakhir melapor 6 menit lalu.',
      '1.500 tindakan menunggu diteruskan ke antrean; yang terlama sejak 2 jam lalu.',
    ]);
    expect(workerStatusText({ ...lagging, outbox: { pending: 100_000, pendingCapped: true, oldestPendingSeconds: 90_000 } }).lines[1]).toBe(
      'Lebih dari 100.000 tindakan menunggu diteruskan ke antrean; yang terlama sejak 1 hari lalu.',
    );
    expect(workerStatusText({ ...lagging, outbox: { pending: 100_000, pendingCapped: false, oldestPendingSeconds: 90_000 } }).lines[1]).toBe(
      '100.000 tindakan menunggu diteruskan ke antrean; yang terlama sejak 1 hari lalu.',
    );
  });

  it('says when the reminders further off are not being scheduled', () => {
    expect(workerStatusText({ status: 'late', problems: ['RECONCILER_STALLED'], liveWorkers: 1, lastSeenSecondsAgo: 1, outbox: idle }).lines).toEqual([
      'Pekerja latar berjalan: 1 proses, terakhir melapor baru saja.',
      'Penjadwal pengingat tidak menyelesaikan putarannya: pengingat dan eskalasi yang jatuh lebih dari satu jam lagi belum dijadwalkan.',
      'Tidak ada tindakan yang menunggu diteruskan.',
      'Pengingat, eskalasi, dan pemberitahuan tertunda sampai pekerja latar meneruskannya kembali.',
    ]);
  });

  it('names PostgreSQL and Redis with their state', () => {
    expect(servicesText({ status: 'error', details: { postgres: { status: 'up' }, redis: { status: 'down', message: 'does not answer' } } })).toEqual([
      ['Basis data (PostgreSQL)', 'berjalan'],
      ['Antrean tugas (Redis)', 'tidak menjawab'],
    ]);
  });
});
