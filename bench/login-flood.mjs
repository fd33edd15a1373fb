#!/usr/bin/env node
// Login flood: /health latency and real sign-ins while unknown-user logins arrive from many addresses
// (issue 9, finding 3). A figure, not an assertion.
//   node bench/login-flood.mjs     (env: BENCH_FLOOD [100] logins kept in flight, BENCH_SECONDS [15], BENCH_PORT [3911],
//   BENCH_NODE_FLAGS for the API process, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof')
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { build, fmt, machineLine, recreateDatabase, REDIS_URL, request, startProcess, summarize, waitHealthy, writeSection, PASSWORD, statCpuMs } from './lib/stack.mjs';

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

/**
 * A real user signing in as a client does: from their own address, and on 503/429 waiting Retry-After
 * and trying again from the same address. One row per sign-in (attempts, time to the last answer).
 */
async function realSignIns(until, out, attemptsOut) {
  let i = 0;
  while (Date.now() < until) {
    const address = `198.51.100.${(i++ % 200) + 1}`;
    const started = performance.now();
    const retryAfters = [];
    let attempts = 0;
    let r;
    for (;;) {
      attempts += 1;
      r = await request(BASE, 'POST', '/api/auth/login', { body: { username: 'kaltim.sekda', password: PASSWORD }, headers: from(address), maxSockets: 4 });
      attemptsOut.push({ ms: r.ms, status: r.status });
      if (r.status !== 503 && r.status !== 429) break;
      retryAfters.push(Number(r.headers['retry-after']));
      if (Date.now() + Number(r.headers['retry-after']) * 1000 >= until) break; // told to come back after the flood: counted as such
      await sleep(Number(r.headers['retry-after']) * 1000);
    }
    out.push({ ms: performance.now() - started, status: r.status, attempts, retryAfters });
    await sleep(500);
  }
}

/** In a worker thread: /health and real sign-ins are timed on an event loop the flood generator does not share. */
function probe(task) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: task });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

if (!isMainThread) {
  const { until, signIns } = workerData;
  const health = [];
  const real = [];
  const attempts = [];
  await Promise.all([sampleHealth(until, health), signIns ? realSignIns(until, real, attempts) : null]);
  parentPort.postMessage({ health, real, attempts });
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
        }).catch(() => ({ ms: NaN, status: 'error', headers: {} })); // a keep-alive socket the server closed as it was reused
        out.push({ ms: r.ms, status: r.status, retryAfter: r.headers['retry-after'] });
      }
    }),
  );
}

/** CPU ms (user + system) of the API's main thread (its event loop) and of the whole process (argon2's threads too). */
function cpuMs(pid) {
  const ticks = (file) => statCpuMs(readFileSync(file, 'utf8'));
  return { mainThread: ticks(`/proc/${pid}/task/${pid}/stat`), process: ticks(`/proc/${pid}/stat`) };
}

const count = (rows, status) => rows.filter((r) => r.status === status).length;
const line = (label, rows) => {
  const s = summarize(rows.map((r) => r.ms));
  return s.n === 0 ? `| ${label} | 0 | – | – | – | – |` : `| ${label} | ${s.n} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${fmt(s.max)} |`;
};

async function main() {
  const loadavgBefore = readFileSync('/proc/loadavg', 'utf8').trim();
  build();
  const url = await recreateDatabase('alur_bench_login');
  const env = { PORT: String(PORT), DATABASE_URL: url, REDIS_URL, QUEUE_PREFIX: 'alur_bench_login', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0000', LOG_LEVEL: 'warn', NODE_FLAGS: process.env.BENCH_NODE_FLAGS ?? '' };
  const api = startProcess('api', 'dist/apps/api/src/main.js', env);
  const loadBefore = os.loadavg()[0];
  const baseline = [];
  const health = [];
  const real = [];
  const realAttempts = [];
  const floodRows = [];
  let burst;
  let cpuBefore;
  let cpuAfter;
  try {
    await waitHealthy(BASE);
    baseline.push(...(await probe({ until: Date.now() + 3000, signIns: false })).health);

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
    cpuBefore = cpuMs(api.child.pid);
    const [, probed] = await Promise.all([flood(until, floodRows), probe({ until, signIns: true })]);
    cpuAfter = cpuMs(api.child.pid);
    health.push(...probed.health);
    real.push(...probed.real);
    realAttempts.push(...probed.attempts);
  } finally {
    await api.stop();
  }
  const loadAfter = os.loadavg()[0];
  const loadavgAfter = readFileSync('/proc/loadavg', 'utf8').trim();
  const signedIn = real.filter((r) => r.status === 200);
  const waits = [...new Set(real.flatMap((r) => r.retryAfters))].sort((a, b) => a - b);

  const report = `## Login flood (\`npm run bench:login\`)
${machineLine()}. Load average (1 min) ${fmt(loadBefore, 2)} before, ${fmt(loadAfter, 2)} after${loadBefore > os.cpus().length ? ': **the machine was loaded by other work** while this ran, so the times are upper bounds' : ''}.
API with the default login settings (LOGIN_HASH_CONCURRENCY 2, LOGIN_HASH_QUEUE 32, LOGIN_THROTTLE_ADDRESS_LIMIT 30 per minute); every flood login comes from its own address (X-Forwarded-For from loopback), so only the hashing gate, not the address limit, stands in its way.

**Burst**: ${FLOOD} concurrent unknown-user logins cleared in ${fmt(burst.seconds, 2)} s (the finding: 15 s, p50 8.4 s): ${count(burst.rows, 401)} answered 401 after a password check, ${count(burst.rows, 503)} refused at once with 503 and Retry-After.

**Sustained flood** for ${SECONDS} s, ${FLOOD} logins always in flight: ${floodRows.length} answered (${count(floodRows, 401)} \`401\`, ${count(floodRows, 503)} \`503\` with Retry-After, ${count(floodRows, 429)} \`429\`, ${count(floodRows, 'error')} connection errors). CPU of the API during it: its event-loop thread ${fmt(cpuAfter.mainThread - cpuBefore.mainThread, 0)} ms, **${fmt((cpuAfter.mainThread - cpuBefore.mainThread) / Math.max(1, floodRows.length), 2)} ms per flood answer**; the whole process (argon2's threads included) ${fmt(cpuAfter.process - cpuBefore.process, 0)} ms. CPU time, unlike latency, hardly depends on what else the machine runs.

| request | n | p50 ms | p95 ms | p99 ms | max ms |
|---|---|---|---|---|---|
${line('GET /health, idle', baseline)}
${line('GET /health, during the flood', health)}
${line('burst logins (401 and 503)', burst.rows)}
${line('flood logins (401 and 503)', floodRows)}
${line(`real sign-in attempts during the flood (${count(realAttempts, 200)} answered 200, ${count(realAttempts, 503)} 503)`, realAttempts)}
${line(`real sign-ins, first attempt to 200, Retry-After honoured (${signedIn.length} of ${real.length} signed in during the flood, ${real.length - signedIn.length} told to come back after it)`, signedIn)}

/health answered ${count(health, 200)} of ${health.length} times with 200 during the flood. A real sign-in took ${fmt(summarize(real.map((r) => r.attempts)).p50, 0)} attempt(s) at the median, ${fmt(summarize(real.map((r) => r.attempts)).max, 0)} at most; Retry-After told: ${waits.length ? waits.join(', ') : 'none'} s. /health and the real sign-ins run in a worker thread of the bench, so the flood generator's own event loop does not delay their timing.
\`cat /proc/loadavg\` before: \`${loadavgBefore}\`; after: \`${loadavgAfter}\`.`;
  writeSection('login-flood', report);
  process.stdout.write(`${report}\n`);
}

if (isMainThread) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
