#!/usr/bin/env node
// What the HTTP layer costs under Nest: the same module served by @nestjs/platform-express (alur's) and by
// @nestjs/platform-fastify, the API CPU per request of a transition-shaped POST and a document-shaped GET.
// It bounds what porting alur to Fastify could save per request (issue 16's "the HTTP layer" lever):
// both servers run Nest's router over as many routes as alur's API has, a guard, the parameter and body
// decorators and JSON serialisation of a 2.4 KB answer, and nothing of alur's own work (no database, no token check, no logging), so the
// difference is the adapter's alone.
//   npm run bench:http   (env: BENCH_HTTP_REQUESTS [20000] per round, BENCH_HTTP_ROUNDS [3], BENCH_CONCURRENCY [32])
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Body, Controller, Get, Injectable, Module, Param, Post, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { dropConnections, fmt, machineLine, median, pool, processCpuMs, request, summarize, writeSection } from './lib/stack.mjs';

const REQUESTS = Number(process.env.BENCH_HTTP_REQUESTS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_HTTP_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const PORT = Number(process.env.BENCH_PORT ?? 3902);
const ADAPTERS = ['express', 'fastify'];

/** A document view of about alur's size (a Quick Win in approval with its history and allowed actions). */
function documentView(id, action) {
  return {
    id,
    kind: 'QUICK_WIN',
    state: action === 'APPROVE' ? 'implementation' : 'approval',
    version: 4,
    title: 'Layanan Perizinan Daring Satu Pintu',
    content: {
      title: 'Layanan Perizinan Daring Satu Pintu', description: 'Mempercepat layanan perizinan bagi pelaku usaha di seluruh kabupaten.', year: 2026,
      category: 'RB_TEMATIK', area: 'DIGITALISASI_ADMINISTRASI', indicator: 'Persentase izin daring', target: { value: 80, unit: 'persen' },
      output: 'Aplikasi perizinan', startDate: '2026-01-05', endDate: '2026-12-31', budget: 150000000,
    },
    unit: { id: '5f0c8f0e-5d3c-4f53-9a53-8b1d7d3f0c11', name: 'Dinas Penanaman Modal dan PTSP' },
    government: { id: '0b7f3c7e-2c1f-4a7e-9f1d-2f0b1c9e8a77', code: 'kaltim', name: 'Provinsi Kalimantan Timur' },
    deadline: { stage: 'approval', dueAt: '2026-12-10T08:00:00.000Z', overdue: false, dueSoon: false, explanation: '3 hari kerja sejak 2026-12-07 08:00 WITA' },
    history: ['SUBMIT', 'ENDORSE', 'VERIFY', action].map((a, i) => ({ seq: i + 1, action: a, actor: `kaltim.user${i}`, onBehalfOf: null, at: '2026-12-05T03:00:00.000Z' })),
    allowedActions: ['APPROVE', 'RETURN', 'REJECT'],
    createdAt: '2026-12-01T02:00:00.000Z',
    updatedAt: '2026-12-05T03:00:00.000Z',
  };
}

class BearerGuard {
  canActivate(context) {
    return /^Bearer \S+$/.test(context.switchToHttp().getRequest().headers.authorization ?? '');
  }
}
Reflect.decorate([Injectable()], BearerGuard);

class DocumentsController {
  read(id) {
    return documentView(id, 'VERIFY');
  }
  act(id, body) {
    return documentView(id, String(body.action));
  }
}
const method = (name) => Object.getOwnPropertyDescriptor(DocumentsController.prototype, name);
Reflect.decorate([Get(':id')], DocumentsController.prototype, 'read', method('read'));
Param('id')(DocumentsController.prototype, 'read', 0);
Reflect.decorate([Post(':id/actions')], DocumentsController.prototype, 'act', method('act'));
Param('id')(DocumentsController.prototype, 'act', 0);
Body()(DocumentsController.prototype, 'act', 1);
Reflect.decorate([Controller('api/quick-wins'), UseGuards(BearerGuard)], DocumentsController);

/**
 * As many other routes as alur's API has operations (openapi.json), half registered before the measured two
 * and half after: Express walks its routes in order until one matches, Fastify looks them up in a tree.
 */
const OPERATIONS = Object.values(JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8')).paths).reduce(
  (n, path) => n + Object.keys(path).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).length,
  0,
);
function fillerController(prefix, count) {
  class Filler {}
  for (let i = 0; i < count; i++) {
    const name = `route${i}`;
    Filler.prototype[name] = function (id) {
      return { id };
    };
    Reflect.decorate([(i % 2 === 0 ? Get : Post)(`${prefix}-${i}/:id/part`)], Filler.prototype, name, Object.getOwnPropertyDescriptor(Filler.prototype, name));
    Param('id')(Filler.prototype, name, 0);
  }
  Reflect.decorate([Controller('api'), UseGuards(BearerGuard)], Filler);
  return Filler;
}
const FILLERS = Math.max(0, OPERATIONS - 2);
const before = fillerController('before', Math.floor(FILLERS / 2));
const after = fillerController('after', FILLERS - Math.floor(FILLERS / 2));

class BenchModule {}
Reflect.decorate([Module({ controllers: [before, DocumentsController, after], providers: [BearerGuard] })], BenchModule);

async function serve(adapterName) {
  let adapter;
  if (adapterName === 'fastify') {
    const { FastifyAdapter } = await import('@nestjs/platform-fastify');
    adapter = new FastifyAdapter();
  }
  const app = await NestFactory.create(BenchModule, ...(adapter ? [adapter] : []), { logger: false });
  if (adapterName === 'express') {
    // as alur's configure-app sets them
    app.getHttpAdapter().getInstance().set('etag', false);
    app.getHttpAdapter().getInstance().disable('x-powered-by');
  }
  await app.listen(PORT, '127.0.0.1');
  process.send?.('listening');
}

async function measure(adapterName) {
  const child = spawn(process.execPath, [new URL(import.meta.url).pathname, '--serve', adapterName], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`the ${adapterName} server exited ${code}`)));
  });
  const base = `http://127.0.0.1:${PORT}`;
  const token = 'bench-token';
  const id = '2b1c9e8a-0b7f-4a7e-9f1d-3c7e2c1f4a7e';
  const one = (i) =>
    i % 2 === 0
      ? request(base, 'POST', `/api/quick-wins/${id}/actions`, { token, body: { action: 'APPROVE', comment: 'Disetujui.' }, maxSockets: CONCURRENCY })
      : request(base, 'GET', `/api/quick-wins/${id}`, { token, maxSockets: CONCURRENCY });
  await pool(2000, CONCURRENCY, one); // warm-up: JIT and sockets
  const latencies = [];
  const cpuBefore = processCpuMs(child.pid);
  const started = process.hrtime.bigint();
  await pool(REQUESTS, CONCURRENCY, async (i) => {
    const r = await one(i);
    if (r.status !== 200 && r.status !== 201) throw new Error(`${adapterName}: ${r.status} ${JSON.stringify(r.body)}`);
    latencies.push(r.ms);
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuPerRequest = (processCpuMs(child.pid) - cpuBefore) / REQUESTS;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  dropConnections();
  return { adapterName, cpuPerRequest, rate: REQUESTS / seconds, ...summarize(latencies) };
}

async function main() {
  const runs = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const adapterName of round % 2 === 0 ? ADAPTERS : [...ADAPTERS].reverse()) {
      const run = await measure(adapterName);
      process.stderr.write(`[http] round ${round + 1} ${adapterName}: ${fmt(run.cpuPerRequest, 3)} ms CPU per request, ${fmt(run.rate)} req/s\n`);
      runs.push({ round: round + 1, ...run });
    }
  }
  const of = (name) => median(runs.filter((r) => r.adapterName === name).map((r) => r.cpuPerRequest));
  const [express, fastify] = ADAPTERS.map(of);
  const rows = runs.map((r) => `| ${r.round} | ${r.adapterName} | ${fmt(r.cpuPerRequest, 3)} | ${fmt(r.rate)} | ${fmt(r.p50)} | ${fmt(r.p99)} |`).join('\n');
  writeSection(
    'http-adapter',
    `## 1b. The HTTP layer under Nest: Express against Fastify

Measured ${machineLine()}.
Command: \`npm run bench:http\` (BENCH_HTTP_REQUESTS=${REQUESTS} per round, half \`POST /api/quick-wins/{id}/actions\` with a JSON body and half \`GET /api/quick-wins/{id}\`, ${CONCURRENCY} keep-alive clients, after 2,000 warm-up requests; ${ROUNDS} rounds, the adapters taking turns).
One Nest module served by each adapter, with ${OPERATIONS} routes as alur's API has operations (openapi.json; the two measured in the middle): a bearer-shaped guard, \`@Param\` and \`@Body\`, and a 2.4 KB document-shaped answer; no database, token check or logging, so what differs is the adapter's own work. CPU is the server's utime + stime from /proc; the load generator (this script) shares the 2 cores, so req/s is only indicative.

| round | adapter | server CPU ms per request | req/s | p50 ms | p99 ms |
|---|---|---|---|---|---|
${rows}

Median server CPU per request: Express ${fmt(express, 3)} ms, Fastify ${fmt(fastify, 3)} ms: porting alur's API to Fastify would save about **${fmt(express - fastify, 3)} ms of API CPU per request**, a transition being one request.`,
  );
  console.log(`express ${fmt(express, 3)} ms, fastify ${fmt(fastify, 3)} ms per request`);
}

if (process.argv[2] === '--serve') await serve(process.argv[3]);
else await main();
