#!/usr/bin/env node
// Report latency over a million documents and their stage history: every report of GET /api/reports
// for a province Sekda (whole government plus its regencies as totals), a Kepala OPD and a regency
// Sekda, p50/p95/p99, and the plans of the report queries (EXPLAIN ANALYZE).
//   node bench/reports-latency.mjs   (env: BENCH_DOCUMENTS [1000000], BENCH_REQUESTS [100])
import os from 'node:os';
import pg from 'pg';
import { insertDocuments } from './lib/bulk-documents.mjs';
import { build, fmt, login, machineLine, recreateDatabase, REDIS_URL, request, startProcess, summarize, waitHealthy, writeSection } from './lib/stack.mjs';

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const PORT = Number(process.env.BENCH_PORT ?? 3902);
const BASE = `http://127.0.0.1:${PORT}`;
const YEAR = new Date().getUTCFullYear();

const REPORTS = ['stage-times', 'open-by-sla', 'throughput', 'workload', 'quick-wins'];
const CASES = [
  ...REPORTS.map((r) => ['kaltim.sekda', `/api/reports/${r}?year=${YEAR}`]),
  ...REPORTS.map((r) => ['kaltim.kadis', `/api/reports/${r}?year=${YEAR}`]),
  ['paser.sekda', `/api/reports/stage-times?year=${YEAR}`],
  ['paser.sekda', `/api/reports/quick-wins?year=${YEAR}`],
  ['kaltim.sekda', `/api/reports/stage-times?year=${YEAR}&format=xlsx`],
  ['kaltim.sekda', `/api/reports/open-by-sla?format=csv`],
];

/** Stages a Quick Win in each state has left, in order (the path bulk-documents.mjs gives it). */
const LEFT = {
  endorsement: 0, verification: 1, approval: 2, revision: 1, implementation: 3, completed: 5, rejected: 3, withdrawn: 0, draft: 0,
};
const STAGES = ['endorsement', 'verification', 'approval', 'implementation', 'evaluation'];
const AREAS = ['MANAJEMEN_PERUBAHAN', 'DEREGULASI', 'PENATAAN_ORGANISASI', 'PENATAAN_TATA_LAKSANA', 'MANAJEMEN_SDM', 'PENGUATAN_AKUNTABILITAS', 'PENGUATAN_PENGAWASAN', 'PELAYANAN_PUBLIK'];

/**
 * The stage history the reports read: documents spread over every unit of their government and the
 * eight RB areas, then for each document the deadlines of the stages it has left (entered one after
 * the other from its creation, 2 hours to 8 days each, about a fifth of them late), and the weekly
 * started/finished rows. The summaries are filled with the same SQL the triggers run on each
 * transition (working_seconds_between, stage_time_bucket), then folded as the worker does.
 */
async function addHistory(url, log) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    log('spreading documents over units and RB areas');
    // the counts and the roll-up are rebuilt below in one statement each, as their migrations do
    await c.query(`ALTER TABLE documents DISABLE TRIGGER trg_documents_count_delta, DISABLE TRIGGER trg_documents_quick_win_update`);
    await c.query(`
      UPDATE documents d SET unit_id = gu.units[1 + (abs(hashtext(d.id::text || 'u')) % cardinality(gu.units))],
             content = jsonb_set(d.content, '{area}', to_jsonb(($1::text[])[1 + (abs(hashtext(d.id::text)) % 8)]))
        FROM (SELECT g.id AS gov, array_agg(u.id ORDER BY u.code) AS units FROM governments g JOIN units u ON u.government_id = g.id GROUP BY g.id) gu
       WHERE gu.gov = d.government_id`,
      [AREAS],
    );
    await c.query(`ALTER TABLE documents ENABLE TRIGGER trg_documents_count_delta, ENABLE TRIGGER trg_documents_quick_win_update`);
    await c.query(`TRUNCATE quick_win_counts, quick_win_deltas`);
    await c.query(`
      INSERT INTO quick_win_counts
      SELECT d.government_id, d.unit_id, coalesce(d.year, 0), coalesce(d.content ->> 'category', ''), coalesce(d.content ->> 'area', ''), d.state, count(*),
             sum(CASE WHEN jsonb_typeof(d.content -> 'budget') = 'number' THEN (d.content ->> 'budget')::numeric ELSE 0 END),
             sum(CASE WHEN jsonb_typeof(d.facts -> 'progressReports') = 'array' THEN jsonb_array_length(d.facts -> 'progressReports') ELSE 0 END),
             sum(quick_win_reports_on_time(d.id, d.facts)),
             count(*) FILTER (WHERE d.state = 'completed' AND extract(year FROM d.updated_at AT TIME ZONE g.time_zone) <= d.year)
        FROM documents d JOIN governments g ON g.id = d.government_id WHERE d.kind = 'quick-win' GROUP BY 1, 2, 3, 4, 5, 6`);
    await c.query(`TRUNCATE document_counts, document_count_deltas`);
    await c.query(`INSERT INTO document_counts SELECT kind, government_id, unit_id, state, coalesce(year, 0), count(*) FROM documents GROUP BY 1, 2, 3, 4, 5`);
    await c.query(`UPDATE deadlines dl SET unit_id = d.unit_id FROM documents d WHERE d.id = dl.document_id AND dl.unit_id <> d.unit_id`);

    for (const [i, stage] of STAGES.entries()) {
      const states = Object.entries(LEFT).filter(([, n]) => n > i).map(([s]) => s);
      log(`closed ${stage} stages`);
      await c.query(
        `INSERT INTO deadlines (document_id, government_id, unit_id, kind, stage, entered_at, due_at, closed_at, status, policy, explanation)
         SELECT d.id, d.government_id, d.unit_id, 'quick-win', $1, entered, entered + interval '3 days',
                entered + (interval '2 hours' + (abs(hashtext(d.id::text || $1)) % 1000) / 1000.0 * interval '4 days' * (1 + (abs(hashtext($1 || d.id::text)) % 5 = 0)::int)),
                'DONE', '{"duration":"P3D","businessDays":true,"remindBefore":"P1D","escalateAfter":"P1D","escalateEvery":"P2D","maxEscalations":3}', 'bench'
           FROM documents d, LATERAL (SELECT d.created_at + $2::int * interval '8 days' AS entered) e
          WHERE d.state = ANY($3::text[])`,
        [stage, i, states],
      );
    }
    log('stage-time summaries');
    await c.query(`
      INSERT INTO stage_time_deltas
      SELECT dl.government_id, date_trunc('month', dl.closed_at AT TIME ZONE g.time_zone)::date, dl.kind, dl.stage, dl.unit_id,
             stage_time_bucket(working_seconds_between(dl.entered_at, dl.closed_at, g.time_zone, dl.government_id)), 1,
             CASE WHEN dl.closed_at <= dl.due_at THEN 1 ELSE 0 END
        FROM deadlines dl JOIN governments g ON g.id = dl.government_id
       WHERE dl.status = 'DONE'`);
    log('throughput summaries');
    await c.query(`
      INSERT INTO throughput_deltas
      SELECT d.government_id, date_trunc('week', d.created_at AT TIME ZONE g.time_zone)::date, d.kind, d.unit_id, 1, 0
        FROM documents d JOIN governments g ON g.id = d.government_id WHERE d.state NOT IN ('draft', 'withdrawn')
      UNION ALL
      SELECT d.government_id, date_trunc('week', (d.created_at + interval '30 days') AT TIME ZONE g.time_zone)::date, d.kind, d.unit_id, 0, 1
        FROM documents d JOIN governments g ON g.id = d.government_id WHERE d.final AND d.state <> 'withdrawn'`);
    await c.query(`SELECT compact_report_summaries()`);
    // steady state: autovacuum has set the visibility map, so index-only scans skip the heap
    await c.query(`VACUUM ANALYZE`);
    const { rows } = await c.query(
      `SELECT (SELECT count(*) FROM deadlines WHERE status = 'DONE')::int AS closed, (SELECT count(*) FROM stage_time_counts)::int AS "stageRows",
              (SELECT count(*) FROM throughput_counts)::int AS "weekRows", (SELECT count(*) FROM deadlines WHERE status = 'PENDING')::int AS open`,
    );
    return rows[0];
  } finally {
    await c.end();
  }
}

async function explain(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const [{ id }] = (await c.query(`SELECT id FROM governments WHERE code = 'kaltim'`)).rows;
    const plans = {};
    const q = async (name, sql, params) => {
      const r = await c.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) ${sql}`, params);
      plans[name] = r.rows.map((x) => x['QUERY PLAN']).join('\n');
    };
    await q(
      'stage-times of kaltim for the year (whole-government summary + deltas, as the repository reads them)',
      `SELECT kind, stage, month, bucket, sum(count), sum(within_sla) FROM (
         SELECT kind, stage, month, bucket, count, within_sla FROM stage_time_totals WHERE government_id = ANY($1::uuid[]) AND month >= $2::date AND month <= $3::date
         UNION ALL SELECT kind, stage, month, bucket, count, within_sla FROM stage_time_deltas WHERE government_id = ANY($1::uuid[]) AND month >= $2::date AND month <= $3::date) s
        GROUP BY 1, 2, 3, 4`,
      [[id], `${YEAR}-01-01`, `${YEAR}-12-31`],
    );
    await q(
      'open stages of kaltim by SLA status',
      `SELECT kind, stage, unit_id, count(*) FILTER (WHERE due_at <= now()), count(*) FILTER (WHERE due_at > now())
         FROM deadlines WHERE status = 'PENDING' AND government_id = ANY($1::uuid[]) GROUP BY 1, 2, 3`,
      [[id]],
    );
    await q(
      'the 20 most overdue open stages of kaltim (open-by-sla)',
      `SELECT dl.document_id, dl.kind, d.title, dl.unit_id, dl.stage, dl.due_at
         FROM deadlines dl JOIN documents d ON d.id = dl.document_id
        WHERE dl.status = 'PENDING' AND dl.due_at <= now() AND dl.government_id = ANY($1::uuid[])
        ORDER BY dl.due_at, dl.document_id LIMIT 20`,
      [[id]],
    );
    await q(
      'Quick Win roll-up of kaltim for the year',
      `SELECT d.unit_id, d.content ->> 'category', d.content ->> 'area', d.state, count(*), sum((d.content ->> 'budget')::numeric)
         FROM documents d WHERE d.kind = 'quick-win' AND d.government_id = ANY($1::uuid[]) AND d.year = $2 GROUP BY 1, 2, 3, 4`,
      [[id], YEAR],
    );
    return plans;
  } finally {
    await c.end();
  }
}

async function main() {
  build();
  const url = await recreateDatabase('alur_bench_reports');
  const env = {
    PORT: String(PORT),
    DATABASE_URL: url,
    REDIS_URL,
    QUEUE_PREFIX: 'alur_bench_reports',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
    LOG_LEVEL: 'warn',
    LOGIN_THROTTLE_LIMIT: '100000',
  };
  const log = (m) => process.stderr.write(`\r${m}                    `);
  let api = startProcess('api', 'dist/apps/api/src/main.js', env);
  await waitHealthy(BASE);
  await api.stop();
  const loadBefore = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  const t0 = performance.now();
  await insertDocuments(url, { total: DOCUMENTS, log });
  const history = await addHistory(url, log);
  const fillSeconds = (performance.now() - t0) / 1000;
  process.stderr.write('\n');

  api = startProcess('api', 'dist/apps/api/src/main.js', env);
  const rows = [];
  try {
    await waitHealthy(BASE);
    for (const [user, path] of CASES) {
      const token = await login(BASE, user);
      for (let i = 0; i < 5; i++) await request(BASE, 'GET', path, { token }); // warm-up
      const latencies = [];
      let size = 0;
      for (let i = 0; i < REQUESTS; i++) {
        const r = await request(BASE, 'GET', path, { token });
        if (r.status !== 200) throw new Error(`${user} ${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
        size = typeof r.body === 'string' ? r.body.length : JSON.stringify(r.body).length;
        latencies.push(r.ms);
      }
      rows.push({ user, path, size, ...summarize(latencies) });
      process.stderr.write(`${user} ${path}: p95 ${fmt(rows.at(-1).p95)} ms\n`);
    }
  } finally {
    await api.stop();
  }
  const loadAfter = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  const plans = await explain(url);
  const worst = Math.max(...rows.map((r) => r.p95));
  const report = `## 6. Report latency with ${DOCUMENTS.toLocaleString()} documents and their stage history

Measured ${machineLine()}. **The machine was shared with other engineers' builds and tests while this ran**, so the
figures are upper bounds of what the code does on a quiet machine: load average (1, 5, 15 min) ${loadBefore} before the fill, ${loadAfter} after the requests.
Command: \`npm run bench:reports\` (BENCH_DOCUMENTS=${DOCUMENTS}, ${REQUESTS} sequential requests per case after 5 warm-up requests; one API process).
Filled with SQL in ${fmt(fillSeconds)} s: ${DOCUMENTS.toLocaleString()} Quick Wins over three governments, five units each and the eight RB areas, created over three years;
${history.closed.toLocaleString()} stages left (closed deadlines) and ${history.open.toLocaleString()} open ones. The summaries hold
${history.stageRows.toLocaleString()} stage-time rows and ${history.weekRows.toLocaleString()} week rows. History entries are not generated: no report reads them.

| caller | request | body bytes | p50 ms | p95 ms | p99 ms |
|---|---|---|---|---|---|
${rows.map((r) => `| ${r.user} | \`${r.path}\` | ${r.size.toLocaleString()} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} |`).join('\n')}

Target: p95 <= 200 ms for each report (${worst <= 200 ? 'met' : `not met: worst p95 ${fmt(worst)} ms`}).

${Object.entries(plans).map(([name, plan]) => `<details><summary>EXPLAIN ANALYZE: ${name}</summary>\n\n\`\`\`\n${plan}\n\`\`\`\n</details>`).join('\n\n')}`;
  writeSection('reports', report);
  console.log(report);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
