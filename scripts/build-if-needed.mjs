#!/usr/bin/env node
// Builds dist/ with `nest build` when it is missing or older than any source or config file.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MARKER = 'dist/apps/api/src/main.js';
const SOURCES = ['apps', 'libs', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'nest-cli.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, entry) => Math.max(max, newest(join(path, entry))), stat.mtimeMs);
}

const hasSources = existsSync('apps');
if (!hasSources && existsSync(MARKER)) process.exit(0); // a built image ships dist/ only
const built = existsSync(MARKER) ? statSync(MARKER).mtimeMs : 0;
if (built === 0 || SOURCES.some((s) => newest(s) > built)) {
  process.stderr.write('[build] compiling with nest build\n');
  execSync('npx nest build api', { stdio: 'inherit' });
  execSync(`touch ${MARKER}`);
}
