#!/usr/bin/env node
// Personnel import of BENCH_PEOPLE rows over HTTP: dry run, apply (one transaction), and the second
// apply that finds every row unchanged. Target (issue 13): 5,000 rows in under 30 s.
//   node bench/personnel-import.mjs     (env: BENCH_PEOPLE [5000])
import { build, fmt, login, machineLine, recreateDatabase, REDIS_URL, startProcess, waitHealthy, writeSection } from './lib/stack.mjs';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 5000);
const PORT = Number(process.env.BENCH_PORT ?? 3902);
const BASE = `http://127.0.0.1:${PORT}`;

function personnelCsv(n) {
  const lines = ['nip,name,email,username,unitCode,roles'];
  for (let i = 0; i < n; i++) {
    const nip = `1990${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}2015${String(i).padStart(6, '0')}`;
    lines.push(`${nip},"Pegawai Uji ${i}, S.Kom.",pegawai${i}@paserkab.go.id,paser.pegawai${i},${i % 2 ? 'diskominfo' : 'setda'},${i % 50 === 0 ? 'UNIT_HEAD' : 'DRAFTER'}`);
  }
  return `${lines.join('\n')}\n`;
}

async function upload(token, csv, dryRun) {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'pegawai.csv');
  const t0 = performance.now();
  const res = await fetch(`${BASE}/api/users/import${dryRun ? '?dryRun=true' : ''}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = await res.json();
  const seconds = (performance.now() - t0) / 1000;
  if (res.status !== 200) throw new Error(`import: ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
  return { seconds, summary: body.summary };
}

async function main() {
  build();
  const url = await recreateDatabase('alur_bench_import');
  const env = { PORT: String(PORT), DATABASE_URL: url, REDIS_URL, QUEUE_PREFIX: 'alur_bench_import', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0000', LOG_LEVEL: 'warn', LOGIN_THROTTLE_LIMIT: '100000' };
  const api = startProcess('api', 'dist/apps/api/src/main.js', env);
  const csv = personnelCsv(PEOPLE);
  const runs = [];
  try {
    await waitHealthy(BASE);
    const token = await login(BASE, 'paser.admin');
    runs.push(['dry run', await upload(token, csv, true)]);
    runs.push(['apply (creates every row)', await upload(token, csv, false)]);
    runs.push(['apply again (every row unchanged)', await upload(token, csv, false)]);
  } finally {
    await api.stop();
  }
  const apply = runs[1][1].seconds;
  const report = `## 6. Personnel import of ${PEOPLE.toLocaleString()} people

Measured ${machineLine()}.
Command: \`node bench/personnel-import.mjs\` (BENCH_PEOPLE=${PEOPLE}): one CSV of ${PEOPLE.toLocaleString()} rows (${fmt(csv.length / 1024, 0)} KiB) uploaded by paser's ADMIN to \`POST /api/users/import\` over HTTP, time from request to answer.

| call | seconds | created | updated | unchanged | error |
|---|---|---|---|---|---|
${runs.map(([name, r]) => `| ${name} | ${fmt(r.seconds, 2)} | ${r.summary.created} | ${r.summary.updated} | ${r.summary.unchanged} | ${r.summary.error} |`).join('\n')}

Target: ${PEOPLE.toLocaleString()} rows in under 30 s (${apply < 30 ? 'met' : `not met: ${fmt(apply, 2)} s`}). The apply reads the government's units and every holder of the file's NIPs and usernames in two queries, inserts all new people in one statement and writes their audit entries in one more; nobody's password is hashed (imported people get one by a reset).`;
  writeSection('personnel-import', report);
  console.log(report);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
