#!/usr/bin/env node
// Report latency over a million documents and their stage history: every report of GET /api/reports
// for a province Sekda (whole government plus its regencies as totals), a Kepala OPD and a regency
// Sekda, p50/p95/p99, and the plans of the report queries (EXPLAIN ANALYZE).
//   node bench/reports-latency.mjs   (env: BENCH_DOCUMENTS [1000000], BENCH_REQUESTS [100],
//   BENCH_REPORTS_REUSE=1: keep the filled database alur_bench_reports and measure on it again when it
//   holds BENCH_DOCUMENTS documents; the API applies any newer migration to it first;
//   BENCH_REPORTS_EXPLAIN_ONLY=1: print the plans of the report queries and stop)
import os from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { fillReportsHistory } from './lib/bulk-reports.mjs';
import { admin, build, dbUrl, fmt, login, machineLine, recreateDatabase, REDIS_URL, request, startProcess, summarize, waitHealthy, writeSection } from './lib/stack.mjs';

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const PORT = Number(process.env.BENCH_PORT ?? 3902);
const BASE = `http://127.0.0.1:${PORT}`;
const YEAR = new Date().getUTCFullYear();
const DATABASE = 'alur_bench_reports';
const REUSE = process.env.BENCH_REPORTS_REUSE === '1';

const REPORTS = ['stage-times', 'open-by-sla', 'throughput', 'workload', 'quick-wins'];
const CASES = [
  ...REPORTS.map((r) => ['kaltim.sekda', `/api/reports/${r}?year=${YEAR}`]),
  ...REPORTS.map((r) => ['kaltim.kadis', `/api/reports/${r}?year=${YEAR}`]),
  ['paser.sekda', `/api/reports/stage-times?year=${YEAR}`],
  ['paser.sekda', `/api/reports/quick-wins?year=${YEAR}`],
  ['kaltim.sekda', `/api/reports/stage-times?year=${YEAR}&format=xlsx`],
  ['kaltim.sekda', `/api/reports/open-by-sla?format=csv`],
];

/**
 * The plans of the report queries for kaltim's year, as ReportsRepository (the built one) sends them:
 * its DataSource is replaced by one that EXPLAINs each statement.
 */
async function explain(url) {
  const { ReportsRepository, SESSION_OPTIONS } = await import(pathToFileURL(resolve('dist/libs/persistence/src/index.js')).href);
  // the API's own session settings (no JIT), so the plans and times are what its statements get
  const c = new pg.Client({ connectionString: url, options: SESSION_OPTIONS });
  await c.connect();
  try {
    const [{ id }] = (await c.query(`SELECT id FROM governments WHERE code = 'kaltim'`)).rows;
    const children = (await c.query(`SELECT array_agg(id) AS ids FROM governments WHERE parent_id = $1`, [id])).rows[0].ids ?? [];
    const [{ id: unit }] = (await c.query(`SELECT id FROM units WHERE government_id = $1 AND code = 'diskominfo'`, [id])).rows;
    const plans = {};
    let name = '';
    const repo = new ReportsRepository({
      query: async (sql, params) => {
        const r = await c.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) ${sql}`, params);
        plans[name] = r.rows.map((x) => x['QUERY PLAN']).join('\n');
        return [];
      },
    });
    const place = { governmentIds: [id], unitIds: null, kind: null };
    const window = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };
    const now = new Date();
    const soon = new Date(now.getTime() + 4 * 86400e3);
    const cases = [
      ['stage-times of kaltim for the year (whole-government totals + deltas)', () => repo.stageTimeSummaries(place, window)],
      ["stage-times of kaltim's diskominfo for the year (per-unit counts + deltas)", () => repo.stageTimeSummaries({ ...place, unitIds: [unit] }, window)],
      ['stage-times of the regencies as totals', () => repo.stageTimeTotalsByGovernment({ ...place, governmentIds: children }, window)],
      ['open stages of kaltim by SLA status (open-by-sla, workload)', () => repo.openStages(place, now, soon)],
      ['open stages of the regencies by SLA status', () => repo.openStages({ ...place, governmentIds: children }, now, soon)],
      ['the 20 most overdue open stages of kaltim (open-by-sla)', () => repo.mostOverdue(place, now, 20)],
      ['Quick Win roll-up of kaltim for the year (quick-wins)', () => repo.quickWinRollup(place, YEAR)],
      ['throughput of kaltim for the year', () => repo.throughput(place, window)],
    ];
    for (const [n, run] of cases) {
      name = n;
      await run();
    }
    return plans;
  } finally {
    await c.end();
  }
}

async function main() {
  build();
  // A kept fill says what it holds in its database's comment (documents, fill time, history).
  const kept = REUSE ? await admin(`SELECT shobj_description(oid, 'pg_database') AS fill FROM pg_database WHERE datname = '${DATABASE}'`) : null;
  const keptFill = kept?.rows?.[0]?.fill ? JSON.parse(kept.rows[0].fill) : null;
  const reuse = keptFill !== null && keptFill.documents === DOCUMENTS;
  const url = reuse ? dbUrl(DATABASE) : await recreateDatabase(DATABASE);
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
  let fill = keptFill;
  if (reuse) {
    process.stderr.write(`reusing ${DATABASE} (${DOCUMENTS.toLocaleString()} documents, filled ${fill.filledAt})\n`);
  } else {
    const t0 = performance.now();
    const history = await fillReportsHistory(url, { total: DOCUMENTS, log });
    fill = { documents: DOCUMENTS, seconds: (performance.now() - t0) / 1000, loadAfter: os.loadavg().map((x) => x.toFixed(1)).join(' '), filledAt: new Date().toISOString(), history };
    await admin(`COMMENT ON DATABASE ${DATABASE} IS '${JSON.stringify(fill)}'`);
    process.stderr.write('\n');
  }
  const { history, seconds: fillSeconds } = fill;
  if (process.env.BENCH_REPORTS_EXPLAIN_ONLY === '1') {
    // the plans only, on the filled database (the API started above applied any newer migration)
    for (const [name, plan] of Object.entries(await explain(url))) console.log(`-- ${name}\n${plan}\n`);
    return;
  }

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

Measured ${machineLine()}. ${Number(loadBefore.split(' ')[0]) > 2 ? "**The machine was shared with other engineers' builds and tests while this ran**, so the\nfigures are upper bounds of what the code does on a quiet machine: load average" : 'Nothing else ran on the machine: load average'} (1, 5, 15 min) ${loadBefore} before ${reuse ? 'the requests' : 'the fill'}${reuse ? '' : ` (${fill.loadAfter} after it)`}, ${loadAfter} after the requests.
Command: \`${reuse ? 'BENCH_REPORTS_REUSE=1 ' : ''}BENCH_DOCUMENTS=${DOCUMENTS} npm run bench:reports\` (${REQUESTS} sequential requests per case after 5 warm-up requests; one API process).
${reuse ? `Measured on the kept database ${DATABASE}, filled ${fill.filledAt} in ${fmt(fillSeconds)} s` : `Filled set-based with SQL in ${fmt(fillSeconds)} s (kept as ${DATABASE}; \`BENCH_REPORTS_REUSE=1\` measures on it again)`}:
${DOCUMENTS.toLocaleString()} Quick Wins over three governments, their units and the eight RB areas, created over three years;
${history.closed.toLocaleString()} stages left (closed deadlines) and ${history.open.toLocaleString()} open ones (${history.overdue.toLocaleString()} overdue at the fill). The summaries hold
${history.stageRows.toLocaleString()} per-unit stage-time rows, ${history.totalRows.toLocaleString()} whole-government ones and ${history.weekRows.toLocaleString()} week rows. History entries are not generated: no report reads them.

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
