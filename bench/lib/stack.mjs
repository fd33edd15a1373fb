// Shared pieces of the benchmarks: the local stack (API + worker from dist/ on a bench database),
// an HTTP client with keep-alive, percentiles, and the RESULTS.md writer.
import { execSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';

export const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const PASSWORD = process.env.DEMO_PASSWORD ?? 'demo12345';

export function dbUrl(name) {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs `fn` with a pg client connected to `url`, and closes it. */
export async function withClient(url, fn) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function admin(sql) {
  return withClient(ADMIN_URL, (c) => c.query(sql));
}

/** Resolves once the worker has relayed every outbox row (`c`: a connected pg client of the run's database), looking every `everyMs` (at most 300 s). */
export async function outboxDrained(c, everyMs = 500) {
  for (const deadline = Date.now() + 300_000; Date.now() < deadline; ) {
    const [{ n }] = (await c.query(`SELECT count(*)::int AS n FROM outbox WHERE processed_at IS NULL`)).rows;
    if (n === 0) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error('the worker did not drain the outbox');
}

/**
 * VACUUM ANALYZE, as autovacuum would have done by now, where this server runs without it (the machines the
 * benches ran on here do): the generic plan of a statement prepared on tables never analyzed may take a
 * government's pending deadlines for one document's (bench/RESULTS.md section 1a). `c`: a connected pg client
 * of the run's database. Returns whether it ran.
 */
export async function analyzeWhereAutovacuumIsOff(c) {
  const [{ autovacuum }] = (await c.query('SHOW autovacuum')).rows;
  if (autovacuum === 'on') return false;
  await c.query('VACUUM ANALYZE');
  return true;
}

export async function recreateDatabase(name) {
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${name}"`);
  return dbUrl(name);
}

/**
 * The environment of a stack benched on database `db` (at `url`): JSON logs at info as in production, a fixed
 * secret, no sign-in throttle, 20 connections (or DATABASE_POOL_SIZE), PostgreSQL over its Unix socket when it is local.
 */
export function benchStackEnv(db, url) {
  return {
    NODE_ENV: 'development',
    DATABASE_URL: overLocalSocket(url),
    REDIS_URL,
    QUEUE_PREFIX: db,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
    LOG_LEVEL: 'info',
    LOGIN_THROTTLE_LIMIT: '100000',
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '20',
  };
}

export function build() {
  execSync('node scripts/ensure-services.mjs && node scripts/build-if-needed.mjs', { stdio: 'inherit' });
}

export function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  const pgVersion = execSync('psql --version').toString().trim();
  let redisVersion = 'unknown';
  try {
    redisVersion = execSync('redis-server --version').toString().trim().split(' ').slice(0, 3).join(' ');
  } catch {}
  return {
    nproc: os.cpus().length,
    memGiB: (os.totalmem() / 2 ** 30).toFixed(1),
    cpu,
    node: process.version,
    pg: pgVersion,
    redis: redisVersion,
  };
}

/** How the worker is started in production (package.json's start scripts, docker-compose.yml). */
export const WORKER_NODE_FLAGS = '--max-old-space-size=160';

/** The built worker, started as in production; `env.NODE_FLAGS` adds to its flags. */
export function startWorker(env) {
  return startProcess('worker', 'dist/apps/worker/src/main.js', { ...env, NODE_FLAGS: [WORKER_NODE_FLAGS, env.NODE_FLAGS].filter(Boolean).join(' ') });
}

/** One API process of the build in `dir` (its dist/) on `port`, for benches that compare two builds side by side. */
export function startBuiltApi(name, dir, port, env) {
  const process_ = startProcess(`api ${name}`, resolve(dir, 'dist/apps/api/src/main.js'), { ...env, PORT: String(port), API_PROCESSES: '1' });
  return { name, dir, base: `http://127.0.0.1:${port}`, process: process_ };
}

/** Starts a built process; resolves once it logs nothing fatal for a moment; returns {child, stop}. */
export function startProcess(name, entry, env) {
  const child = spawn(process.execPath, [...(env.NODE_FLAGS ? env.NODE_FLAGS.split(' ') : []), entry], {
    env: { ...process.env, DEMO_DOCUMENTS: 'false', ...env }, // the benches make their own documents
    stdio: ['ignore', process.env.BENCH_VERBOSE ? 'inherit' : 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  child.on('exit', (code, signal) => {
    if (code && code !== 0) process.stderr.write(`[${name}] exited ${code}: ${stderr}\n`);
    void signal;
  });
  return {
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(); // gone, by exit or by signal
        child.once('exit', resolve);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10000).unref();
      }),
  };
}

export async function waitHealthy(base, seconds = 60) {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      const r = await request(base, 'GET', '/health');
      if (r.status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${base}/health did not become healthy`);
}

const agents = new Map();
function agentFor(max) {
  if (!agents.has(max)) agents.set(max, new http.Agent({ keepAlive: true, maxSockets: max }));
  return agents.get(max);
}

/** Closes every keep-alive connection (before talking to a restarted server on the same port). */
export function dropConnections() {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

/** One HTTP request; resolves {status, body, ms, headers}. */
export function request(base, method, path, { token, body, maxSockets = 64, headers = {} } = {}) {
  const url = new URL(path, base);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent: agentFor(maxSockets),
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const text = Buffer.concat(chunks).toString();
          let parsed = text;
          try {
            parsed = JSON.parse(text);
          } catch {}
          resolve({ status: res.statusCode, body: parsed, ms, headers: res.headers });
        });
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

export async function login(base, username) {
  const r = await request(base, 'POST', '/api/auth/login', { body: { username, password: PASSWORD } });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.accessToken;
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(latencies) {
  const s = [...latencies].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.at(-1) };
}

/** Mean and a 95% interval (Student's t) of paired differences (one per round of an A/B bench). */
export function pairedInterval(xs) {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const t = [12.71, 4.3, 3.18, 2.78, 2.57, 2.45, 2.36, 2.31, 2.26, 2.23, 2.2, 2.18, 2.16, 2.14, 2.13, 2.12, 2.11, 2.1, 2.09][n - 2] ?? 2.0;
  return { mean, half: (t * sd) / Math.sqrt(n) };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : String(x));

/** Runs `fn(i)` for i in [0, n) with at most `concurrency` at once. */
export async function pool(n, concurrency, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, n) }, async () => {
    while (next < n) {
      const i = next++;
      await fn(i);
    }
  });
  await Promise.all(workers);
}

/** Replaces the section `name` of bench/RESULTS.md (between markers), keeping the others. */
export function writeSection(name, markdown) {
  const file = new URL('../RESULTS.md', import.meta.url);
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n\nWritten by the scripts under `bench/` (`npm run bench`). Each section says when, on what machine and with which command it was measured.\n';
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  text = re.test(text) ? text.replace(re, block) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, text);
}

/** A checkout's commit, marked when it has changes not committed. */
export function commitOf(dir) {
  try {
    const head = execSync('git rev-parse --short HEAD', { cwd: dir }).toString().trim();
    return execSync("git status --porcelain --untracked-files=no -- . ':!bench/RESULTS.md'", { cwd: dir }).toString().trim() ? `${head} with changes` : head;
  } catch {
    return 'not a git checkout';
  }
}

export function machineLine(m = machine()) {
  return `${new Date().toISOString()} on ${m.nproc} cores (${m.cpu}), ${m.memGiB} GiB; Node ${m.node}; ${m.pg}; ${m.redis}`;
}

export async function sampleRss(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** PostgreSQL's Unix socket when it is on this machine (BENCH_DATABASE_TRANSPORT=tcp keeps TCP): no TCP stack per query. */
export function overLocalSocket(url) {
  const dir = process.env.BENCH_PG_SOCKET_DIR ?? '/var/run/postgresql';
  const u = new URL(url);
  if (process.env.BENCH_DATABASE_TRANSPORT === 'tcp' || !['127.0.0.1', 'localhost'].includes(u.hostname) || !existsSync(`${dir}/.s.PGSQL.${u.port || 5432}`)) return url;
  u.searchParams.set('host', dir);
  return u.toString();
}

/** utime + stime in ms from a `/proc/.../stat` file's text (a process's or a thread's); clock ticks are 10 ms (USER_HZ 100). */
export function statCpuMs(statText) {
  const fields = statText.slice(statText.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU time all cores spent busy since boot (/proc/stat, every state but idle and iowait), in ms. */
export function machineBusyMs() {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = ticks;
  return (user + nice + system + irq + softirq + steal) * 10;
}

/** utime + stime of each backend of `database` but the asking one's, by pid (a backend gone meanwhile is left out). */
export async function backendsCpuMs(client, database) {
  const { rows } = await client.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database]);
  const cpu = new Map();
  for (const { pid } of rows) {
    try {
      cpu.set(pid, processCpuMs(pid));
    } catch {}
  }
  return cpu;
}

/** The CPU the backends spent between two `backendsCpuMs` readings (one started in between counts from zero). */
export function backendsCpuMsBetween(before, after) {
  let ms = 0;
  for (const [pid, at] of after) ms += at - (before.get(pid) ?? 0);
  return ms;
}

/** utime + stime of one process, in ms. */
export function processCpuMs(pid) {
  return statCpuMs(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

/** A file's text, or '' when it is not there (a process gone meanwhile). */
export function safeRead(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function safeList(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** A process and all its descendants (the API's cluster workers, a shell's children). */
export function withDescendants(pid) {
  const children = safeList(`/proc/${pid}/task`).flatMap((task) => safeRead(`/proc/${pid}/task/${task}/children`).split(' ').filter(Boolean).map(Number));
  return [pid, ...children.flatMap(withDescendants)];
}

/** utime + stime of a process and its descendants, in ms. */
export function treeCpuMs(pid) {
  let ms = 0;
  for (const p of withDescendants(pid)) {
    const stat = safeRead(`/proc/${p}/stat`);
    if (stat) ms += statCpuMs(stat);
  }
  return ms;
}

/** The Redis server's own CPU so far (INFO cpu: user + system of its process), in ms; a benchmark has Redis to itself. */
export async function redisCpuMs() {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const info = await redis.info('cpu');
    const field = (name) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? NaN);
    return (field('used_cpu_user') + field('used_cpu_sys')) * 1000;
  } finally {
    redis.disconnect();
  }
}
