#!/usr/bin/env node
// `npm run bench`: every benchmark in turn, each writing its section of bench/RESULTS.md.
import { execFileSync } from 'node:child_process';

for (const script of ['approval-throughput.mjs', 'http-adapter.mjs', 'bare-transition.mjs', 'calendar-read-cost.mjs', 'inbox-latency.mjs', 'deadlines-scale.mjs', 'reports-latency.mjs', 'login-flood.mjs', 'personnel-import.mjs']) {
  process.stderr.write(`\n=== bench/${script}\n`);
  execFileSync(process.execPath, [`bench/${script}`], { stdio: 'inherit' });
}
