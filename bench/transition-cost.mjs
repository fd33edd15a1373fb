#!/usr/bin/env node
// What one transition costs, in measures that hold on a busy machine (wall-clock throughput does not):
// CPU milliseconds per transition of the API, the worker and the PostgreSQL backends (from
// /proc/<pid>/stat over a fixed number of transitions), queries (round trips) per transition,
// commits, shared blocks and rows per transition, trigger and function self time per transition
// (track_functions = all), and EXPLAIN (ANALYZE, BUFFERS, WAL) of the pgbench transaction shape with
// each trigger's time. The ceiling the CPU figures imply on this machine: cores x 1000 / total ms.
//   npm run bench:cost      (env: BENCH_COST_DOCS, BENCH_COST_CONCURRENCY; BENCH_COST_NO_WRITE=1 leaves RESULTS.md alone;
//                            BENCH_API_NODE_FLAGS adds Node flags to the API, e.g. --max-semi-space-size=32;
//                            DATABASE_POOL_SIZE each process's connections, 20 by default)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { APPROVAL_STEPS, approveEach, createBenchQuickWins } from './lib/approval-path.mjs';
import { groupShares, topFunctions } from './lib/cpu-profile.mjs';
import os from 'node:os';
import pg from 'pg';
import {
  admin, analyzeWhereAutovacuumIsOff, backendsCpuMs, backendsCpuMsBetween, benchStackEnv, build, dbUrl, fmt, login, machineLine, outboxDrained, pool, recreateDatabase, redisCpuMs, request, safeRead, startProcess, startWorker, treeCpuMs, waitHealthy, withDescendants, writeSection,
} from './lib/stack.mjs';

const DOCS = Number(process.env.BENCH_COST_DOCS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_COST_CONCURRENCY ?? 8);
const PORT = Number(process.env.BENCH_PORT ?? 3910);
const BASE = `http://127.0.0.1:${PORT}`;
const DB = process.env.BENCH_COST_DB ?? 'alur_cost';
/** BENCH_COST_PERF=1: also `perf record -e cpu-clock` of the API, which samples only while it runs on a CPU. */
const PERF = process.env.BENCH_COST_PERF === '1';
const startsWithAny = (prefixes) => (frame) => prefixes.some((p) => frame.place.startsWith(p));
const named = (...names) => (frame) => names.includes(frame.functionName);

/**
 * The levers issue 16 names, as parts of the API's CPU profile: for a package, its own code (self time);
 * for one of alur's steps, the function and everything it calls.
 */
const API_LEVERS = [
  {
    name: "HTTP and routing: Node's http, Express, its router and body parser, Nest's core and Express adapter",
    self: startsWithAny(['node:_http_', 'express/', 'router/', 'body-parser/', 'raw-body/', 'path-to-regexp/', 'on-finished/', 'parseurl/', 'type-is/', 'content-type/', 'finalhandler/', 'iconv-lite/', 'media-typer/', 'mime-types/', '@nestjs/core/', '@nestjs/platform-express/']),
  },
  { name: 'security headers (helmet and alur\'s own)', self: startsWithAny(['helmet/', 'apps/api/src/common/http/security-headers']) },
  { name: 'request log (pino, pino-http, alur\'s middleware)', self: startsWithAny(['pino/', 'pino-http/', 'pino-std-serializers/', 'sonic-boom/', 'libs/logging/']) },
  { name: 'bearer token check (jsonwebtoken and what it calls)', inclusive: startsWithAny(['jsonwebtoken/']) },
  { name: 'PostgreSQL client (pg, pg-protocol, pg-pool, TypeORM), own code', self: startsWithAny(['pg/', 'pg-protocol/', 'pg-pool/', 'pg-types/', 'typeorm/']) },
  { name: 'request validation (`parseWith`: ajv\'s compiled checks)', inclusive: named('parseWith') },
  { name: 'the state machine (`restoreInstance`, `decideAction`: XState)', inclusive: named('restoreInstance', 'decideAction') },
  { name: 'deadline arithmetic (a stage\'s schedule, the "Segera jatuh tempo" bounds)', inclusive: named('computeDeadlineSchedule', 'slaStatusBounds') },
  { name: 'the document\'s view (`toDocumentView`: allowed actions, deadline)', inclusive: named('toDocumentView') },
  { name: 'response serialisation (`storedResponse`\'s JSON copy, Express\'s `JSON.stringify`)', inclusive: (f) => f.functionName === 'storedResponse' || (f.functionName === 'stringify' && f.place.startsWith('express/')) },
  { name: 'garbage collection', self: named('(garbage collector)') },
];

/** BENCH_COST_WORKER_PROFILE=1: also a CPU profile of the worker, its top functions printed after the run. */
const WORKER_PROFILE = process.env.BENCH_COST_WORKER_PROFILE === '1';
/** BENCH_COST_STATEMENTS=1: also the statements (triggers' included) with the most planning and execution time, from
 * pg_stat_statements, which the server must preload (shared_preload_libraries, track = all, track_planning = on). */
const STATEMENTS = process.env.BENCH_COST_STATEMENTS === '1';
const COUNT_FILE = `/tmp/alur-cost-queries-${process.pid}`;
const STEPS = APPROVAL_STEPS;

/** Read and write system calls of a process and its descendants (/proc/<pid>/io): counts, not time. */
function syscalls(pid) {
  const total = { reads: 0, writes: 0 };
  for (const p of withDescendants(pid)) {
    const io = Object.fromEntries(safeRead(`/proc/${p}/io`).split('\n').filter(Boolean).map((line) => line.split(': ')));
    total.reads += Number(io.syscr ?? 0);
    total.writes += Number(io.syscw ?? 0);
  }
  return total;
}

const createDocuments = (tokens, n) => createBenchQuickWins(BASE, tokens, n, { bench: 'cost', concurrency: CONCURRENCY });
const approveAll = (tokens, ids) => approveEach(BASE, tokens, ids, CONCURRENCY);

/** `n` GETs as the drafter (or without a token), the i-th to `pathOf(i)`, each expecting `status`: the floors under a transition. */
async function requestAll(tokens, n, pathOf, status, { anonymous = false } = {}) {
  await pool(n, CONCURRENCY, async (i) => {
    const path = pathOf(i);
    const r = await request(BASE, 'GET', path, anonymous ? {} : { token: tokens['kaltim.drafter'] });
    if (r.status !== status) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  });
}

async function queriesSoFar(pid, file) {
  rmSync(file, { force: true });
  process.kill(pid, 'SIGWINCH');
  for (let i = 0; i < 100; i++) {
    const text = safeRead(file);
    if (text) return JSON.parse(text);
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${pid} did not write its query count`);
}

/** The database's counters and the CPU of every process, at one moment (after stats are flushed). */
async function snapshot(c, api, worker) {
  await new Promise((r) => setTimeout(r, 1500)); // backends flush their statistics at most once a second
  await c.query('SELECT pg_stat_clear_snapshot()');
  const pgCpu = await backendsCpuMs(c, DB);
  const [db] = (await c.query(`SELECT xact_commit, blks_hit, blks_read, tup_inserted, tup_updated, tup_deleted, tup_returned, tup_fetched FROM pg_stat_database WHERE datname = $1`, [DB])).rows;
  const functions = (await c.query(`SELECT funcname, calls, self_time, total_time FROM pg_stat_user_functions`)).rows;
  const tables = (await c.query(`SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables`)).rows;
  return { redis: await redisCpuMs(), api: treeCpuMs(api.child.pid), worker: treeCpuMs(worker.child.pid), apiCalls: syscalls(api.child.pid), workerCalls: syscalls(worker.child.pid), pgCpu, db, functions, tables, queries: await queriesSoFar(api.child.pid, `${COUNT_FILE}.api`), workerQueries: await queriesSoFar(worker.child.pid, `${COUNT_FILE}.worker`) };
}

/** Queries per transition by the first words of their text. */
function textsPer(a, b, n, process) {
  return Object.entries(b.byText)
    .map(([text, count]) => ({ process, text, perTransition: (count - (a.byText[text] ?? 0)) / n }))
    .filter((t) => t.perTransition >= 0.01)
    .sort((x, y) => y.perTransition - x.perTransition);
}

function difference(a, b, n) {
  const pgMs = backendsCpuMsBetween(a.pgCpu, b.pgCpu);
  const db = Object.fromEntries(Object.keys(b.db).map((k) => [k, (Number(b.db[k]) - Number(a.db[k])) / n]));
  const before = new Map(a.functions.map((f) => [f.funcname, f]));
  const functions = b.functions
    .map((f) => {
      const p = before.get(f.funcname) ?? { calls: 0, self_time: 0, total_time: 0 };
      return { name: f.funcname, calls: (f.calls - p.calls) / n, selfMs: (f.self_time - p.self_time) / n, totalMs: (f.total_time - p.total_time) / n };
    })
    .filter((f) => f.calls > 0)
    .sort((x, y) => y.selfMs - x.selfMs);
  const tablesBefore = new Map(a.tables.map((t) => [t.relname, t]));
  const tables = b.tables
    .map((t) => {
      const p = tablesBefore.get(t.relname) ?? { n_tup_ins: 0, n_tup_upd: 0, n_tup_del: 0 };
      return { name: t.relname, ins: (t.n_tup_ins - p.n_tup_ins) / n, upd: (t.n_tup_upd - p.n_tup_upd) / n, del: (t.n_tup_del - p.n_tup_del) / n };
    })
    .filter((t) => t.ins + t.upd + t.del > 0)
    .sort((x, y) => x.name.localeCompare(y.name));
  const callsPer = (x, y) => ({ reads: (y.reads - x.reads) / n, writes: (y.writes - x.writes) / n });
  return { apiMs: (b.api - a.api) / n, workerMs: (b.worker - a.worker) / n, redisMs: (b.redis - a.redis) / n, apiCalls: callsPer(a.apiCalls, b.apiCalls), workerCalls: callsPer(a.workerCalls, b.workerCalls), pgMs: pgMs / n, queries: (b.queries.queries - a.queries.queries) / n, workerQueries: (b.workerQueries.queries - a.workerQueries.queries) / n, queryTexts: [...textsPer(a.queries, b.queries, n, 'API'), ...textsPer(a.workerQueries, b.workerQueries, n, 'worker')], db, functions, tables };
}

/** `perf record` of `pid` on the cpu-clock event until stop(); stop() resolves the top symbols by on-CPU share. */
function startPerf(pid) {
  const file = `/tmp/alur-cost-${process.pid}.perf`;
  const child = spawn('perf', ['record', '-e', 'cpu-clock', '-F', '499', '-p', String(pid), '-o', file], { stdio: 'ignore' });
  return {
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => {
          const out = execFileSync('perf', ['report', '-i', file, '--no-children', '--sort', 'sym', '--stdio', '--percent-limit', '0.7'], { encoding: 'utf8', maxBuffer: 64 << 20 });
          resolve(
            out
              .split('\n')
              .filter((l) => /^\s+[\d.]+%/.test(l))
              .slice(0, 25)
              .map((l) => l.trim().replace(/\s+/, ' ')),
          );
        });
        child.kill('SIGINT');
      }),
  };
}

/** Per transition: the statements with the most planning and execution time since the reset. */
async function topStatements(c, n) {
  const { rows } = await c.query(
    `SELECT toplevel, calls, plans, total_plan_time AS plan, total_exec_time AS exec, shared_blks_hit AS hit, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS text
       FROM pg_stat_statements s JOIN pg_database db ON db.oid = s.dbid WHERE db.datname = $1
      ORDER BY total_plan_time + total_exec_time DESC LIMIT 30`,
    [DB],
  );
  return rows.map((r) => `| \`${r.text.replace(/\|/g, '\\|').replace(/`/g, "'")}\` | ${r.toplevel ? 'top' : 'nested'} | ${fmt(r.calls / n, 2)} | ${fmt(r.plans / n, 2)} | ${fmt(r.plan / n, 3)} | ${fmt(r.exec / n, 3)} | ${fmt(r.hit / n, 1)} |`);
}

/** EXPLAIN (ANALYZE, BUFFERS, WAL) of bench/pgbench/transition.sql's statements on `docs`, rolled back; sums per statement and per trigger. */
async function explainPgbenchShape(c, docs) {
  const statements = new Map();
  const triggers = new Map();
  const add = (map, key, v) => {
    const o = map.get(key) ?? { ms: 0, calls: 0, hit: 0, wal: 0 };
    o.ms += v.ms;
    o.calls += v.calls ?? 1;
    o.hit += v.hit ?? 0;
    o.wal += v.wal ?? 0;
    map.set(key, o);
  };
  const explain = async (name, sql, params) => {
    const [{ 'QUERY PLAN': [plan] }] = (await c.query(`EXPLAIN (ANALYZE, BUFFERS, WAL, FORMAT JSON) ${sql}`, params)).rows;
    add(statements, name, { ms: plan['Execution Time'], hit: plan.Plan['Shared Hit Blocks'] ?? 0, wal: plan.Plan['WAL Bytes'] ?? 0 });
    for (const t of plan.Triggers ?? []) add(triggers, t['Trigger Name'], { ms: t.Time, calls: t.Calls });
  };
  for (const doc of docs) {
    await c.query('BEGIN');
    try {
      const [row] = (
        await c.query(
          `SELECT d.id AS doc, d.version, d.government_id AS gov, d.unit_id AS unit, wi.last_seq + 1 AS seq, wi.last_hash AS prev
             FROM documents d JOIN workflow_instances wi ON wi.document_id = d.id WHERE d.id = $1 FOR UPDATE OF d, wi`,
          [doc],
        )
      ).rows;
      await explain('close deadline', `UPDATE deadlines SET status = 'DONE', closed_at = now() WHERE document_id = $1 AND status = 'PENDING'`, [row.doc]);
      await explain(
        'open deadline',
        `INSERT INTO deadlines (document_id, government_id, unit_id, stage, entered_at, due_at, remind_at, escalation_times, policy, explanation)
         VALUES ($1, $2, $3, 'approval', now(), now() + interval '5 days', now() + interval '4 days', ARRAY[now() + interval '6 days'], '{}', 'pgbench')`,
        [row.doc, row.gov, row.unit],
      );
      await explain(
        'history entry',
        `INSERT INTO history_entries (document_id, seq, action, from_state, to_state, actor, content_version, content_hash, at, prev_hash, hash, government_id, unit_id, facilitated)
         VALUES ($1, $2, 'BENCH', 'approval', 'approval', 'pgbench', 1, 'x', now(), $3, md5(random()::text), $4, $5, false)`,
        [row.doc, row.seq, row.prev, row.gov, row.unit],
      );
      await explain('instance', `UPDATE workflow_instances SET last_seq = $2, last_hash = md5(random()::text), version = version + 1 WHERE document_id = $1`, [row.doc, row.seq]);
      await explain('document', `UPDATE documents SET version = version + 1, updated_at = now() WHERE id = $1 AND version = $2`, [row.doc, row.version]);
      await explain('outbox', `INSERT INTO outbox (document_id, type, payload) VALUES ($1, 'STAGE_LEFT', '{}'), ($1, 'NOTIFY', '{}'), ($1, 'STAGE_ENTERED', '{}')`, [row.doc]);
    } finally {
      await c.query('ROLLBACK');
    }
  }
  const per = (map) => [...map.entries()].map(([name, v]) => ({ name, ms: v.ms / docs.length, calls: v.calls / docs.length, hit: v.hit / docs.length, wal: v.wal / docs.length }));
  return { statements: per(statements), triggers: per(triggers).sort((a, b) => b.ms - a.ms) };
}

async function main() {
  build();
  const url = await recreateDatabase(DB);
  await admin(`ALTER DATABASE "${DB}" SET track_functions = 'all'`);
  const env = { ...benchStackEnv(DB, url), PORT: String(PORT) };
  const profileDir = mkdtempSync(join(os.tmpdir(), 'alur-cost-prof-'));
  const api = startProcess('api', 'dist/apps/api/src/main.js', {
    ...env,
    API_PROCESSES: '1', // one process: its CPU profile covers every request
    NODE_FLAGS: `--import ./bench/lib/count-queries.mjs --import ./bench/lib/exit-on-sigusr2.mjs --cpu-prof --cpu-prof-dir=${profileDir}${PERF ? ' --perf-basic-prof-only-functions' : ''}${process.env.BENCH_API_NODE_FLAGS ? ` ${process.env.BENCH_API_NODE_FLAGS}` : ''}`,
    BENCH_QUERY_COUNT_FILE: `${COUNT_FILE}.api`,
  });
  const apiExited = new Promise((resolve) => api.child.once('exit', resolve));
  const workerProfileDir = WORKER_PROFILE ? mkdtempSync(join(os.tmpdir(), 'alur-cost-worker-prof-')) : null;
  const worker = startWorker({
    ...env,
    NODE_FLAGS: `--import ./bench/lib/count-queries.mjs${workerProfileDir ? ` --cpu-prof --cpu-prof-dir=${workerProfileDir}` : ''}`,
    BENCH_QUERY_COUNT_FILE: `${COUNT_FILE}.worker`,
  });
  const c = new pg.Client({ connectionString: dbUrl(DB) });
  try {
    await waitHealthy(BASE, 300); // a loaded 2-core machine takes minutes to start Nest
    await c.connect();
    const tokens = {};
    for (const [user] of STEPS) tokens[user] = await login(BASE, user);
    await approveAll(tokens, await createDocuments(tokens, 100)); // warm-up: JIT, pools, prepared statements
    // the statements' plans made again on analyzed tables, by a second warm-up, before anything is measured
    const analyzed = await analyzeWhereAutovacuumIsOff(c);
    if (analyzed) await approveAll(tokens, await createDocuments(tokens, 50));
    const ids = await createDocuments(tokens, DOCS);
    await outboxDrained(c);
    const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
    const before = await snapshot(c, api, worker);
    if (STATEMENTS) await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()');
    const perf = PERF ? startPerf(api.child.pid) : null;
    const from = Number(process.hrtime.bigint() / 1000n);
    await approveAll(tokens, ids);
    const to = Number(process.hrtime.bigint() / 1000n);
    const onCpu = perf ? await perf.stop() : null;
    await outboxDrained(c);
    const after = await snapshot(c, api, worker);
    const n = DOCS * STEPS.length;
    const statements = STATEMENTS ? await topStatements(c, n) : null;
    const d = difference(before, after, n);
    const total = d.apiMs + d.workerMs + d.pgMs + d.redisMs;
    // the floor every request pays (HTTP, routing, logging, authentication, the actor's facts, the view):
    // as many reads of the same documents, so the transition's own share is the difference
    const readBefore = await snapshot(c, api, worker);
    await requestAll(tokens, n, (i) => `/api/quick-wins/${ids[i % ids.length]}`, 200);
    const read = difference(readBefore, await snapshot(c, api, worker), n);
    // below it: an authenticated answer that reads no document (the caller), and a path nothing
    // serves (404 without a token: HTTP, the security headers, the request log and Nest's not-found path only)
    const definitionsBefore = await snapshot(c, api, worker);
    await requestAll(tokens, n, () => '/api/me', 200);
    const definitions = difference(definitionsBefore, await snapshot(c, api, worker), n);
    // what every open page asks every 15 s (the bell): its cost times the officials online is the idle load;
    // asked of a year's history (20,000 notifications read, the run's own unread), as a busy official's is
    await c.query(
      `INSERT INTO notifications (user_id, type, document_kind, document_id, title, message, dedup_key, created_at, read_at)
       SELECT u.id, 'APPROVED', 'quick-win', $1, 'Riwayat', 'Riwayat', 'bench-history-' || i, now() - make_interval(mins => i), now() - make_interval(mins => i)
         FROM users u, generate_series(1, 20000) i WHERE u.username = 'kaltim.drafter'`,
      [ids[0]],
    );
    await c.query('VACUUM ANALYZE notifications');
    const bellBefore = await snapshot(c, api, worker);
    await requestAll(tokens, n, () => '/api/notifications?unread=true&limit=1', 200);
    const bell = difference(bellBefore, await snapshot(c, api, worker), n);
    const unroutedBefore = await snapshot(c, api, worker);
    await requestAll(tokens, n, () => '/api/nothing-here', 404, { anonymous: true });
    const unrouted = difference(unroutedBefore, await snapshot(c, api, worker), n);

    // the pgbench shape, on documents with a pending deadline (reopened for the purpose, rolled back)
    const sample = ids.slice(0, 50);
    await c.query(`UPDATE deadlines SET status = 'PENDING', closed_at = NULL WHERE id IN (SELECT DISTINCT ON (document_id) id FROM deadlines WHERE document_id = ANY($1) ORDER BY document_id, entered_at DESC)`, [sample]);
    const shape = await explainPgbenchShape(c, sample);
    api.child.kill('SIGUSR2');
    await apiExited;
    const profile = topFunctions(profileDir, 20, { from, to });
    const levers = groupShares(profileDir, API_LEVERS, { from, to });

    const report = `## 1a. What one transition costs (robust to a busy machine)

Measured ${machineLine()}; load average before the run ${load}.
Command: \`npm run bench:cost\` (BENCH_COST_DOCS=${DOCS}, BENCH_COST_CONCURRENCY=${CONCURRENCY}${STATEMENTS ? ', BENCH_COST_STATEMENTS=1' : ''}, API_PROCESSES=1, DATABASE_POOL_SIZE=${env.DATABASE_POOL_SIZE}, LOG_LEVEL=info, PostgreSQL over ${env.DATABASE_URL.includes('host=') ? 'its Unix socket' : 'TCP'}).
${n} transitions (SUBMIT, ENDORSE, VERIFY, APPROVE of ${DOCS} Quick Wins over HTTP, after ${analyzed ? '100 warm-up documents, a VACUUM ANALYZE (autovacuum is off on this server) and 50 more' : '100 warm-up documents'}), until the worker relayed every outbox row.
CPU time is utime + stime from /proc of each process (the API with its children, the worker, every PostgreSQL backend of the database; the Redis server from its INFO cpu); it counts work, not waiting, so it moves little with the machine's load.

| per transition | value |
|---|---|
| API CPU ms | ${fmt(d.apiMs, 2)} |
| worker CPU ms | ${fmt(d.workerMs, 2)} |
| PostgreSQL backends CPU ms | ${fmt(d.pgMs, 2)} |
| Redis server CPU ms | ${fmt(d.redisMs, 2)} |
| total CPU ms (ceiling on ${os.cpus().length} cores: ${fmt((os.cpus().length * 1000) / total, 0)} transitions/s) | ${fmt(total, 2)} |
| API queries (round trips) | ${fmt(d.queries, 2)} |
| worker queries | ${fmt(d.workerQueries, 2)} |
| API read / write system calls | ${fmt(d.apiCalls.reads, 2)} / ${fmt(d.apiCalls.writes, 2)} |
| worker read / write system calls | ${fmt(d.workerCalls.reads, 2)} / ${fmt(d.workerCalls.writes, 2)} |
| commits (API and worker) | ${fmt(d.db.xact_commit, 2)} |
| shared blocks hit / read | ${fmt(d.db.blks_hit, 1)} / ${fmt(d.db.blks_read, 2)} |
| rows inserted / updated / deleted | ${fmt(d.db.tup_inserted, 2)} / ${fmt(d.db.tup_updated, 2)} / ${fmt(d.db.tup_deleted, 2)} |

The floor under it: the same ${n} requests as reads (\`GET /api/quick-wins/{id}\` by the drafter, same clients), which pay
HTTP, routing, logging, authentication, the actor's facts, the document's read and its view but no transition.

| per request | transition | read | the transition's own | \`GET /api/me\` (authenticated, no document) | the bell's poll (\`GET /api/notifications?unread=true&limit=1\`) | \`GET /api/nothing-here\` (404, no token) |
|---|---|---|---|---|---|---|
| API CPU ms | ${fmt(d.apiMs, 2)} | ${fmt(read.apiMs, 2)} | ${fmt(d.apiMs - read.apiMs, 2)} | ${fmt(definitions.apiMs, 2)} | ${fmt(bell.apiMs, 2)} | ${fmt(unrouted.apiMs, 2)} |
| PostgreSQL backends CPU ms | ${fmt(d.pgMs, 2)} | ${fmt(read.pgMs, 2)} | ${fmt(d.pgMs - read.pgMs, 2)} | ${fmt(definitions.pgMs, 2)} | ${fmt(bell.pgMs, 2)} | ${fmt(unrouted.pgMs, 2)} |
| API queries (round trips) | ${fmt(d.queries, 2)} | ${fmt(read.queries, 2)} | ${fmt(d.queries - read.queries, 2)} | ${fmt(definitions.queries, 2)} | ${fmt(bell.queries, 2)} | ${fmt(unrouted.queries, 2)} |

<details><summary>Queries per transition, by process and the first words of their text</summary>

| process | query | per transition |
|---|---|---|
${d.queryTexts.map((t) => `| ${t.process} | \`${t.text.replace(/\|/g, '\\|').replace(/`/g, "'")}\` | ${fmt(t.perTransition, 2)} |`).join('\n')}
</details>

<details><summary>Rows written per transition, per table</summary>

| table | inserted | updated | deleted |
|---|---|---|---|
${d.tables.map((t) => `| ${t.name} | ${fmt(t.ins, 2)} | ${fmt(t.upd, 2)} | ${fmt(t.del, 2)} |`).join('\n')}
</details>

<details><summary>SQL and PL/pgSQL functions (triggers included) per transition, by self time</summary>

| function | calls | self ms | total ms |
|---|---|---|---|
${d.functions.map((f) => `| \`${f.name}\` | ${fmt(f.calls, 2)} | ${fmt(f.selfMs, 3)} | ${fmt(f.totalMs, 3)} |`).join('\n')}
</details>

<details><summary>EXPLAIN (ANALYZE, BUFFERS, WAL) of bench/pgbench/transition.sql's statements, mean over ${sample.length} documents (rolled back)</summary>

| statement | ms | shared blocks hit | WAL bytes |
|---|---|---|---|
${shape.statements.map((s) => `| ${s.name} | ${fmt(s.ms, 3)} | ${fmt(s.hit, 1)} | ${fmt(s.wal, 0)} |`).join('\n')}

| trigger | calls | ms |
|---|---|---|
${shape.triggers.map((t) => `| \`${t.name}\` | ${fmt(t.calls, 2)} | ${fmt(t.ms, 3)} |`).join('\n')}
</details>

<details><summary>The API's 20 functions with the most self time while it served these transitions (CPU profile, idle left out; ${fmt(profile.totalMs / 1000)} s sampled; shares, not times, are what to compare on a busy machine)</summary>

| function | share |
|---|---|
${profile.ranked.map((f) => `| \`${f.name.replace(/\|/g, '\\|')}\` | ${fmt(f.share * 100)}% |`).join('\n')}
</details>

<details open><summary>The levers issue 16 names, as parts of the API's CPU while it served these transitions (same profile; idle and socket-write samples left out, ${fmt(levers.totalMs / 1000)} s; a package's own code, or an alur step with all it calls; ms = share of the API's ${fmt(d.apiMs, 2)} ms)</summary>

| part | share | ms per transition |
|---|---|---|
${levers.shares.map((l) => `| ${l.name} | ${fmt(l.share * 100)}% | ${fmt(l.share * d.apiMs, 2)} |`).join('\n')}
</details>${
      statements
        ? `

<details><summary>Statements per transition by planning and execution time (pg_stat_statements, track = all, so the triggers' statements too; BENCH_COST_STATEMENTS=1)</summary>

| statement | level | calls | plans | plan ms | exec ms | shared blocks hit |
|---|---|---|---|---|---|---|
${statements.join('\n')}
</details>`
        : ''
    }${
      onCpu
        ? `

<details><summary>The API on the CPU only (\`perf record -e cpu-clock\`, 499 Hz, over the same transitions; JIT functions named by --perf-basic-prof-only-functions): symbols above 0.7%</summary>

\`\`\`
${onCpu.join('\n')}
\`\`\`
</details>`
        : ''
    }`;
    if (!process.env.BENCH_COST_NO_WRITE) writeSection('cost', report);
    console.log(report);
  } finally {
    await c.end().catch(() => {});
    await api.stop();
    await worker.stop();
    if (workerProfileDir) {
      const top = topFunctions(workerProfileDir, 25, null);
      console.log(`worker profile in ${workerProfileDir}`);
      console.log(`worker profile (${fmt(top.totalMs / 1000)} s sampled):\n${top.ranked.map((f) => `${fmt(f.share * 100)}% ${f.name}`).join('\n')}`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
