#!/usr/bin/env node
// Inbox latency of two builds of the API side by side (npm run bench:inbox-ab): this checkout's and another's
// (BENCH_AB_OTHER, a directory with its own dist/, e.g. a git worktree of an earlier commit built there), both on
// the million documents an earlier `npm run bench:inbox` left, answering each of its cases in turns: per round and
// case a block of requests to one build, then to the other, the order alternating by round, so that what drifts on a
// shared machine falls on both; besides the latencies, each build's CPU (/proc) while it answered its blocks, per
// request. Writes section 4a of RESULTS.md (BENCH_AB_NO_WRITE=1: prints it only).
//   env: BENCH_AB_OTHER (required), BENCH_AB_ROUNDS [10], BENCH_AB_BLOCK [20] requests per build, case and round
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { grantSekdaPlh, INBOX_CASES, INBOX_DB, inboxApiEnv, NEXT_PAGE, openNextPage } from './lib/inbox-cases.mjs';
import { build, commitOf, dbUrl, fmt, login, machineLine, request, startBuiltApi, summarize, treeCpuMs, waitHealthy, withClient, writeSection } from './lib/stack.mjs';

const OTHER = process.env.BENCH_AB_OTHER;
const ROUNDS = Number(process.env.BENCH_AB_ROUNDS ?? 10);
const BLOCK = Number(process.env.BENCH_AB_BLOCK ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3970);
const NO_WRITE = process.env.BENCH_AB_NO_WRITE === '1';

async function main() {
  if (!OTHER || !existsSync(resolve(OTHER, 'dist/apps/api/src/main.js'))) {
    throw new Error('BENCH_AB_OTHER: the directory of the other build, with its dist/ (git worktree add /tmp/base <commit>, then npx nest build api there)');
  }
  const url = dbUrl(INBOX_DB);
  const documents = await withClient(url, async (c) => (await c.query('SELECT count(*)::int AS n FROM documents')).rows[0].n).catch(() => 0);
  if (documents < 100_000) throw new Error(`${INBOX_DB} holds ${documents} documents: fill it first with npm run bench:inbox`);
  build();
  const apis = [startBuiltApi('other', OTHER, PORT, inboxApiEnv(url, PORT)), startBuiltApi('this', '.', PORT + 1, inboxApiEnv(url, PORT + 1))];
  const latencies = new Map(apis.map((api) => [api.name, INBOX_CASES.map(() => [])]));
  const cpuMs = new Map(apis.map((api) => [api.name, INBOX_CASES.map(() => 0)]));
  try {
    await Promise.all(apis.map((api) => waitHealthy(api.base)));
    await grantSekdaPlh(apis[0].base);
    // one token serves both builds (one secret); a second page starts where the caller's first ends, the same for both
    const cases = [];
    for (const [user, path] of INBOX_CASES) {
      const token = await login(apis[0].base, user);
      cases.push({ user, token, path: path === NEXT_PAGE ? await openNextPage(apis[0].base, token) : path });
    }
    for (let round = 0; round <= ROUNDS; round++) {
      const order = round % 2 === 0 ? apis : [...apis].reverse();
      for (const [i, { path, token }] of cases.entries()) {
        for (const api of order) {
          const cpuBefore = treeCpuMs(api.process.child.pid);
          for (let k = 0; k < BLOCK; k++) {
            const r = await request(api.base, 'GET', path, { token });
            if (r.status !== 200) throw new Error(`${api.name} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
            if (round > 0) latencies.get(api.name)[i].push(r.ms); // round 0 warms both up
          }
          if (round > 0) cpuMs.get(api.name)[i] += treeCpuMs(api.process.child.pid) - cpuBefore;
        }
      }
    }
  } finally {
    await Promise.all(apis.map((api) => api.process.stop()));
  }
  const [other, self] = apis.map((api) => latencies.get(api.name).map((ms, i) => ({ ...summarize(ms), cpu: cpuMs.get(api.name)[i] / ms.length })));
  const report = `## 4a. Inbox latency, two builds side by side

Measured ${machineLine()}.
Command: \`BENCH_AB_OTHER=${OTHER} npm run bench:inbox-ab\` (BENCH_AB_ROUNDS=${ROUNDS}, BENCH_AB_BLOCK=${BLOCK}: ${ROUNDS * BLOCK} requests per build and case after a round of warm-up, one client), on the ${documents.toLocaleString()} documents of an earlier \`npm run bench:inbox\`.
Each round sends every case ${BLOCK} times to one build and then to the other, the order alternating by round; API CPU is
the build's process's (utime + stime) over its blocks, per request (counted in clock ticks of 10 ms: about 0.1 ms per request of uncertainty at the default counts).

| caller | request | other (${commitOf(OTHER)}) p50 ms | p95 ms | API CPU ms | this (${commitOf('.')}) p50 ms | p95 ms | API CPU ms |
|---|---|---|---|---|---|---|---|
${INBOX_CASES.map(([user, path], i) => `| ${user} | \`${path === NEXT_PAGE ? '/api/tasks?after=<next of the first page>' : path}\` | ${[other[i], self[i]].map((b) => `${fmt(b.p50)} | ${fmt(b.p95)} | ${fmt(b.cpu, 2)}`).join(' | ')} |`).join('\n')}`;
  if (!NO_WRITE) writeSection('inbox-ab', report);
  console.log(report);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
