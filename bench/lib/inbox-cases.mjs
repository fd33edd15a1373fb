// The inbox and list requests whose latency issue 16 targets at a million documents (bench:inbox, bench:inbox-ab).
import { REDIS_URL, request } from './stack.mjs';

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
  ['paser.sekda', '/api/tasks'],
  ['kaltim.sekda', '/api/tasks?state=approval'],
  ['kaltim.kadis', '/api/tasks?kind=regulation'],
  ['kaltim.sekda', '/api/tasks?governmentCode=kaltim&unitCode=diskominfo'],
  ['kaltim.organisasi', '/api/tasks?unitCode=inspektorat'],
  ['kaltim.sekda', '/api/tasks?overdue=true'],
  ['kaltim.sekda', NEXT_PAGE],
  ['kaltim.kadis', NEXT_PAGE],
  ['kaltim.sekda', '/api/quick-wins?limit=20'],
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
  ['paser.drafter', '/api/regulations?state=revision&limit=20'],
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
