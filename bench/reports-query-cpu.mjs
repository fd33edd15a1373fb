#!/usr/bin/env node
// PostgreSQL CPU per report query on the kept bench database (alur_bench_reports, filled by
// `npm run bench:reports`): each query of ReportsRepository (the built one) 40 times on one
// connection, the backend's user+system CPU from /proc (PostgreSQL on this machine), and wall time.
// CPU is far less disturbed than wall time by other work on the machine.
//   node bench/reports-query-cpu.mjs   (env: BENCH_DATABASE_URL)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
const { ReportsRepository } = await import(pathToFileURL(resolve('dist/libs/persistence/src/index.js')).href);
const c = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/alur_bench_reports' });
await c.connect();
const [{ pid }] = (await c.query('SELECT pg_backend_pid() AS pid')).rows;
const tick = 100; // CLK_TCK on Linux
const cpu = () => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 1000 / tick; };
const repo = new ReportsRepository({ query: async (sql, p) => (await c.query(sql, p)).rows });
const [{ id }] = (await c.query(`SELECT id FROM governments WHERE code = 'kaltim'`)).rows;
const children = (await c.query(`SELECT array_agg(id) AS ids FROM governments WHERE parent_id = $1`, [id])).rows[0].ids;
const [{ id: unit }] = (await c.query(`SELECT id FROM units WHERE government_id = $1 AND code = 'diskominfo'`, [id])).rows;
const place = { governmentIds: [id], unitIds: null, kind: null };
const YEAR = new Date().getUTCFullYear();
const window = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };
const now = new Date(); const soon = new Date(now.getTime() + 4 * 86400e3);
const N = 40;
console.log('| query (kaltim, this year) | PostgreSQL CPU ms | wall ms |\n|---|---|---|');
for (const [name, run] of [
  ['stageTimeSummaries kaltim', () => repo.stageTimeSummaries(place, window)],
  ['stageTimeSummaries kaltim diskominfo', () => repo.stageTimeSummaries({ ...place, unitIds: [unit] }, window)],
  ['stageTimeTotalsByGovernment regencies', () => repo.stageTimeTotalsByGovernment({ ...place, governmentIds: children }, window)],
  ['openStages kaltim', () => repo.openStages(place, now, soon)],
  ['openStages regencies', () => repo.openStages({ ...place, governmentIds: children }, now, soon)],
  ['mostOverdue kaltim', () => repo.mostOverdue(place, now, 20)],
  ['quickWinRollup kaltim', () => repo.quickWinRollup(place, YEAR)],
  ['throughput kaltim', () => repo.throughput(place, window)],
]) {
  for (let i = 0; i < 3; i++) await run();
  const c0 = cpu(); const t0 = performance.now();
  for (let i = 0; i < N; i++) await run();
  console.log(`| ${name} | ${((cpu() - c0) / N).toFixed(1)} | ${((performance.now() - t0) / N).toFixed(1)} |`);
}
await c.end();
