#!/usr/bin/env node
// The pure workflow engine's work per transition, as a request to fire an action does it (npm run bench:machine):
// restore the stored snapshot once, decide the action (known, allowed, possible), take the transition, persist the
// next snapshot, and work out the caller's next allowed actions, along bench:approval's path (SUBMIT, ENDORSE,
// VERIFY, APPROVE of a Quick Win). No server: CPU time of this process alone, so it holds on a busy machine.
// BENCH_AB_OTHER=<dir with its own dist/> measures that build too, in alternating blocks (as bench:ab).
// Run after `npm run build`; BENCH_MACHINE_NO_WRITE=1 prints without writing bench/RESULTS.md.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APPROVAL_STEPS } from './lib/approval-path.mjs';
import { commitOf, machineLine, median, pairedInterval, writeSection } from './lib/stack.mjs';

const OTHER = process.env.BENCH_AB_OTHER;
const ROUNDS = Number(process.env.BENCH_MACHINE_ROUNDS ?? 20);
const PATHS = Number(process.env.BENCH_MACHINE_PATHS ?? 2_000);

const PLACE = { governmentCode: 'kaltim', unitCode: 'diskominfo' };
/** The demo people of bench:approval's path, as the policy sees them. */
const PEOPLE = {
  'kaltim.drafter': { ...PLACE, roles: ['DRAFTER'] },
  'kaltim.kadis': { ...PLACE, roles: ['UNIT_HEAD'] },
  'kaltim.organisasi': { governmentCode: 'kaltim', unitCode: 'biro-organisasi', roles: ['ORG_VERIFIER'] },
  'kaltim.sekda': { governmentCode: 'kaltim', unitCode: 'setda', roles: ['SECRETARY'] },
};
const STEPS = APPROVAL_STEPS.map(([username, action]) => [action, { username, ...PEOPLE[username], delegations: [] }]);

async function engineOf(root) {
  const workflow = await import(pathToFileURL(join(root, 'dist/libs/workflow/src/index.js')).href);
  const definition = workflow.createDefaultRegistry().require('quick-win', 1);
  const started = workflow.startWorkflow(definition, { level: 'PROVINCE' });
  const now = new Date();
  if (started.state !== 'draft') throw new Error('the Quick Win does not start in draft');
  const draft = JSON.stringify(started.persistedSnapshot);
  /** One document along the path from its draft, each step from its stored (JSON) snapshot, as fire-action reads it. */
  const path = () => {
    let stored = draft;
    const history = [];
    for (const [action, actor] of STEPS) {
      const state = JSON.parse(stored).value;
      const document = { kind: 'quick-win', state, createdBy: 'kaltim.drafter', ...PLACE, governmentLevel: 'PROVINCE', parentGovernmentCode: null, history };
      const instance = workflow.restoreInstance(definition, JSON.parse(stored));
      const outcome = workflow.decideAction(instance, { document, actor, action, now, event: () => ({ type: action }) });
      if (outcome.outcome !== 'applied') throw new Error(`${action} in ${state}: ${outcome.reason}`);
      outcome.next.allowedActions({ ...document, state: outcome.result.toState }, actor, now);
      history.push({ action, fromState: state, actor: actor.username, onBehalfOf: null });
      stored = JSON.stringify(outcome.result.persistedSnapshot);
    }
  };
  return { root, commit: commitOf(root), path };
}

/** Microseconds of this process's CPU per transition over `PATHS` documents. */
function measure(engine) {
  const before = process.cpuUsage();
  for (let i = 0; i < PATHS; i++) engine.path();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / (PATHS * STEPS.length);
}

const builds = [await engineOf(resolve('.')), ...(OTHER ? [await engineOf(resolve(OTHER))] : [])];
for (const engine of builds) for (let i = 0; i < 200; i++) engine.path(); // warm up
const perBuild = builds.map(() => []);
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? builds.map((_, i) => i) : builds.map((_, i) => i).reverse();
  for (const i of order) perBuild[i].push(measure(builds[i]));
  process.stderr.write(`round ${round + 1}/${ROUNDS}: ${builds.map((b, i) => `${b.commit} ${perBuild[i].at(-1).toFixed(1)} us`).join(', ')}\n`);
}

const rows = builds.map((b, i) => `| ${b === builds[0] ? 'this' : 'other'} (${b.commit}) | ${median(perBuild[i]).toFixed(1)} | ${Math.min(...perBuild[i]).toFixed(1)} | ${Math.max(...perBuild[i]).toFixed(1)} |`);
const differences = OTHER ? perBuild[0].map((x, r) => x - perBuild[1][r]) : [];
const { mean, half } = OTHER ? pairedInterval(differences) : { mean: 0, half: 0 };
const section = `## 1f. The workflow engine's work per transition

Measured ${machineLine()}.
Command: \`${OTHER ? `BENCH_AB_OTHER=${OTHER} ` : ''}npm run bench:machine\` (BENCH_MACHINE_ROUNDS=${ROUNDS}, BENCH_MACHINE_PATHS=${PATHS}).
What a request to fire an action asks of the pure engine (\`libs/workflow\`), in one process with no server: restore the stored
snapshot, decide the action (known, allowed for the caller, possible), take the transition, persist the next snapshot and
work out the caller's next allowed actions; along bench:approval's path (SUBMIT, ENDORSE, VERIFY, APPROVE of a Quick Win),
${PATHS} documents per round and build${OTHER ? ', the builds in alternating order' : ''}. CPU time of the process (\`process.cpuUsage\`) per transition.

| build | median us per transition | fastest round | slowest round |
|---|---|---|---|
${rows.join('\n')}
${OTHER ? `\nThis build's minus the other's, per round: **${mean.toFixed(1)} ± ${half.toFixed(1)} us** per transition (95% interval over ${ROUNDS} rounds).\n` : ''}`;

console.log(section);
if (process.env.BENCH_MACHINE_NO_WRITE !== '1') writeSection('machine', section);
