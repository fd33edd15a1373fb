#!/usr/bin/env node
// Login flood: /health latency and real sign-ins while unknown-user logins arrive from many addresses
// (issue 9, finding 3). A figure, not an assertion.
//   node bench/login-flood.mjs     (env: BENCH_FLOOD [100] logins kept in flight, BENCH_SECONDS [15], BENCH_PORT [3911],
//   BENCH_NODE_FLAGS for the API process, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof')
import os from 'node:os';
import { build, fmt, machineLine, recreateDatabase, REDIS_URL, request, startProcess, summarize, waitHealthy, writeSection, PASSWORD } from './lib/stack.mjs';

const FLOOD = Number(process.env.BENCH_FLOOD ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PORT = Number(process.env.BENCH_PORT ?? 3911);
const BASE = `http://127.0.0.1:${PORT}`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const from = (address) => ({ 'x-forwarded-for': address });

async function sampleHealth(until, out) {
  while (Date.now() < until) {
    const r = await request(BASE, 'GET', '/health', { maxSockets: 4 });
    out.push({ ms: r.ms, status: r.status });
    await sleep(50);
  }
}

async function realSignIns(until, out) {
  let i = 0;
  while (Date.now() < until) {
    const r = await request(BASE, 'POST', '/api/auth/login', {
      body: { username: 'kaltim.sekda', password: PASSWORD },
      headers: from(`198.51.100.${(i++ % 200) + 1}`),
      maxSockets: 4,
    });
    out.push({ ms: r.ms, status: r.status });
    await sleep(500);
  }
}

/** Keeps FLOOD unknown-user logins in flight, each from its own address, until `until`. */
async function flood(until, out) {
  let n = 0;
  await Promise.all(
    Array.from({ length: FLOOD }, async () => {
      while (Date.now() < until) {
        const i = n++;
        const r = await request(BASE, 'POST', '/api/auth/login', {
          body: { username: `flood.user${i}`, password: 'wrong-password' },
          headers: from(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`),
          maxSockets: FLOOD + 8,
        });
        out.push({ ms: r.ms, status: r.status, retryAfter: r.headers['retry-after'] });
      }
    }),
  );
}

const count = (rows, status) => rows.filter((r) => r.status === status).length;
const line = (label, rows) => {
  const s = summarize(rows.map((r) => r.ms));
  return `| ${label} | ${s.n} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${fmt(s.max)} |`;
};

async function main() {
  build();
  const url = await recreateDatabase('alur_bench_login');
  const env = { PORT: String(PORT), DATABASE_URL: url, REDIS_URL, QUEUE_PREFIX: 'alur_bench_login', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0000', LOG_LEVEL: 'warn', NODE_FLAGS: process.env.BENCH_NODE_FLAGS ?? '' };
  const api = startProcess('api', 'dist/apps/api/src/main.js', env);
  const loadBefore = os.loadavg()[0];
  const baseline = [];
  const health = [];
  const real = [];
  const floodRows = [];
  let burst;
  try {
    await waitHealthy(BASE);
    await sampleHealth(Date.now() + 3000, baseline);

    // the finding's burst: FLOOD concurrent unknown-user logins at once
    const started = performance.now();
    const rows = await Promise.all(
      Array.from({ length: FLOOD }, (_, i) =>
        request(BASE, 'POST', '/api/auth/login', { body: { username: `burst.user${i}`, password: 'x' }, headers: from(`172.16.${i >> 8}.${i & 255}`), maxSockets: FLOOD + 8 }),
      ),
    );
    burst = { seconds: (performance.now() - started) / 1000, rows };
    await sleep(2000);

    const until = Date.now() + SECONDS * 1000;
    await Promise.all([flood(until, floodRows), sampleHealth(until, health), realSignIns(until, real)]);
  } finally {
    await api.stop();
  }
  const loadAfter = os.loadavg()[0];

  const report = `## Login flood (\`npm run bench:login\`)
${machineLine()}. Load average (1 min) ${fmt(loadBefore, 2)} before, ${fmt(loadAfter, 2)} after${loadBefore > os.cpus().length ? ': **the machine was loaded by other work** while this ran, so the times are upper bounds' : ''}.
API with the default login settings (LOGIN_HASH_CONCURRENCY 2, LOGIN_HASH_QUEUE 32, LOGIN_THROTTLE_ADDRESS_LIMIT 30 per minute); every flood login comes from its own address (X-Forwarded-For from loopback), so only the hashing gate, not the address limit, stands in its way.

**Burst**: ${FLOOD} concurrent unknown-user logins cleared in ${fmt(burst.seconds, 2)} s (the finding: 15 s, p50 8.4 s): ${count(burst.rows, 401)} answered 401 after a password check, ${count(burst.rows, 503)} refused at once with 503 and Retry-After.

**Sustained flood** for ${SECONDS} s, ${FLOOD} logins always in flight: ${floodRows.length} answered (${count(floodRows, 401)} \`401\`, ${count(floodRows, 503)} \`503\` with Retry-After, ${count(floodRows, 429)} \`429\`).

| request | n | p50 ms | p95 ms | p99 ms | max ms |
|---|---|---|---|---|---|
${line('GET /health, idle', baseline)}
${line('GET /health, during the flood', health)}
${line('burst logins (401 and 503)', burst.rows)}
${line('flood logins (401 and 503)', floodRows)}
${line(`real sign-ins during the flood (${count(real, 200)} of ${real.length} answered 200, ${count(real, 503)} 503)`, real)}

/health answered ${count(health, 200)} of ${health.length} times with 200 during the flood.`;
  writeSection('login-flood', report);
  process.stdout.write(`${report}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
