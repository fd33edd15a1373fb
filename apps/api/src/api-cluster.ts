import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { answerClusterMetricsAsks } from './metrics/cluster-metrics.js';

/**
 * Runs `count` API processes that share the port (node:cluster): the primary only forks, restarts a
 * process that dies, passes SIGTERM/SIGINT on so each process shuts down as a single one would, and
 * gathers every process's metrics for the one that took a scrape (cluster-metrics.ts).
 * Outside production JWT_SECRET may be unset (a secret per start): the primary makes the one secret
 * every process signs and verifies with.
 */
export function runApiCluster(count: number): void {
  let stopping = false;
  const env = { JWT_SECRET: process.env.JWT_SECRET || randomBytes(48).toString('base64url') };
  answerClusterMetricsAsks();
  for (let i = 0; i < count; i++) cluster.fork(env);
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    process.stderr.write(`alur-api: process ${worker.process.pid} ended (${signal ?? code}); starting another\n`);
    cluster.fork(env);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }
}
