// Reads a V8 .cpuprofile (node --cpu-prof) and ranks functions by self time.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where a function lives, short: `pkg/file.js:line` for dependencies, `apps/...:line` for ours, `node:...` for Node's. */
function place(url, line) {
  if (!url) return '';
  const clean = url.replace(/^file:\/\//, '');
  const nm = clean.lastIndexOf('node_modules/');
  const short = nm >= 0 ? clean.slice(nm + 'node_modules/'.length) : clean.replace(/^.*\/dist\//, '');
  return `${short}:${line + 1}`;
}

/** The newest .cpuprofile of `dir`: its file name, the profile, and its nodes by id. */
function newestProfile(dir) {
  const file = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort().at(-1);
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  return { file, profile, byId: new Map(profile.nodes.map((node) => [node.id, node])) };
}

/**
 * Calls `visit(node, ms)` for each sample taken inside `window` (CLOCK_MONOTONIC microseconds, as
 * `process.hrtime.bigint() / 1000n`; V8 stamps its samples on the same clock), or for all when it is null.
 */
function eachSample({ profile, byId }, window, visit) {
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (window && (at < window.from || at > window.to)) return;
    visit(byId.get(id), (profile.timeDeltas[i] ?? 0) / 1000);
  });
}

/**
 * The `n` functions with the most self time in the newest profile of `dir`, with their share of the
 * busy samples (idle left out), over the samples inside `window` (`eachSample`).
 */
export function topFunctions(dir, n = 15, window = null) {
  const read = newestProfile(dir);
  const selfMs = new Map();
  let totalMs = 0;
  eachSample(read, window, (node, ms) => {
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') return;
    const key = `${functionName || '(anonymous)'} ${place(url, lineNumber)}`.trim();
    selfMs.set(key, (selfMs.get(key) ?? 0) + ms);
    totalMs += ms;
  });
  const ranked = [...selfMs.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  return { file: read.file, totalMs, ranked: ranked.map(([name, ms]) => ({ name, ms, share: ms / totalMs })) };
}

/** Socket writes: V8 samples on a wall-clock timer, so a thread waiting for a core after waking PostgreSQL lands here. */
const SOCKET_WRITES = new Set(['writev', 'writeBuffer', 'writeUtf8String', 'writeLatin1String']);

/**
 * Shares of the busy samples (idle and socket writes left out) that fall in each group, a sample counted
 * once per group. `groups`: [{ name, inclusive?: fn(frame), self?: fn(frame) }] where a frame is
 * `{ functionName, place }`; `inclusive` counts a sample when any frame of its stack matches (the function
 * and all it calls), `self` only when the sampled frame does (a package's own code).
 */
export function groupShares(dir, groups, window = null) {
  const read = newestProfile(dir);
  const parent = new Map();
  for (const node of read.profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const frameOf = (node) => ({ functionName: node.callFrame.functionName, place: place(node.callFrame.url, node.callFrame.lineNumber) });
  const counted = new Map(groups.map((g) => [g.name, 0]));
  let totalMs = 0;
  eachSample(read, window, (node, ms) => {
    const sampled = frameOf(node);
    if (sampled.functionName === '(idle)' || SOCKET_WRITES.has(sampled.functionName)) return;
    totalMs += ms;
    const stack = [];
    for (let cur = node.id; cur !== undefined; cur = parent.get(cur)) stack.push(frameOf(read.byId.get(cur)));
    for (const g of groups) {
      if ((g.self && g.self(sampled)) || (g.inclusive && stack.some(g.inclusive))) counted.set(g.name, counted.get(g.name) + ms);
    }
  });
  return { totalMs, shares: groups.map((g) => ({ name: g.name, share: totalMs > 0 ? counted.get(g.name) / totalMs : 0 })) };
}
