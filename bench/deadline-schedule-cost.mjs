#!/usr/bin/env node
// CPU of the pure deadline arithmetic one transition does: a working-day calendar made from the
// government's holidays, then the stage's schedule (due, reminder, escalations, explanation), for the
// four default Quick Win stages in turn. Prints microseconds of CPU per schedule (process.cpuUsage),
// and apart what the planner does besides (DeadlinePlanner.prepare): making the calendar alone, and
// where "Segera jatuh tempo" ends on it (slaStatusBounds);
// run under `valgrind --tool=callgrind` to count instructions, which a busy machine does not move.
//   node bench/deadline-schedule-cost.mjs [iterations]      (needs dist/: npm run build)
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const N = Number(process.argv[2] ?? 20_000);
const wf = await import(pathToFileURL(resolve('dist/libs/workflow/src/index.js')).href);
// 2026 and 2027 national holidays in the shape the planner reads them (44 dates, like the seed)
const holidays = [];
for (const year of [2026, 2027]) {
  for (const [month, day] of [[1, 1], [1, 16], [2, 17], [3, 19], [3, 20], [3, 21], [3, 23], [4, 3], [5, 1], [5, 14], [5, 27], [5, 31], [6, 1], [6, 16], [8, 17], [8, 25], [12, 24], [12, 25], [12, 26], [3, 18], [3, 24], [5, 15]]) {
    holidays.push({ date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, name: 'Libur' });
  }
}
const policies = ['endorsement', 'verification', 'approval', 'implementation'].map((stage) => wf.defaultSlaPolicy('quick-win', stage));

function run(n) {
  const t0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const enteredAt = new Date(Date.UTC(2026, 2, 2) + i * 7_919_000);
    const policy = policies[i % policies.length];
    const calendar = new wf.WorkingDayCalendar({ timeZone: 'Asia/Makassar', holidays: policy.businessDays ? holidays : [] });
    wf.computeDeadlineSchedule({ enteredAt, policy, calendar });
  }
  const u = process.cpuUsage(t0);
  return (u.user + u.system) / n;
}

/** CPU per iteration of `work(i)`, in microseconds. */
function cpuPer(n, work) {
  const t0 = process.cpuUsage();
  for (let i = 0; i < n; i++) work(i);
  const u = process.cpuUsage(t0);
  return (u.user + u.system) / n;
}
const calendarOf = () => new wf.WorkingDayCalendar({ timeZone: 'Asia/Makassar', holidays });
const madeCalendar = calendarOf();
const atOf = (i) => new Date(Date.UTC(2026, 2, 2) + i * 7_919_000);

run(Math.min(N, 2000)); // warm-up
cpuPer(Math.min(N, 2000), calendarOf);
cpuPer(Math.min(N, 2000), (i) => wf.slaStatusBounds(madeCalendar, atOf(i)));
console.log(`${N} schedules: ${run(N).toFixed(1)} us CPU each`);
console.log(`${N} calendars made from ${holidays.length} holidays: ${cpuPer(N, calendarOf).toFixed(1)} us CPU each`);
console.log(`${N} "Segera jatuh tempo" bounds on a calendar made: ${cpuPer(N, (i) => wf.slaStatusBounds(madeCalendar, atOf(i))).toFixed(1)} us CPU each`);
