// The inbox and list requests whose latency issue 16 targets at a million documents (bench:inbox, bench:inbox-ab).
import { login, REDIS_URL, request } from './stack.mjs';

/** The database the inbox benches fill (bench:inbox) and read again (BENCH_INBOX_REUSE=1, bench:inbox-ab). */
export const INBOX_DB = 'alur_bench_inbox';

/** The inbox's second page: `?after=` the `next` of the caller's first. */
export const NEXT_PAGE = '/api/tasks?after=(next of the first page)';

export const INBOX_CASES = [
  ['kaltim.sekda', '/api/tasks'],
  ['kaltim.kadis', '/api/tasks'],
  ['kaltim.organisasi', '/api/tasks'],
  ['kaltim.drafter', '/api/tasks'],
  ['kaltim.inspektur', '/api/tasks'],
  ['kaltim.plh', '/api/tasks'], // the Sekda's Plh (grantSekdaPlh): the Sekda's tasks through a delegation
  ['paser.sekda', '/api/tasks'],
  ['kaltim.sekda', '/api/tasks?state=approval'],
  ['kaltim.kadis', '/api/tasks?kind=regulation'],
  ['kaltim.sekda', '/api/tasks?governmentCode=kaltim&unitCode=diskominfo'],
  ['kaltim.organisasi', '/api/tasks?unitCode=inspektorat'],
  ['kaltim.sekda', '/api/tasks?overdue=true'],
  ['kaltim.sekda', NEXT_PAGE],
  ['kaltim.kadis', NEXT_PAGE],
  ['kaltim.sekda', '/api/quick-wins?limit=20'],
  ['kaltim.kadis', '/api/quick-wins?limit=20'],
  ['kaltim.drafter', '/api/quick-wins?limit=20'],
  ['kaltim.drafter', '/api/quick-wins?state=approval&limit=20'],
  ['paser.kadis', '/api/quick-wins?year=2025&page=3&limit=20'],
  // the roles whose tasks are regulations' stages: the province's Biro Hukum (its own drafts and its regencies'
  // in facilitation), a regency's Bagian Hukum, the Asisten, the Gubernur, and the head of an OPD named in paraf koordinasi
  ['kaltim.hukum', '/api/tasks'],
  ['paser.hukum', '/api/tasks'],
  ['kaltim.asisten', '/api/tasks'],
  ['kaltim.kepala', '/api/tasks'],
  ['kaltim.kepala-inspektorat', '/api/tasks'],
  ['kaltim.hukum', '/api/regulations?limit=20'],
  ['kaltim.kepala-inspektorat', '/api/regulations?limit=20'],
  // an OPD head whose unit holds no Quick Win: an empty page, which walked all of the province's before 2026-12-07 22:00
  ['kaltim.kepala-inspektorat', '/api/quick-wins?limit=20'],
  ['paser.drafter', '/api/regulations?state=revision&limit=20'],
  ['kaltim.plh', '/api/quick-wins?limit=20'],
];

/** The second page of the caller's inbox: `/api/tasks?after=` the `next` of their first. */
export async function openNextPage(base, token) {
  return `/api/tasks?after=${(await request(base, 'GET', '/api/tasks', { token })).body.next}`;
}

/** An API on the inbox benches' database: requests logged at warn only, logins unthrottled. */
export function inboxApiEnv(url, port) {
  return {
    PORT: String(port),
    DATABASE_URL: url,
    REDIS_URL,
    QUEUE_PREFIX: INBOX_DB,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
    LOG_LEVEL: 'warn',
    LOGIN_THROTTLE_LIMIT: '100000',
  };
}

/**
 * kaltim's Sekda names kaltim.plh Plh Sekretaris Daerah for a day, so that the delegate's inbox and lists are
 * cases; an earlier run's delegation still running on the reused documents is kept (the API refuses an overlap).
 */
export async function grantSekdaPlh(base) {
  const r = await request(base, 'POST', '/api/delegations', {
    token: await login(base, 'kaltim.sekda'),
    body: { delegate: 'kaltim.plh', role: 'SECRETARY', kind: 'PLH', reason: 'Dinas luar (bench)', startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + 86_400_000).toISOString() },
  });
  if (r.status !== 201 && !(r.status === 400 && r.body.details?.conflictsWith)) throw new Error(`the Sekda's Plh: ${r.status} ${JSON.stringify(r.body)}`);
}
