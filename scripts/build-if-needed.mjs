#!/usr/bin/env node
// Builds dist/ when it is missing or older than any source or config file: the API and the worker
// with `nest build`, the web app (apps/web) with Vite into dist/web.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const TARGETS = [
  {
    marker: 'dist/apps/api/src/main.js',
    sources: ['apps/api', 'apps/worker', 'libs', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'nest-cli.json'],
    what: 'compiling with nest build',
    command: 'npx nest build api',
  },
  {
    marker: 'dist/web/index.html',
    sources: ['apps/web', 'libs/workflow/src', 'package.json'],
    what: 'building the web app with vite',
    command: 'npx vite build --config apps/web/vite.config.ts --logLevel warn',
  },
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, entry) => Math.max(max, newest(join(path, entry))), stat.mtimeMs);
}

if (!existsSync('apps')) process.exit(0); // a built image ships dist/ only
for (const { marker, sources, what, command } of TARGETS) {
  const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  if (built === 0 || sources.some((s) => newest(s) > built)) {
    process.stderr.write(`[build] ${what}\n`);
    execSync(command, { stdio: 'inherit' });
    execSync(`touch ${marker}`);
  }
}
