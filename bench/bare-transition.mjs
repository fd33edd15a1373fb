#!/usr/bin/env node
// The floor under issue 16's 1,000 transitions/s on this machine: the same transaction as bench:approval's pgbench
// shape (state changed, as alur's transitions change it), served over HTTP by the least a Node service can be
// (bench/lib/bare-transition-server.mjs: node:http and a pg pool; no framework, token, state machine, log or worker),
// next to pgbench's own figure in the same run. What such a server reaches on these cores bounds what any Node API
// doing this transaction over HTTP reaches here, whatever its framework; alur's own rate is section 1-2's.
//   npm run bench:bare   (env: BENCH_BARE_SECONDS [10] per round, BENCH_BARE_ROUNDS [3], BENCH_CONCURRENCY [32], BARE_POOL_SIZE [8])
import { fork } from 'node:child_process';
import os from 'node:os';
import { benchQuickWin } from './lib/approval-path.mjs';
import { runPgbench } from './lib/pgbench.mjs';
import {
  backendsCpuMs,
  backendsCpuMsBetween,
  build,
  dropConnections,
  fmt,
  login,
  machineBusyMs,
  machineLine,
  overLocalSocket,
  pool,
  processCpuMs,
  recreateDatabase,
  REDIS_URL,
  request,
  startProcess,
  summarize,
  waitHealthy,
  withClient,
  writeSection,
} from './lib/stack.mjs';

const SECONDS = Number(process.env.BENCH_BARE_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_BARE_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const POOL_SIZE = process.env.BARE_POOL_SIZE ?? '8';
const DOCS = 400;
const PORT = Number(process.env.BENCH_PORT ?? 3903);
const BASE = `http://127.0.0.1:${PORT}`;
const DB = 'alur_bare';
const LOAD_BEFORE = os.loadavg().map((x) => x.toFixed(2)).join(' ');

/** alur's schema and demo people, and DOCS Quick Win drafts made through its API, listed in bench_docs as pgbench reads them. */
async function prepareDatabase(url) {
  const api = startProcess('api', 'dist/apps/api/src/main.js', {
    NODE_ENV: 'development',
    PORT: String(PORT),
    DATABASE_URL: url,
    REDIS_URL,
    QUEUE_PREFIX: 'alur_bare',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
    LOG_LEVEL: 'warn',
    LOGIN_THROTTLE_LIMIT: '100000',
  });
  const ids = [];
  try {
    await waitHealthy(BASE);
    const token = await login(BASE, 'kaltim.drafter');
    await pool(DOCS, 16, async (i) => {
      const r = await request(BASE, 'POST', '/api/quick-wins', { token, body: benchQuickWin('bare', i) });
      if (r.status !== 201) throw new Error(`create: ${r.status} ${JSON.stringify(r.body)}`);
      ids[i] = r.body.id;
    });
  } finally {
    await api.stop();
    dropConnections();
  }
  await withClient(url, async (c) => {
    await c.query('CREATE TABLE bench_docs (n int PRIMARY KEY, id uuid NOT NULL)');
    await c.query('INSERT INTO bench_docs SELECT ord, id FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, ord)', [ids]);
    await c.query('VACUUM ANALYZE');
  });
}

function startServer(url, shape) {
  const child = fork('bench/lib/bare-transition-server.mjs', { env: { ...process.env, DATABASE_URL: url, PORT: String(PORT), BARE_SHAPE: shape, BARE_POOL_SIZE: POOL_SIZE }, stdio: 'inherit' });
  const listening = new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`the bare server exited ${code}`)));
  });
  return { child, listening, stop: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM')))) };
}

/** CONCURRENCY keep-alive clients posting transitions of random documents for `seconds`. */
async function load(seconds) {
  const latencies = [];
  let errors = 0;
  let firstError = null;
  const until = performance.now() + seconds * 1000;
  await pool(CONCURRENCY, CONCURRENCY, async () => {
    while (performance.now() < until) {
      const r = await request(BASE, 'POST', `/transitions/${1 + Math.floor(Math.random() * DOCS)}`, { maxSockets: CONCURRENCY });
      if (r.status === 200 && r.body.written === 1) latencies.push(r.ms);
      else {
        errors++;
        firstError ??= `${r.status} ${JSON.stringify(r.body)}`;
      }
    }
  });
  // a version guard that missed (a transition lost) or an error is a broken run, not a figure
  if (errors > 0) throw new Error(`${errors} of ${errors + latencies.length} transitions failed, the first: ${firstError}`);
  return { latencies, errors };
}

/** One round of the bare server with `shape`: rate, latency and CPU per transition of server, backends, generator and cores. */
async function round(url, shape) {
  const server = startServer(url, shape);
  await server.listening;
  try {
    await load(2); // warm-up: JIT, the pool's connections, prepared statements
    return await withClient(url, async (c) => {
      const [serverBefore, backendsBefore, busyBefore, ownBefore] = [processCpuMs(server.child.pid), await backendsCpuMs(c, DB), machineBusyMs(), process.cpuUsage()];
      const started = performance.now();
      const { latencies, errors } = await load(SECONDS);
      const elapsed = (performance.now() - started) / 1000;
      const [serverAfter, backendsAfter, busyAfter, own] = [processCpuMs(server.child.pid), await backendsCpuMs(c, DB), machineBusyMs(), process.cpuUsage(ownBefore)];
      const n = latencies.length;
      return {
        shape,
        ...summarize(latencies),
        errors,
        perSecond: n / elapsed,
        serverMs: (serverAfter - serverBefore) / n,
        backendsMs: backendsCpuMsBetween(backendsBefore, backendsAfter) / n,
        generatorMs: (own.user + own.system) / 1000 / n,
        machineMs: (busyAfter - busyBefore) / n,
      };
    });
  } finally {
    await server.stop();
    dropConnections();
  }
}

async function main() {
  build();
  const url = overLocalSocket(await recreateDatabase(DB));
  await prepareDatabase(url);
  const runs = [];
  // each run starts on vacuumed tables: the runs before it left dead rows and a growing deadlines table behind
  const vacuumed = () => withClient(url, (c) => c.query('VACUUM ANALYZE documents, workflow_instances, deadlines, history_entries, outbox'));
  for (let r = 0; r < ROUNDS; r++) {
    await vacuumed();
    runs.push({ kind: 'pgbench', ...runPgbench(url, 'bench/pgbench/transition.sql', { clients: 4, seconds: SECONDS, vars: { ndocs: DOCS, state_change: 1 } }) });
    for (const shape of ['statements', 'one-write']) {
      await vacuumed();
      runs.push({ kind: 'bare', ...(await round(url, shape)) });
    }
  }
  const pgbench = runs.filter((r) => r.kind === 'pgbench');
  const limit = pgbench.reduce((sum, r) => sum + r.tps, 0) / pgbench.length;
  const bare = runs.filter((r) => r.kind === 'bare');
  const best = bare.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  const cores = os.cpus().length;
  const row = (r) =>
    r.kind === 'pgbench'
      ? `| pgbench, 4 clients (\`-M prepared\`) | ${fmt(r.tps)} | | | | | | | ${r.transactions} (latency average ${fmt(r.latencyMs, 2)} ms) |`
      : `| bare Node server, ${r.shape === 'statements' ? "pgbench's statements (9 round trips)" : 'the close, then the other writes in one statement (5 round trips, as alur)'} | **${fmt(r.perSecond)}** | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.serverMs, 3)} | ${fmt(r.backendsMs, 3)} | ${fmt(r.generatorMs, 3)} | ${fmt(r.machineMs, 3)} (${fmt((r.machineMs * r.perSecond) / (cores * 10))}%) | ${r.n} (${r.errors} errors) |`;

  writeSection(
    'bare-transition',
    `## 1c. The floor: the same transaction behind the barest Node HTTP server

Measured ${machineLine()}; load average before the run ${LOAD_BEFORE}, after ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}.
Command: \`npm run bench:bare\` (BENCH_BARE_SECONDS=${SECONDS} per run, each after a VACUUM ANALYZE of the tables it writes, BENCH_BARE_ROUNDS=${ROUNDS}, BENCH_CONCURRENCY=${CONCURRENCY} keep-alive clients, BARE_POOL_SIZE=${POOL_SIZE}, PostgreSQL over ${url.includes('host=') ? 'its Unix socket' : 'TCP'}, runs taking turns).
The transaction of section 1-2's pgbench shape with the document's state changed (as every transition of alur's approval path changes it, so its list-total and report triggers fire), on ${DOCS} documents made through alur's API, once by pgbench and once per request by \`bench/lib/bare-transition-server.mjs\`: \`node:http\` and a \`pg\` pool, no framework, token, state machine, validation, log, outbox relay or worker. The load generator (this script) shares the cores; its CPU is counted apart. CPU per transition is utime + stime from /proc of the server, of the database's backends and of the generator, and the cores' busy time from /proc/stat.

| run | transitions/s | p50 ms | p99 ms | server CPU ms | PostgreSQL backends CPU ms | generator CPU ms | cores busy ms (share of ${cores}) | transactions |
|---|---|---|---|---|---|---|---|---|
${runs.map(row).join('\n')}

pgbench's mean: ${fmt(limit)}/s; the barest Node server reaches at best **${fmt(best.perSecond)}/s** (${fmt((best.perSecond / limit) * 100)}% of it) with the ${best.shape === 'statements' ? "pgbench's statements" : 'writes in one statement'}. Its own work (server and backends, ${fmt(best.serverMs + best.backendsMs, 2)} ms per transition) would allow ${fmt((cores * 1000) / (best.serverMs + best.backendsMs))}/s on these ${cores} cores with the load generator elsewhere.`,
  );
  console.log(runs);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
