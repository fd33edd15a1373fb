// pgbench from Debian's PostgreSQL client packages: installed here when missing on Debian as root,
// otherwise the benchmark stops and says what to install.
import { execFileSync, execSync } from 'node:child_process';

function hasPgbench() {
  try {
    execSync('command -v pgbench', { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
}

export function ensurePgbench() {
  if (hasPgbench()) return;
  const root = process.getuid?.() === 0;
  let debian = false;
  try {
    debian = execSync('command -v apt-get', { shell: '/bin/sh' }).length > 0;
  } catch {}
  if (!root || !debian) throw new Error('pgbench is missing: install PostgreSQL client tools (Debian/Ubuntu: sudo apt-get install -y postgresql-client)');
  console.log('Installing pgbench (postgresql-client) with apt-get ...');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client', { stdio: 'inherit', shell: '/bin/sh' });
}

/** Runs pgbench with a custom script; returns tps (without connection time), transactions and average latency. */
export function runPgbench(url, script, { clients, seconds, vars = {} }) {
  ensurePgbench();
  const u = new URL(url);
  const args = ['-n', '-M', 'prepared', '-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(seconds), '-f', script];
  for (const [name, value] of Object.entries(vars)) args.push('-D', `${name}=${value}`);
  args.push('-h', u.searchParams.get('host') ?? u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres'), u.pathname.slice(1));
  const out = execFileSync('pgbench', args, { env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) }, encoding: 'utf8' });
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1]);
  const transactions = Number(/number of transactions actually processed: (\d+)/.exec(out)?.[1]);
  const latencyMs = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1]);
  const failed = Number(/number of failed transactions: (\d+)/.exec(out)?.[1] ?? 0);
  if (!Number.isFinite(tps) || failed > 0) throw new Error(`pgbench failed or reported failures:\n${out}`);
  return { tps, transactions, latencyMs };
}
