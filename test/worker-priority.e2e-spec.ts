import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { resolve } from 'node:path';
import { clearQueuePrefix, createTestDatabase, TEST_REDIS_URL } from '#testing';

jest.setTimeout(90_000);

/** The nice value of every thread of a process (field 19 of /proc/<pid>/task/<tid>/stat). */
function threadNiceness(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

/**
 * Issue 16: on a host it shares with the API, the worker yields the CPU (README "Processes"). Starts the
 * built worker, waits for its "started" log line and reads the nice value of each of its threads.
 */
describe("the worker's CPU priority", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const prefix = `alur_test_nice_${process.pid}`;
  const own = getPriority(); // the test's own niceness: a child starts with it

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await clearQueuePrefix(prefix);
    await db?.drop();
  });

  async function startedWorker(extraEnv: Record<string, string>, underNice?: number): Promise<{ logged: number; threads: number[] }> {
    const args = ['--max-old-space-size=160', resolve('dist/apps/worker/src/main.js')];
    const [command, argv] = underNice === undefined ? [process.execPath, args] : ['nice', ['-n', String(underNice), process.execPath, ...args]];
    const { WORKER_NICENESS: _, ...inherited } = process.env;
    const child = spawn(command, argv, {
      env: { ...inherited, NODE_ENV: 'test', DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, DEMO_SEED: 'false', WEEKLY_DIGEST: 'false', LOG_LEVEL: 'info', ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    try {
      let output = '';
      const logged = await new Promise<number>((done, fail) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const line = output.split('\n').slice(0, -1).find((l) => l.includes('alur worker started')); // whole lines only
          if (line) done(JSON.parse(line).niceness as number);
        });
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.once('exit', (code) => fail(new Error(`the worker exited (${code}) before it started: ${output.slice(-2000)}`)));
      });
      return { logged, threads: threadNiceness(child.pid!) };
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }

  it('runs every thread at 10 unless told otherwise', async () => {
    const { logged, threads } = await startedWorker({});
    expect(own).toBeLessThan(10); // else this would prove nothing
    expect(logged).toBe(10);
    expect(threads.length).toBeGreaterThan(1); // V8's and libuv's threads as well as the main one
    expect(new Set(threads)).toEqual(new Set([10]));
  });

  it('runs every thread at WORKER_NICENESS', async () => {
    const { logged, threads } = await startedWorker({ WORKER_NICENESS: '12' });
    expect(logged).toBe(12);
    expect(new Set(threads)).toEqual(new Set([12]));
  });

  it('never raises the priority it was started with', async () => {
    const startedAt = Math.min(own + 9, 19);
    const { logged, threads } = await startedWorker({ WORKER_NICENESS: '3' }, 9);
    expect(logged).toBe(startedAt);
    expect(new Set(threads)).toEqual(new Set([startedAt]));
  });

  it('refuses a niceness outside 0-19, naming the variable', async () => {
    await expect(startedWorker({ WORKER_NICENESS: '25' })).rejects.toThrow(/WORKER_NICENESS/);
  });
});
