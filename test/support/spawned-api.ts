import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { resolve } from 'node:path';

export interface SpawnedApi {
  child: ChildProcess;
  base: string;
  stderr(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** A port nothing listens on now (bound, read, closed). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

/** The built API (`node dist/apps/api/src/main.js`) as a process of its own on a free port, once /health answers 200. */
export async function spawnApi(env: Record<string, string>, timeoutMs = 45_000): Promise<SpawnedApi> {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve('dist/apps/api/src/main.js')], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const api: SpawnedApi = {
    child,
    base: `http://127.0.0.1:${port}`,
    stderr: () => stderr,
    async kill(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`api exited at start: ${stderr}`);
    try {
      if ((await fetch(`${api.base}/health`)).status === 200) return api;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await api.kill('SIGKILL');
  throw new Error(`api on ${api.base} did not become healthy: ${stderr}`);
}
