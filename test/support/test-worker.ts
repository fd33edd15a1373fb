import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { resolve } from 'node:path';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import { Reconciler } from '../../apps/worker/src/deadlines/reconciler.service.js';

export interface TestWorker {
  app: INestApplicationContext;
  /** Runs one reconciler pass now (besides the timer), as if at `now` when given. */
  reconcile(now?: Date): ReturnType<Reconciler['reconcile']>;
  close(): Promise<void>;
}

/** The real worker (relay, job handlers, reconciler) in this process, on a test app's database and queue prefix. */
export async function createTestWorker(env: Record<string, string>): Promise<TestWorker> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ LOG_LEVEL: 'silent', WEEKLY_DIGEST: 'false', ...env }), { logger: false, abortOnError: false });
  await app.init();
  let closed = false;
  return {
    app,
    reconcile: (now?: Date) => app.get(Reconciler).reconcile(now),
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
    },
  };
}

export interface SpawnedWorker {
  child: ChildProcess;
  /** Everything the process wrote to stderr so far (start failures land here). */
  stderr(): string;
  /** Sends the signal and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /**
   * Runs `during` while the process is stopped (SIGSTOP), as a worker that hangs, then lets it run again. It is
   * stopped at a moment none of its sessions on `database` is running a statement or holds a transaction open, so
   * the test's own SQL never waits on a lock it holds.
   */
  whileHung<T>(database: { query(sql: string): Promise<Array<{ busy: number }>> }, during: () => Promise<T>): Promise<T>;
}

/** The built worker as its own process, started as in production (package.json's start:worker), for crash and multi-process tests. */
export function spawnWorker(env: Record<string, string>): SpawnedWorker {
  const child = spawn(process.execPath, ['--max-old-space-size=160', resolve('dist/apps/worker/src/main.js')], {
    env: { ...process.env, LOG_LEVEL: 'warn', WEEKLY_DIGEST: 'false', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    child,
    stderr: () => stderr,
    async kill(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGCONT');
        child.kill(signal);
      }
      await exited;
    },
    async whileHung(database, during) {
      for (let attempt = 0; ; attempt++) {
        child.kill('SIGSTOP');
        const [{ busy }] = await database.query(
          `SELECT count(*)::int AS busy FROM pg_stat_activity
            WHERE datname = current_database() AND application_name LIKE 'alur-worker%' AND state <> 'idle'`,
        );
        if (busy === 0) break;
        child.kill('SIGCONT');
        if (attempt === 100) throw new Error('the worker never left its sessions idle to be stopped');
        await new Promise((r) => setTimeout(r, 10));
      }
      try {
        return await during();
      } finally {
        child.kill('SIGCONT');
      }
    },
  };
}

/** Polls `probe` until it returns something truthy; fails after `timeoutMs` saying what it waited for. */
export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${options.what ?? 'a condition'} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 100));
  }
}

export interface TcpProxy {
  port: number;
  /** Drops every connection and refuses new ones (the upstream looks down). */
  cut(): void;
  /** Accepts connections again. */
  restore(): void;
  close(): Promise<void>;
}

/** A TCP proxy in front of a server (e.g. Redis), to take it away from a client and give it back. */
export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let open = true;
  const server = net.createServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, targetHost);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const cutAll = (): void => {
    for (const s of sockets) s.destroy();
  };
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      open = false;
      cutAll();
    },
    restore() {
      open = true;
    },
    async close() {
      open = false;
      cutAll();
      await new Promise((done) => server.close(done));
    },
  };
}
