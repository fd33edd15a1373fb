#!/usr/bin/env node
// Approval throughput and latency over HTTP (API + worker + PostgreSQL + Redis, all local), and in the
// same run the database's own limit for the same transaction shape written as raw SQL with `pg`.
//   node bench/approval-throughput.mjs        (env: BENCH_RATE, BENCH_FIXED_SECONDS, BENCH_CONCURRENCY,
//                                              BENCH_SATURATION_DOCS, BENCH_RAW_SECONDS, BENCH_RAW_CONCURRENCY)
import pg from 'pg';
import { build, fmt, login, machineLine, pool, recreateDatabase, REDIS_URL, request, startProcess, summarize, waitHealthy, writeSection } from './lib/stack.mjs';

const RATE = Number(process.env.BENCH_RATE ?? 200);
const FIXED_SECONDS = Number(process.env.BENCH_FIXED_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SATURATION_DOCS = Number(process.env.BENCH_SATURATION_DOCS ?? 2500);
const RAW_SECONDS = Number(process.env.BENCH_RAW_SECONDS ?? 15);
const RAW_CONCURRENCY = Number(process.env.BENCH_RAW_CONCURRENCY ?? 16);
const PORT = Number(process.env.BENCH_PORT ?? 3900);
const BASE = `http://127.0.0.1:${PORT}`;
const STEPS = [
  ['kaltim.drafter', 'SUBMIT'],
  ['kaltim.kadis', 'ENDORSE'],
  ['kaltim.organisasi', 'VERIFY'],
  ['kaltim.sekda', 'APPROVE'],
];

const quickWin = (i) => ({
  title: `Quick Win bench ${i}`,
  description: 'Percepatan layanan publik berbasis digital',
  year: 2026,
  category: 'RB_GENERAL',
  area: 'PELAYANAN_PUBLIK',
  indicator: 'Waktu layanan',
  target: { value: 50, unit: 'persen' },
  output: 'Layanan daring',
  startDate: '2026-01-05',
  endDate: '2026-12-20',
  budget: 1000000,
});

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
  let errors = 0;
  const total = RATE * FIXED_SECONDS;
  const started = performance.now();
  const inFlight = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const item = ready.shift();
    if (!item) break;
    inFlight.push(
      fire(tokens, item.id, item.step)
        .then((ms) => {
          latencies.push(ms);
          if (item.step + 1 < STEPS.length) ready.push({ id: item.id, step: item.step + 1 });
        })
        .catch(() => errors++),
    );
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  return { ...summarize(latencies), errors, perSecond: latencies.length / seconds };
}

/** Closed loop: CONCURRENCY clients each drive documents through all four actions as fast as they can. */
async function saturation(tokens, ids) {
  const latencies = [];
  const started = performance.now();
  await pool(ids.length, CONCURRENCY, async (i) => {
    for (let step = 0; step < STEPS.length; step++) latencies.push(await fire(tokens, ids[i], step));
  });
  const seconds = (performance.now() - started) / 1000;
  return { ...summarize(latencies), perSecond: latencies.length / seconds, seconds };
}

/** The same transaction shape as one alur transition, as plain SQL over `pg`, on the same database. */
async function rawSqlLimit(url, ids) {
  const client = new pg.Pool({ connectionString: url, max: RAW_CONCURRENCY });
  let count = 0;
  const latencies = [];
  const deadline = performance.now() + RAW_SECONDS * 1000;
  const started = performance.now();
  await pool(RAW_CONCURRENCY, RAW_CONCURRENCY, async (lane) => {
    const c = await client.connect();
    try {
      for (let k = lane; performance.now() < deadline; k += RAW_CONCURRENCY) {
        const id = ids[k % ids.length];
        const t0 = performance.now();
        await c.query('BEGIN');
        const {
          rows: [row],
        } = await c.query(
          `SELECT d.version, d.government_id, d.unit_id, wi.last_seq, wi.last_hash, wi.snapshot FROM documents d JOIN workflow_instances wi ON wi.document_id = d.id
            WHERE d.id = $1 FOR UPDATE OF d, wi`,
          [id],
        );
        await c.query(`UPDATE deadlines SET status = 'DONE', closed_at = now() WHERE document_id = $1 AND status = 'PENDING'`, [id]);
        await c.query(
          `INSERT INTO deadlines (document_id, government_id, unit_id, stage, entered_at, due_at, remind_at, escalation_times, policy, explanation)
           VALUES ($1, $2, $3, 'approval', now(), now() + interval '5 days', now() + interval '4 days', ARRAY[now() + interval '6 days'], '{}', 'bench')`,
          [id, row.government_id, row.unit_id],
        );
        const seq = row.last_seq + 1;
        await c.query(
          `INSERT INTO history_entries (document_id, seq, action, from_state, to_state, actor, content_version, content_hash, at, prev_hash, hash)
           VALUES ($1, $2, 'BENCH', 'approval', 'approval', 'bench', 1, 'x', now(), $3, md5(random()::text))`,
          [id, seq, row.last_hash],
        );
        await c.query(`UPDATE workflow_instances SET snapshot = $2, last_seq = $3, version = version + 1 WHERE document_id = $1`, [id, row.snapshot, seq]);
        await c.query(`UPDATE documents SET version = version + 1, updated_at = now() WHERE id = $1 AND version = $2`, [id, row.version]);
        await c.query(
          `INSERT INTO outbox (document_id, type, payload) VALUES ($1, 'STAGE_LEFT', '{}'), ($1, 'NOTIFY', '{}'), ($1, 'STAGE_ENTERED', '{}')`,
          [id],
        );
        await c.query('COMMIT');
        latencies.push(performance.now() - t0);
        count++;
      }
    } finally {
      c.release();
    }
  });
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return { ...summarize(latencies), perSecond: count / seconds };
}

async function main() {
  build();
  const url = await recreateDatabase('alur_bench');
  const env = {
    NODE_ENV: 'development',
    PORT: String(PORT),
    DATABASE_URL: url,
    REDIS_URL,
    QUEUE_PREFIX: 'alur_bench',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
    LOG_LEVEL: 'warn',
    LOGIN_THROTTLE_LIMIT: '100000',
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '20',
  };
  const api = startProcess('api', 'dist/apps/api/src/main.js', env);
  const worker = startProcess('worker', 'dist/apps/worker/src/main.js', env);
  try {
    await waitHealthy(BASE);
    const tokens = {};
    for (const [user] of STEPS) tokens[user] = await login(BASE, user);

    const fixedDocs = await createDocuments(tokens, Math.ceil((RATE * FIXED_SECONDS) / STEPS.length) + 50);
    // warm-up: JIT, pools, caches
    await saturation(tokens, (await createDocuments(tokens, 200)));
    const fixed = await fixedRate(tokens, fixedDocs);
    const saturated = await saturation(tokens, await createDocuments(tokens, SATURATION_DOCS));
    const raw = await rawSqlLimit(url, fixedDocs);
    const ratio = saturated.perSecond / raw.perSecond;

    const report = `## 1-2. Approval throughput and latency vs the database's limit

Measured ${machineLine()}.
Command: \`node bench/approval-throughput.mjs\` (BENCH_RATE=${RATE}, BENCH_FIXED_SECONDS=${FIXED_SECONDS}, BENCH_CONCURRENCY=${CONCURRENCY}, BENCH_SATURATION_DOCS=${SATURATION_DOCS}, RAW ${RAW_CONCURRENCY} connections for ${RAW_SECONDS}s, DATABASE_POOL_SIZE=${env.DATABASE_POOL_SIZE}).
One API process and one worker; each document goes SUBMIT, ENDORSE, VERIFY, APPROVE by four users over HTTP with keep-alive.

| run | transitions/s | p50 ms | p95 ms | p99 ms | max ms | requests |
|---|---|---|---|---|---|---|
| fixed offered load ${RATE} req/s | ${fmt(fixed.perSecond)} | ${fmt(fixed.p50)} | ${fmt(fixed.p95)} | ${fmt(fixed.p99)} | ${fmt(fixed.max)} | ${fixed.n} (${fixed.errors} errors) |
| saturation, ${CONCURRENCY} clients | **${fmt(saturated.perSecond)}** | ${fmt(saturated.p50)} | ${fmt(saturated.p95)} | ${fmt(saturated.p99)} | ${fmt(saturated.max)} | ${saturated.n} |
| raw SQL, same transaction shape, ${RAW_CONCURRENCY} connections | ${fmt(raw.perSecond)} | ${fmt(raw.p50)} | ${fmt(raw.p95)} | ${fmt(raw.p99)} | ${fmt(raw.max)} | ${raw.n} |

alur reaches **${fmt(ratio * 100)}%** of the raw-SQL limit measured in the same run.
Targets: >= 1,500 transitions/s at saturation (${saturated.perSecond >= 1500 ? 'met' : `not met: ${fmt((1 - saturated.perSecond / 1500) * 100)}% short`}), >= 30% of the raw limit (${ratio >= 0.3 ? 'met' : 'not met'}), p99 <= 25 ms at ${RATE} req/s (${fixed.p99 <= 25 ? 'met' : `not met by ${fmt(fixed.p99 - 25)} ms`}).`;
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
