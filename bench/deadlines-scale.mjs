#!/usr/bin/env node
// A million pending deadlines: how long they take to insert, what Redis and the worker hold, and how
// late reminders fire when 10,000 of them come due within one minute.
//   node bench/deadlines-scale.mjs     (env: BENCH_DEADLINES [1000000], BENCH_DUE [10000])
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import pg from 'pg';
import { insertDocuments } from './lib/bulk-documents.mjs';
import { build, fmt, machineLine, recreateDatabase, REDIS_URL, sampleRss, startProcess, startWorker, waitHealthy, writeSection } from './lib/stack.mjs';

const DEADLINES = Number(process.env.BENCH_DEADLINES ?? 1_000_000);
const DUE = Number(process.env.BENCH_DUE ?? 10_000);
const PORT = Number(process.env.BENCH_PORT ?? 3902);
const PREFIX = 'alur_bench_deadlines';

async function redisUsedMemory() {
  const r = new Redis(REDIS_URL);
  try {
    const info = await r.info('memory');
    return Number(/used_memory:(\d+)/.exec(info)[1]);
  } finally {
    r.disconnect();
  }
}

async function clearPrefix() {
  const r = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 1000);
      if (keys.length) await r.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
}

async function main() {
  build();
  await clearPrefix();
  const url = await recreateDatabase('alur_bench_deadlines');
  const env = {
    PORT: String(PORT),
    DATABASE_URL: url,
    REDIS_URL,
    QUEUE_PREFIX: PREFIX,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
    LOG_LEVEL: 'warn',
  };
  const api = startProcess('api', 'dist/apps/api/src/main.js', env);
  await waitHealthy(`http://127.0.0.1:${PORT}`);
  await api.stop();

  const t0 = performance.now();
  await insertDocuments(url, {
    total: DEADLINES,
    mix: [['approval', 1]],
    dueFrom: new Date(Date.now() + 10 * 86400e3),
    dueSpreadMs: 60 * 86400e3,
    log: (m) => process.stderr.write(`\r${m}   `),
  });
  const insertSeconds = (performance.now() - t0) / 1000;
  process.stderr.write('\n');

  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const [{ pending }] = (await db.query(`SELECT count(*)::int AS pending FROM deadlines WHERE status = 'PENDING'`)).rows;
  // The fill leaves about a gigabyte of WAL behind it: without this the checkpoint it triggers writes through the burst,
  // and commits waiting on the disk made reminders 0.3-1 s late in runs of 2026-12-07 (bench/RESULTS.md section 3).
  await db.query('CHECKPOINT');
  // DUE of them get their reminder within the minute that starts 60 s from now
  const startAt = Date.now() + 60_000;
  await db.query(
    `UPDATE deadlines SET remind_at = to_timestamp($1 / 1000.0) + random() * interval '60 seconds',
            due_at = to_timestamp($1 / 1000.0) + interval '1 day', escalation_times = ARRAY[to_timestamp($1 / 1000.0) + interval '2 days']
      WHERE id IN (SELECT id FROM deadlines WHERE status = 'PENDING' ORDER BY random() LIMIT $2)`,
    [startAt, DUE],
  );
  await db.query('ANALYZE deadlines');
  const redisBefore = await redisUsedMemory();

  const memoryFile = `/tmp/alur-deadlines-memory-${process.pid}.json`;
  const worker = startWorker({ ...env, NODE_FLAGS: '--import ./bench/lib/memory-peaks.mjs', BENCH_MEMORY_FILE: memoryFile });
  let rssPeak = 0;
  let redisPeak = redisBefore;
  const sampler = setInterval(async () => {
    rssPeak = Math.max(rssPeak, await sampleRss(worker.child.pid));
    redisPeak = Math.max(redisPeak, await redisUsedMemory().catch(() => 0));
  }, 500);
  let fired = 0;
  const deadline = startAt + 60_000 + 180_000;
  try {
    while (Date.now() < deadline) {
      fired = (await db.query(`SELECT count(*)::int AS n FROM deadline_events WHERE event = 'REMINDER'`)).rows[0].n;
      if (fired >= DUE) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    await new Promise((r) => setTimeout(r, 1000));
  } finally {
    clearInterval(sampler);
  }
  const rssEnd = await sampleRss(worker.child.pid);
  await new Promise((r) => setTimeout(r, 1100)); // the preload writes its peak every second
  const { peak } = JSON.parse(readFileSync(memoryFile, 'utf8'));
  const mb = (bytes) => fmt(bytes / 2 ** 20); // MiB, as sampleRss
  const {
    rows: [late],
  } = await db.query(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99, max(ms) AS max, count(*)::int AS n
       FROM (SELECT extract(epoch FROM e.fired_at - d.remind_at) * 1000 AS ms
               FROM deadline_events e JOIN deadlines d ON d.id = e.deadline_id WHERE e.event = 'REMINDER' AND e.sequence = 1) x`,
  );
  const [{ notifications }] = (await db.query(`SELECT count(*)::int AS notifications FROM notifications WHERE type = 'REMINDER'`)).rows;
  await worker.stop();
  await db.end();
  await clearPrefix();

  const report = `## 3. Deadlines at scale

Measured ${machineLine()}.
Command: \`node bench/deadlines-scale.mjs\` (BENCH_DEADLINES=${DEADLINES}, BENCH_DUE=${DUE}); one worker process, RECONCILE_INTERVAL_MS at its default.

| figure | value |
|---|---|
| pending deadlines (documents in \`approval\`, with instance and deadline rows) | ${pending.toLocaleString()} |
| insert time (SQL, 50,000-row batches) | ${fmt(insertSeconds)} s |
| reminders due within one minute | ${DUE.toLocaleString()} |
| reminders fired / REMINDER notifications stored | ${late.n.toLocaleString()} / ${notifications.toLocaleString()} |
| lateness (fired-at minus remind-at) p50 / p99 / max | ${fmt(Number(late.p50))} ms / ${fmt(Number(late.p99))} ms / ${fmt(Number(late.max))} ms |
| worker RSS peak / at the end | ${fmt(rssPeak)} MB / ${fmt(rssEnd)} MB |
| at the peak (\`process.memoryUsage()\`, sampled every 100 ms): V8 heap used / heap reserved / outside the heap (Buffers of it) | ${mb(peak.heapUsed)} / ${mb(peak.heapTotal)} / ${mb(peak.external)} (${mb(peak.arrayBuffers)}) MB of ${mb(peak.rss)} MB |
| Redis used memory before the worker / peak | ${fmt(redisBefore / 2 ** 20)} MiB / ${fmt(redisPeak / 2 ** 20)} MiB |

The worker keeps in Redis only the next event of deadlines due within its horizon (max(3 x RECONCILE_INTERVAL_MS, 1 h)); the rest stay rows in PostgreSQL until they come near, so Redis does not grow with the number of pending deadlines.
Targets: worker RSS < 250 MB (${rssPeak < 250 ? 'met' : `not met: ${fmt(rssPeak)} MB`}), reminder lateness p99 <= 1 s (${late.p99 <= 1000 ? 'met' : `not met: ${fmt(late.p99)} ms`}).`;
  writeSection('deadlines', report);
  console.log(report);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
