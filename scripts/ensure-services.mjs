#!/usr/bin/env node
// Makes sure PostgreSQL and Redis answer before `npm start` / `npm test`.
// Unreachable and on Debian as root: installs (Debian packages) and starts them. Otherwise: says what to run.
// Then creates the database named in DATABASE_URL if it does not exist.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import pg from 'pg';

const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/alur';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const log = (m) => process.stderr.write(`[ensure-services] ${m}\n`);

const isLocal = (host) => ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host);
const isDebianRoot = () => existsSync('/etc/debian_version') && process.getuid?.() === 0;
const sh = (cmd) => execSync(cmd, { stdio: ['ignore', 'inherit', 'inherit'] });
const has = (cmd) => {
  try {
    execSync(`command -v ${cmd}`, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

function portOpen(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: host.replace(/^\[|\]$/g, ''), port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitFor(host, port, what, seconds = 30) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await portOpen(host, port)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not come up on ${host}:${port}`);
}

let aptUpdated = false;
function aptInstall(pkgs) {
  if (!aptUpdated) sh('apt-get update -qq');
  aptUpdated = true;
  sh(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkgs}`);
}

function giveUp(what, url) {
  log(`${what} is not reachable at ${url}.`);
  log('Start it, for example with Docker:   docker compose up -d postgres redis');
  log('or on Debian/Ubuntu (as root):        apt-get install -y postgresql redis-server');
  log('or point DATABASE_URL / REDIS_URL at running servers.');
  process.exit(1);
}

async function ensurePostgres() {
  const u = new URL(DATABASE_URL);
  const host = u.hostname;
  const port = Number(u.port || 5432);
  if (!(await portOpen(host, port))) {
    if (!isLocal(host) || !isDebianRoot()) giveUp('PostgreSQL', `${host}:${port}`);
    const installedNow = !existsSync('/etc/postgresql') || readdirSync('/etc/postgresql').length === 0;
    if (installedNow) {
      log('installing PostgreSQL from Debian packages');
      aptInstall('postgresql');
    }
    const version = readdirSync('/etc/postgresql').sort().at(-1);
    if (installedNow) trustLoopback(`/etc/postgresql/${version}/main/pg_hba.conf`);
    log(`starting PostgreSQL ${version}`);
    sh(`pg_ctlcluster --skip-systemctl-redirect ${version} main start || true`);
    await waitFor(host, port, 'PostgreSQL');
  }
  await createDatabaseIfMissing(u);
}

/** Only for a cluster this script installed: a developer machine, loopback only. */
function trustLoopback(hbaPath) {
  const hba = readFileSync(hbaPath, 'utf8');
  const line = 'host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n';
  if (!hba.startsWith(line)) writeFileSync(hbaPath, line + hba);
}

async function createDatabaseIfMissing(u) {
  const name = decodeURIComponent(u.pathname.slice(1)) || 'postgres';
  const admin = new URL(u);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  try {
    await client.connect();
  } catch (error) {
    log(`cannot log in to PostgreSQL at ${u.host}: ${error.message}`);
    log('Check DATABASE_URL (user, password) and pg_hba.conf.');
    process.exit(1);
  }
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      log(`created database ${name}`);
    }
  } catch (error) {
    if (error.code !== '42P04') throw error; // created concurrently
  } finally {
    await client.end();
  }
}

async function ensureRedis() {
  const u = new URL(REDIS_URL);
  const host = u.hostname;
  const port = Number(u.port || 6379);
  if (await portOpen(host, port)) return;
  if (!isLocal(host) || !isDebianRoot()) giveUp('Redis', `${host}:${port}`);
  if (!has('redis-server')) {
    log('installing Redis from Debian packages');
    aptInstall('redis-server');
  }
  log('starting Redis');
  sh(
    `mkdir -p /var/lib/redis /var/log/redis && redis-server --daemonize yes --bind 127.0.0.1 -::1 --port ${port} ` +
      `--appendonly yes --maxmemory-policy noeviction --dir /var/lib/redis --logfile /var/log/redis/alur.log`,
  );
  await waitFor(host, port, 'Redis');
}

/** `--browser` (npm test): the browser tests drive Debian's Chromium. */
function ensureChromium() {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (existsSync(path)) return;
  if (!process.env.CHROMIUM_PATH && isDebianRoot()) {
    log('installing Chromium from Debian packages (for the browser tests)');
    aptInstall('chromium fonts-dejavu-core');
    return;
  }
  log(`Chromium is not at ${path}; the browser tests need it.`);
  log('Install it: on Debian/Ubuntu (as root)  apt-get install -y chromium');
  log('or point CHROMIUM_PATH at a Chromium or Chrome executable.');
  process.exit(1);
}

try {
  await ensurePostgres();
  await ensureRedis();
  if (process.argv.includes('--browser')) ensureChromium();
} catch (error) {
  log(error.message);
  process.exit(1);
}
