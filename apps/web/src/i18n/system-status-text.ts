import type { Health, WorkerHealth } from '../api/views';
import { number } from './words';

/** "2 detik", "5 menit", "3 jam", "2 hari": how long ago, rounded down to its largest unit. */
export function agoText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} detik`;
  if (s < 3600) return `${Math.floor(s / 60)} menit`;
  if (s < 86_400) return `${Math.floor(s / 3600)} jam`;
  return `${Math.floor(s / 86_400)} hari`;
}

/** "baru saja" under 5 seconds, else "2 menit lalu". */
export function agoPhrase(seconds: number): string {
  return seconds < 5 ? 'baru saja' : `${agoText(seconds)} lalu`;
}

/** What `GET /health/worker` says, as sentences: whether the background worker runs, and what waits for it. */
export function workerStatusText(h: WorkerHealth): { running: boolean; lines: string[] } {
  const lines: string[] = [];
  const running = !h.problems.includes('NO_LIVE_WORKER');
  if (running) {
    lines.push(`Pekerja latar berjalan: ${number(h.liveWorkers)} proses, terakhir melapor ${agoPhrase(h.lastSeenSecondsAgo ?? 0)}.`);
  } else {
    lines.push(
      h.lastSeenSecondsAgo === null
        ? 'Pekerja latar tidak berjalan: tidak ada proses yang melapor dalam satu jam terakhir.'
        : `Pekerja latar tidak berjalan: terakhir melapor ${agoPhrase(h.lastSeenSecondsAgo)}.`,
    );
  }
  if (h.problems.includes('RECONCILER_STALLED')) {
    lines.push('Penjadwal pengingat tidak menyelesaikan putarannya: pengingat dan eskalasi yang jatuh lebih dari satu jam lagi belum dijadwalkan.');
  }
  const { pending, pendingCapped, oldestPendingSeconds } = h.outbox;
  const count = pendingCapped ? `Lebih dari ${number(pending)}` : number(pending);
  lines.push(
    pending === 0 || oldestPendingSeconds === null
      ? 'Tidak ada tindakan yang menunggu diteruskan.'
      : `${count} tindakan menunggu diteruskan ke antrean; yang terlama sejak ${agoPhrase(oldestPendingSeconds)}.`,
  );
  if (h.status !== 'ok') lines.push('Pengingat, eskalasi, dan pemberitahuan tertunda sampai pekerja latar meneruskannya kembali.');
  return { running, lines };
}

/** PostgreSQL and Redis as `GET /health` reports them. */
export function servicesText(h: Health): Array<[string, string]> {
  const state = (name: string) => (h.details[name]?.status === 'up' ? 'berjalan' : 'tidak menjawab');
  return [
    ['Basis data (PostgreSQL)', state('postgres')],
    ['Antrean tugas (Redis)', state('redis')],
  ];
}
