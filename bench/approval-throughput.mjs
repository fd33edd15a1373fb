#!/usr/bin/env node
// Approval throughput and latency over HTTP (API + worker + PostgreSQL + Redis, all local, production
// logging), in the same run the database's own limit for the same transaction shape measured by
// pgbench with nothing else running, and the API's hottest functions from a CPU profile.
//   node bench/approval-throughput.mjs        (env: BENCH_RATE, BENCH_FIXED_SECONDS, BENCH_CONCURRENCY,
//                                              BENCH_SATURATION_DOCS, BENCH_PGBENCH_SECONDS, BENCH_PROFILE_DOCS,
//                                              BENCH_API_NODE_FLAGS: Node flags for the API, e.g. --max-semi-space-size=32)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APPROVAL_STEPS, benchQuickWin } from './lib/approval-path.mjs';
import { topFunctions } from './lib/cpu-profile.mjs';
import { runPgbench } from './lib/pgbench.mjs';
import os from 'node:os';
import {
  backendsCpuMs, backendsCpuMsBetween, benchStackEnv, build, dropConnections, fmt, login, machineBusyMs, machineLine, outboxDrained, pool, recreateDatabase, redisCpuMs, request, startProcess, startWorker, summarize, treeCpuMs, waitHealthy, withClient, writeSection,
} from './lib/stack.mjs';

const RATE = Number(process.env.BENCH_RATE ?? 200);
/** The machine's load average when the run started (other work on a shared machine moves every figure here). */
const LOAD_BEFORE = os.loadavg().map((x) => x.toFixed(2)).join(' ');
const FIXED_SECONDS = Number(process.env.BENCH_FIXED_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SATURATION_DOCS = Number(process.env.BENCH_SATURATION_DOCS ?? 2500);
const PGBENCH_SECONDS = Number(process.env.BENCH_PGBENCH_SECONDS ?? 10);
const PGBENCH_DOCS = 400;
const PROFILE_DOCS = Number(process.env.BENCH_PROFILE_DOCS ?? 600);
const PORT = Number(process.env.BENCH_PORT ?? 3900);
const BASE = `http://127.0.0.1:${PORT}`;
const STEPS = APPROVAL_STEPS;

const quickWin = (i) => benchQuickWin('bench', i);

async function createDocuments(tokens, n) {
  const ids = new Array(n);
  await pool(n, 16, async (i) => {
    const r = await request(BASE, 'POST', '/api/quick-wins', { token: tokens['kaltim.drafter'], body: quickWin(i) });
    if (r.status !== 201) throw new Error(`create: ${r.status} ${JSON.stringify(r.body)}`);
    ids[i] = r.body.id;
  });
  return ids;
}

async function fire(tokens, id, step) {
  const [user, action] = STEPS[step];
  const r = await request(BASE, 'POST', `/api/quick-wins/${id}/actions`, { token: tokens[user], body: { action }, maxSockets: 512 });
  if (r.status !== 200) throw new Error(`${action} ${id}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.ms;
}

/** Open loop: one request every 1/RATE s, each the next action of a document that is ready for it. */
async function fixedRate(tokens, ids) {
  const ready = ids.map((id) => ({ id, step: 0 }));
  const latencies = [];
  const timeline = [];
  let errors = 0;
  const errorTexts = new Set();
  const total = RATE * FIXED_SECONDS;
  const started = performance.now();
  const inFlight = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const item = ready.shift();
    if (!item) break;
    const issuedAt = performance.now() - started;
    inFlight.push(
      fire(tokens, item.id, item.step)
        .then((ms) => {
          latencies.push(ms);
          timeline.push({ at: issuedAt, ms });
          if (item.step + 1 < STEPS.length) ready.push({ id: item.id, step: item.step + 1 });
        })
        .catch((error) => {
          errors++;
          if (errorTexts.size < 5) errorTexts.add(String(error.message ?? error).slice(0, 300));
        }),
    );
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  return { ...summarize(latencies), errors, errorTexts: [...errorTexts], perSecond: latencies.length / seconds, bySecond: bySecond(timeline) };
}

/** Latency by the second in which requests were issued: whether the tail is a few stalls or spread over the run. */
function bySecond(timeline) {
  const seconds = [];
  for (const { at, ms } of timeline) (seconds[Math.floor(at / 1000)] ??= []).push(ms);
  return seconds.map((ms, second) => ({ second, ...summarize(ms ?? []) }));
}

/**
 * Closed loop: CONCURRENCY clients each drive documents through all four actions as fast as they can.
 * The rate counts until the worker has also relayed every outbox row of the run (notifications written,
 * jobs queued), so a worker that falls behind the API lowers it; `relaySeconds` is how long the relay
 * took after the last response. Also what the run cost the machine's cores per transition, and how much
 * of it was this script's own (the load generator shares the cores with the stack).
 */
async function saturation(tokens, ids, url, { api, worker }) {
  return withClient(url, async (db) => {
    const latencies = [];
    const database = new URL(url).pathname.slice(1);
    const parts = async () => ({ api: treeCpuMs(api.child.pid), worker: treeCpuMs(worker.child.pid), backends: await backendsCpuMs(db, database), redis: await redisCpuMs() });
    const partsBefore = await parts();
    const started = performance.now();
    const [busyBefore, ownBefore] = [machineBusyMs(), process.cpuUsage()];
    await pool(ids.length, CONCURRENCY, async (i) => {
      for (let step = 0; step < STEPS.length; step++) latencies.push(await fire(tokens, ids[i], step));
    });
    const answered = performance.now();
    await outboxDrained(db, 20);
    const seconds = (performance.now() - started) / 1000;
    const own = process.cpuUsage(ownBefore);
    const busy = machineBusyMs() - busyBefore;
    const partsAfter = await parts();
    const per = (ms) => ms / latencies.length;
    const cpu = {
      machineMs: per(busy),
      generatorMs: per((own.user + own.system) / 1000),
      apiMs: per(partsAfter.api - partsBefore.api),
      workerMs: per(partsAfter.worker - partsBefore.worker),
      postgresMs: per(backendsCpuMsBetween(partsBefore.backends, partsAfter.backends)),
      redisMs: per(partsAfter.redis - partsBefore.redis),
    };
    return { ...summarize(latencies), perSecond: latencies.length / seconds, seconds, relaySeconds: (performance.now() - answered) / 1000, cpu };
  });
}

/** The pgbench limit of one transition's transaction shape (bench/pgbench/transition.sql) on PGBENCH_DOCS of the run's documents. */
async function pgbenchLimit(url, ids) {
  await withClient(url, async (c) => {
    await c.query('DROP TABLE IF EXISTS bench_docs');
    await c.query('CREATE TABLE bench_docs (n int PRIMARY KEY, id uuid NOT NULL)');
    await c.query('INSERT INTO bench_docs SELECT ord, id FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, ord)', [ids.slice(0, PGBENCH_DOCS)]);
    await c.query('VACUUM ANALYZE');
  });
  const ndocs = Math.min(PGBENCH_DOCS, ids.length);
  const runs = [];
  // the issue's shape and the one whose document changes state as alur's transitions do, taking turns
  // (one 10 s run varies by 20% with autovacuum and the tables' growth), then the issue's at 16 clients
  for (const [clients, stateChange] of [[4, 0], [4, 1], [4, 0], [4, 1], [16, 0]]) {
    runs.push({ clients, stateChange, ...runPgbench(url, 'bench/pgbench/transition.sql', { clients, seconds: PGBENCH_SECONDS, vars: { ndocs, state_change: stateChange } }) });
  }
  return runs;
}

/** Client connections of the bench's database that PostgreSQL started at or after `since` and still has: reconnections under load. */
async function connectionsOpenedSince(url, since) {
  const { rows } = await withClient(url, (c) =>
    c.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND backend_start >= $1 AND pid <> pg_backend_pid()`,
      [since],
    ),
  );
  return rows[0].n;
}

const drained = (url) => withClient(url, outboxDrained);

/** pgbench's outbox rows and deadlines are not alur's: the worker of the next phase must not relay them. */
async function markPgbenchRowsDone(url) {
  await withClient(url, async (c) => {
    await c.query(`UPDATE outbox SET processed_at = now() WHERE processed_at IS NULL`);
    await c.query(`UPDATE deadlines SET status = 'DONE', closed_at = now() WHERE explanation = 'pgbench' AND status = 'PENDING'`);
  });
}

/** The API's top functions by self time over its life: start, then CONCURRENCY clients approving PROFILE_DOCS documents. */
async function profileApi(env) {
  const dir = mkdtempSync(join(tmpdir(), 'alur-cpuprof-'));
  dropConnections();
  const api = startProcess('api', 'dist/apps/api/src/main.js', { ...env, API_PROCESSES: '1', NODE_FLAGS: `--import ./bench/lib/exit-on-sigusr2.mjs --cpu-prof --cpu-prof-dir=${dir}` });
  const worker = startWorker(env);
  const exited = new Promise((resolve) => api.child.once('exit', resolve));
  try {
    await waitHealthy(BASE);
    const tokens = {};
    for (const [user] of STEPS) tokens[user] = await login(BASE, user);
    await saturation(tokens, await createDocuments(tokens, PROFILE_DOCS), env.DATABASE_URL, { api, worker });
  } finally {
    api.child.kill('SIGUSR2');
    await exited;
    await worker.stop();
  }
  return topFunctions(dir, 15);
}

async function main() {
  build();
  const url = await recreateDatabase('alur_bench');
  const env = {
    ...benchStackEnv('alur_bench', url),
    PORT: String(PORT),
    API_PROCESSES: process.env.API_PROCESSES ?? '1',
  };
  const api = startProcess('api', 'dist/apps/api/src/main.js', { ...env, NODE_FLAGS: process.env.BENCH_API_NODE_FLAGS ?? '' });
  const worker = startWorker(env);
  try {
    await waitHealthy(BASE);
    const tokens = {};
    for (const [user] of STEPS) tokens[user] = await login(BASE, user);

    const fixedDocs = await createDocuments(tokens, Math.ceil((RATE * FIXED_SECONDS) / STEPS.length) + 50);
    // warm-up: JIT, pools, caches
    await saturation(tokens, await createDocuments(tokens, 200), url, { api, worker });
    // each phase starts with the worker idle, not relaying the backlog of the phase before it
    await drained(url);
    const fixedStart = new Date();
    const fixed = await fixedRate(tokens, fixedDocs);
    const reconnections = await connectionsOpenedSince(url, fixedStart);
    const saturationDocs = await createDocuments(tokens, SATURATION_DOCS);
    await drained(url);
    const saturated = await saturation(tokens, saturationDocs, url, { api, worker });
    // the database's limit with nothing else running: API and worker stopped
    await api.stop();
    await worker.stop();
    const pgbench = await pgbenchLimit(env.DATABASE_URL, fixedDocs);
    await markPgbenchRowsDone(url);
    const meanTps = (runs) => runs.reduce((sum, r) => sum + r.tps, 0) / runs.length;
    const limit = meanTps(pgbench.filter((r) => r.clients === 4 && !r.stateChange));
    const withStateChange = meanTps(pgbench.filter((r) => r.stateChange));
    const ratio = saturated.perSecond / limit;
    const profile = await profileApi(env);

    const report = `## 1-2. Approval throughput and latency vs the database's limit

Measured ${machineLine()}; load average before the run ${LOAD_BEFORE}, after ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}.
Command: \`npm run bench:approval\` (BENCH_RATE=${RATE}, BENCH_FIXED_SECONDS=${FIXED_SECONDS}, BENCH_CONCURRENCY=${CONCURRENCY}, BENCH_SATURATION_DOCS=${SATURATION_DOCS}, DATABASE_POOL_SIZE=${env.DATABASE_POOL_SIZE}, LOG_LEVEL=info, API_PROCESSES=${env.API_PROCESSES}, WORKER_NICENESS=${process.env.WORKER_NICENESS ?? '10 (the default)'}, PostgreSQL over ${env.DATABASE_URL.includes('host=') ? 'its Unix socket' : 'TCP'}).
${env.API_PROCESSES} API process(es) and one worker; each document goes SUBMIT, ENDORSE, VERIFY, APPROVE by four users over HTTP with keep-alive.
The database's limit: \`pgbench -n -M prepared -T ${PGBENCH_SECONDS}\` running \`bench/pgbench/transition.sql\` (one transition's transaction shape: lock document and instance, close and open a deadline, history entry, instance, document with its version guard, outbox rows) over ${PGBENCH_DOCS} documents, with the API and the worker stopped; \`-D state_change=1\` also changes the document's state.

| run | transitions/s | p50 ms | p95 ms | p99 ms | max ms | requests |
|---|---|---|---|---|---|---|
| fixed offered load ${RATE} req/s | ${fmt(fixed.perSecond)} | ${fmt(fixed.p50)} | ${fmt(fixed.p95)} | ${fmt(fixed.p99)} | ${fmt(fixed.max)} | ${fixed.n} (${fixed.errors} errors) |
| saturation, ${CONCURRENCY} clients | **${fmt(saturated.perSecond)}** | ${fmt(saturated.p50)} | ${fmt(saturated.p95)} | ${fmt(saturated.p99)} | ${fmt(saturated.max)} | ${saturated.n} |
${pgbench.map((r) => `| pgbench, ${r.clients} clients${r.stateChange ? ', state changed (document triggers fire)' : ''} | ${fmt(r.tps)} | | | | | ${r.transactions} (latency average ${fmt(r.latencyMs, 2)} ms) |`).join('\n')}

The saturation rate counts until the worker had relayed every outbox row of the phase: ${fmt(saturated.relaySeconds, 2)} s after the last response (of ${fmt(saturated.seconds, 1)} s).
At saturation the cores were busy ${fmt(saturated.cpu.machineMs, 2)} ms per transition (${fmt((saturated.cpu.machineMs * saturated.perSecond) / (os.cpus().length * 10))}% of ${os.cpus().length} cores, /proc/stat), of which the load generator (this script's process) took ${fmt(saturated.cpu.generatorMs, 2)} ms: the stack's own ${fmt(saturated.cpu.machineMs - saturated.cpu.generatorMs, 2)} ms per transition would allow ${fmt((os.cpus().length * 1000) / (saturated.cpu.machineMs - saturated.cpu.generatorMs))}/s on these cores with the generator elsewhere.
By process (utime + stime from /proc; Redis from its INFO cpu), per transition: the API ${fmt(saturated.cpu.apiMs, 2)} ms${env.API_PROCESSES === '1' ? '' : ` (its ${env.API_PROCESSES} processes)`}, the worker ${fmt(saturated.cpu.workerMs, 2)} ms, PostgreSQL's backends ${fmt(saturated.cpu.postgresMs, 2)} ms, Redis ${fmt(saturated.cpu.redisMs, 2)} ms, the load generator ${fmt(saturated.cpu.generatorMs, 2)} ms; the rest of the cores' busy time, ${fmt(saturated.cpu.machineMs - saturated.cpu.apiMs - saturated.cpu.workerMs - saturated.cpu.postgresMs - saturated.cpu.redisMs - saturated.cpu.generatorMs, 2)} ms, is the kernel's work outside these processes and PostgreSQL's own background processes.
alur reaches **${fmt(ratio * 100)}%** of the pgbench limit at 4 clients measured in the same run (the mean of its two runs, ${fmt(limit)}/s), and ${fmt((saturated.perSecond / withStateChange) * 100)}% of the shape whose document changes state as alur's does, so that its list-total and report triggers fire (${fmt(withStateChange)}/s).
During the fixed load PostgreSQL started ${reconnections} client connection(s) still open at its end (a pool reopening idle connections under load shows here: each new backend loads the catalog and compiles the trigger functions first).
${fixed.errors > 0 ? `The fixed load's failed requests (at most five kinds): ${fixed.errorTexts.map((t) => `\`${t.replace(/`/g, "'")}\``).join('; ')}.\n` : ''}Targets: >= 1,000 transitions/s at saturation (${saturated.perSecond >= 1000 ? 'met' : `not met: ${fmt((1 - saturated.perSecond / 1000) * 100)}% short`}), >= 40% of the pgbench limit (${ratio >= 0.4 ? 'met' : 'not met'}), p99 <= 25 ms at ${RATE} req/s (${fixed.p99 <= 25 ? 'met' : `not met by ${fmt(fixed.p99 - 25)} ms`}).

<details><summary>The API's 15 functions with the most self time (CPU profile of the API's start and ${PROFILE_DOCS} documents approved at saturation, idle time left out; ${fmt(profile.totalMs / 1000)} s sampled)</summary>

| function | self ms | share |
|---|---|---|
${profile.ranked.map((f) => `| \`${f.name.replace(/\|/g, '\\|')}\` | ${fmt(f.ms)} | ${fmt(f.share * 100)}% |`).join('\n')}

V8 samples on a wall-clock timer, so \`writev\` and \`writeBuffer\` (socket and log writes) also hold the time the API
waited for a core after such a write woke PostgreSQL; \`perf\`'s samples on the CPU alone (\`BENCH_COST_PERF=1 npm run
bench:cost\`) find no such hot spot, and section 1a's parts table says what the API's CPU goes to.
</details>

<details><summary>The fixed load by the second in which its requests were issued</summary>

| second | requests | p50 ms | p99 ms | max ms |
|---|---|---|---|---|
${fixed.bySecond.map((s) => `| ${s.second} | ${s.n} | ${fmt(s.p50)} | ${fmt(s.p99)} | ${fmt(s.max)} |`).join('\n')}
</details>`;
    writeSection('approval', report);
    console.log(report);
  } finally {
    await api.stop();
    await worker.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
