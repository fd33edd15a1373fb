// Two builds of the API side by side (npm run bench:ab): this checkout's and another's (BENCH_AB_OTHER, a directory
// with its own dist/, e.g. a git worktree of an earlier commit), both on one database with one worker, answering
// in turns. Each round gives each build the same work, one after the other, in alternating order, and reads only
// that build's CPU (/proc) while it works; the per-round difference cancels what drifts on a shared machine,
// where whole runs of bench:cost one after another spread by 10-20%.
import os from 'node:os';
import pg from 'pg';
import { APPROVAL_STEPS, approveEach, createBenchQuickWins } from './lib/approval-path.mjs';
import {
  admin,
  benchStackEnv,
  build,
  commitOf,
  dbUrl,
  fmt,
  login,
  machineLine,
  median,
  outboxDrained,
  pairedInterval,
  pool,
  recreateDatabase,
  request,
  startBuiltApi,
  startWorker,
  treeCpuMs,
  waitHealthy,
  writeSection,
} from './lib/stack.mjs';

const OTHER = process.env.BENCH_AB_OTHER;
const ROUNDS = Number(process.env.BENCH_AB_ROUNDS ?? 12);
const DOCS = Number(process.env.BENCH_AB_DOCS ?? 120);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const PORT = Number(process.env.BENCH_PORT ?? 3960);
const DB = 'alur_ab';
const NO_WRITE = process.env.BENCH_AB_NO_WRITE === '1';

/** What each build serves in a round, per request: the approval path, then as many reads of a document and of the caller. */
const PHASES = [
  { name: 'transition (SUBMIT, ENDORSE, VERIFY, APPROVE)', run: approve },
  { name: '`GET /api/quick-wins/{id}`', run: (api, ids) => readAll(api, ids.length * APPROVAL_STEPS.length, (i) => `/api/quick-wins/${ids[i % ids.length]}`) },
  { name: '`GET /api/me`', run: (api, ids) => readAll(api, ids.length * APPROVAL_STEPS.length, () => '/api/me') },
];

const createDocuments = (api, n) => createBenchQuickWins(api.base, api.tokens, n, { bench: 'ab', concurrency: CONCURRENCY });

async function approve(api, ids) {
  await approveEach(api.base, api.tokens, ids, CONCURRENCY);
  return ids.length * APPROVAL_STEPS.length;
}

async function readAll(api, n, pathOf) {
  await pool(n, CONCURRENCY, async (i) => {
    const r = await request(api.base, 'GET', pathOf(i), { token: api.tokens['kaltim.drafter'] });
    if (r.status !== 200) throw new Error(`${pathOf(i)}: ${r.status}`);
  });
  return n;
}

/** The API's CPU per request while it alone works through `run`. */
async function measured(api, run) {
  const before = treeCpuMs(api.process.child.pid);
  const requests = await run();
  return (treeCpuMs(api.process.child.pid) - before) / requests;
}

async function main() {
  if (!OTHER) throw new Error('BENCH_AB_OTHER: the directory of the other build (e.g. git worktree add /tmp/base <commit>, then npm run build there)');
  build();
  const url = await recreateDatabase(DB);
  const env = benchStackEnv(DB, url);
  // this build first: it migrates the database and seeds the demo people
  const apis = [{ ...startBuiltApi('this', '.', PORT, env), tokens: {} }];
  await waitHealthy(apis[0].base, 300);
  apis.push({ ...startBuiltApi('other', OTHER, PORT + 1, env), tokens: {} });
  await waitHealthy(apis[1].base, 300);
  const worker = startWorker(env);
  const c = new pg.Client({ connectionString: dbUrl(DB) });
  await c.connect();
  const per = Object.fromEntries(apis.map((a) => [a.name, PHASES.map(() => [])]));
  try {
    for (const api of apis) {
      for (const [user] of APPROVAL_STEPS) api.tokens[user] = await login(api.base, user);
      await approve(api, await createDocuments(api, 100)); // warm-up: JIT, pools, prepared statements
    }
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? apis : [...apis].reverse();
      for (const api of order) {
        const ids = await createDocuments(api, DOCS);
        await outboxDrained(c, 100);
        for (const [i, phase] of PHASES.entries()) per[api.name][i].push(await measured(api, () => phase.run(api, ids)));
      }
      process.stderr.write(`round ${round + 1}/${ROUNDS} (${order.map((a) => a.name).join(' then ')}): ${PHASES.map((_, i) => apis.map((a) => `${a.name} ${fmt(per[a.name][i].at(-1), 3)}`).join(' / ')).join(', ')} ms per request\n`);
    }
  } finally {
    await c.end();
    await Promise.all([...apis.map((a) => a.process.stop()), worker.stop()]);
    await admin(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
  }

  const rows = PHASES.map((phase, i) => {
    const diffs = per.this[i].map((x, r) => x - per.other[i][r]);
    const { mean, half } = pairedInterval(diffs);
    const base = median(per.other[i]);
    return `| ${phase.name} | ${fmt(median(per.other[i]), 3)} | ${fmt(median(per.this[i]), 3)} | ${mean >= 0 ? '+' : ''}${fmt(mean, 3)} ± ${fmt(half, 3)} (${mean >= 0 ? '+' : ''}${fmt((100 * mean) / base, 1)}%) |`;
  });
  const report = `## 1e. Two builds of the API, side by side

Measured ${machineLine()}; load average after the run ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}.
Command: \`BENCH_AB_OTHER=${OTHER} npm run bench:ab\` (BENCH_AB_ROUNDS=${ROUNDS}, BENCH_AB_DOCS=${DOCS}, BENCH_CONCURRENCY=${CONCURRENCY}, API_PROCESSES=1 each, LOG_LEVEL=info).
Both APIs run at once on one database with one worker; in each of ${ROUNDS} rounds each build in turn (the order alternating) takes ${DOCS} new Quick Wins through
${APPROVAL_STEPS.length} transitions, then as many reads of a document and of the caller, and only its own CPU (utime + stime) is read while it works.
The difference is this build's minus the other's, per round, with a 95% interval over the rounds.

| API CPU ms per request | other (${commitOf(OTHER)}) | this (${commitOf('.')}) | difference per round |
|---|---|---|---|
${rows.join('\n')}
`;
  console.log(report);
  if (!NO_WRITE) writeSection('ab', report);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
