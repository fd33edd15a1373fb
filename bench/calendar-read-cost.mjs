#!/usr/bin/env node
// What keeping a government's working-day calendar between transitions saves (DeadlinePlanner.prepare,
// WorkingCalendarCache). PostgreSQL's side: pgbench runs the planner's statement (STAGE_CHANGE_SQL, a stage
// entered and none left) with the revision kept by the API current ("kept": no holidays read)
// and with another one ("read": three years of holidays and the office hours as JSON), alternating, and
// /proc counts the backends' CPU per statement. The API's side: CPU to parse what the statement returns
// and make the calendar from it, which a kept calendar skips (process.cpuUsage).
//   npm run bench:calendar      (env: BENCH_CALENDAR_SECONDS, BENCH_CALENDAR_NO_WRITE=1 leaves RESULTS.md alone)
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import pg from 'pg';
import { runPgbench } from './lib/pgbench.mjs';
import { build, machineBusyMs, fmt, machineLine, overLocalSocket, recreateDatabase, REDIS_URL, startProcess, waitHealthy, writeSection } from './lib/stack.mjs';

const DB = 'alur_calendar';
const PORT = Number(process.env.BENCH_PORT ?? 3912);
const SECONDS = Number(process.env.BENCH_CALENDAR_SECONDS ?? 10);
const CLIENTS = 2;
const ROUNDS = 2;
const N = 20_000;

build();
const persistence = await import(pathToFileURL(resolve('dist/libs/persistence/src/index.js')).href);
const workflow = await import(pathToFileURL(resolve('dist/libs/workflow/src/index.js')).href);
const { CALENDAR_REVISION_SQL, holidaysJsonSql, officeHoursJsonSql, STAGE_CHANGE_SQL, toOfficeHours } = persistence;

// the schema and the demo calendar, made the way a deployment makes them: the API migrates and seeds at start
const url = overLocalSocket(await recreateDatabase(DB));
const api = startProcess('api', 'dist/apps/api/src/main.js', {
  NODE_ENV: 'development',
  PORT: String(PORT),
  DATABASE_URL: url,
  REDIS_URL,
  QUEUE_PREFIX: DB,
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
  LOG_LEVEL: 'warn',
});
await waitHealthy(`http://127.0.0.1:${PORT}`);
await api.stop();

const client = new pg.Client({ connectionString: url });
await client.connect();
const [{ gid, revision, timeZone }] = (
  await client.query(`SELECT g.id AS gid, ${CALENDAR_REVISION_SQL} AS revision, g.time_zone AS "timeZone" FROM governments g WHERE g.code = 'kaltim'`)
).rows;
const today = new Date().toISOString().slice(0, 10);
const window = { from: workflow.addDaysToLocalDate(today, -1), to: workflow.addDaysToLocalDate(today, 3 * 366) };

// DeadlinePlanner.prepare's statement itself, its $n as pgbench variables :pn; no stage left (the UPDATE closes nothing)
const statement = `${STAGE_CHANGE_SQL.replace(/\$(\d+)/g, ':p$1')};`
  .replace(/\s+/g, ' ')
  .replaceAll("'HH24:MI'", "concat('HH24', chr(58), 'MI')"); // pgbench would take ":MI" for a variable
const dir = mkdtempSync(join(os.tmpdir(), 'alur-calendar-'));
const script = join(dir, 'calendar.sql');
writeFileSync(script, `${statement}\n`);
const vars = (kept) => ({
  p1: '00000000-0000-0000-0000-000000000000',
  p2: '{}',
  p3: new Date().toISOString(),
  p4: gid,
  p5: 'quick-win',
  p6: 'endorsement',
  p7: window.from,
  p8: window.to,
  p9: 'true',
  p10: kept,
});

/** utime + stime of this process's children it has waited for (pgbench, run synchronously), in ms. */
function waitedChildrenCpuMs() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

const runs = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const form of ['read', 'kept']) {
    const kept = form === 'kept' ? revision : '00000000-0000-0000-0000-000000000000';
    const busy = machineBusyMs();
    const pgbenchCpu = waitedChildrenCpuMs();
    const pgbench = runPgbench(url, script, { clients: CLIENTS, seconds: SECONDS, vars: vars(kept) });
    // pgbench's backends come and go with it: the cores' busy time but pgbench's own is theirs
    const backendsMs = machineBusyMs() - busy - (waitedChildrenCpuMs() - pgbenchCpu);
    runs.push({ form, ...pgbench, cpuUs: (backendsMs * 1000) / pgbench.transactions });
  }
}
const sample = (
  await client.query(
    `SELECT ${holidaysJsonSql('$1::uuid', '$2', '$3')}::text AS holidays, ${officeHoursJsonSql('$1::uuid')}::text AS "officeHours"`,
    [gid, window.from, window.to],
  )
).rows[0];
await client.end();
rmSync(dir, { recursive: true, force: true });

// the API: what pg's JSON parsing and the planner do with a calendar read, which a kept one skips
function cpuPer(n, work) {
  const t0 = process.cpuUsage();
  for (let i = 0; i < n; i++) work(i);
  const u = process.cpuUsage(t0);
  return (u.user + u.system) / n;
}
const made = () => new workflow.WorkingDayCalendar({ timeZone, holidays: JSON.parse(sample.holidays), officeHours: toOfficeHours(JSON.parse(sample.officeHours)) });
const cache = new persistence.WorkingCalendarCache();
const reading = { governmentId: gid, timeZone, from: window.from };
cache.remember(reading, revision, made());
const keptOne = () => cache.get(reading);
cpuPer(2_000, made);
cpuPer(2_000, keptOne);
const madeUs = cpuPer(N, made);
const keptUs = cpuPer(N, keptOne);

const mean = (form, key) => runs.filter((r) => r.form === form).reduce((s, r) => s + r[key], 0) / ROUNDS;
const holidays = JSON.parse(sample.holidays).length;
const savedPg = mean('read', 'cpuUs') - mean('kept', 'cpuUs');
const report = `## 1d. A kept calendar: what reading it on each transition cost

Measured ${machineLine()}.
Command: \`npm run bench:calendar\` (BENCH_CALENDAR_SECONDS=${SECONDS}; PostgreSQL over its Unix socket).
PostgreSQL's side: \`pgbench -n -M prepared -c ${CLIENTS} -T ${SECONDS}\` running the planner's statement
(\`STAGE_CHANGE_SQL\` of \`DeadlinePlanner.prepare\`, endorsement entered, no stage left) for Kalimantan Timur, with the revision the API keeps
current ("kept": the statement reads the SLA override, the revision and the zone) and with another ("read": the ${holidays} holidays the database holds for the
three years ahead and the office hours, as JSON of ${sample.holidays.length + sample.officeHours.length} bytes; a government whose admins entered later years' holidays
has more), alternating, ${ROUNDS} runs each; the
backends' CPU per statement: the cores' busy time (/proc/stat) but pgbench's own (its utime + stime), over the statements
pgbench ran. The API's side: CPU per transition to parse that JSON and make the calendar
from it, against taking the kept one (\`WorkingCalendarCache.get\`), ${N} times each.

| | kept | read | saved per transition |
|---|---|---|---|
| PostgreSQL backends' CPU per statement, us | ${runs.filter((r) => r.form === 'kept').map((r) => fmt(r.cpuUs)).join(', ')} | ${runs.filter((r) => r.form === 'read').map((r) => fmt(r.cpuUs)).join(', ')} | **${fmt(savedPg)}** |
| pgbench statements/s (its own client shares the cores) | ${runs.filter((r) => r.form === 'kept').map((r) => fmt(r.tps, 0)).join(', ')} | ${runs.filter((r) => r.form === 'read').map((r) => fmt(r.tps, 0)).join(', ')} | |
| the API's CPU, us | ${fmt(keptUs, 2)} | ${fmt(madeUs)} | **${fmt(madeUs - keptUs)}** |

So a transition that enters a stage with a deadline spends about ${fmt(savedPg + madeUs - keptUs)} us less of the cores
while the calendar revision stands (any holiday or office-hours write moves it; the next transition of each government
then reads its calendar again).
`;
console.log(report);
if (process.env.BENCH_CALENDAR_NO_WRITE !== '1') writeSection('calendar-read', report);
