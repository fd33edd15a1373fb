import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The worker's heap cap (README "Processes") is written where each way of starting it lives: npm's
 * scripts, docker-compose, the benches and the tests' spawned workers share no module. This keeps
 * the five in step, so a bench or a test never measures a worker started otherwise than in production.
 */
const STARTS_OF_THE_WORKER = ['package.json', 'package.json', 'docker-compose.yml', 'bench/lib/stack.mjs', 'test/support/test-worker.ts'];

describe("the worker's heap cap", () => {
  const root = join(import.meta.dirname, '..', '..', '..');
  const capsIn = (file: string) => [...readFileSync(join(root, file), 'utf8').matchAll(/--max-old-space-size=(\d+)/g)].map((m) => `${file}: ${m[1]}`);
  const caps = [...new Set(STARTS_OF_THE_WORKER)].flatMap(capsIn);

  const cap = caps[0]?.split(': ')[1];

  it('is the same in every place that starts the worker', () => {
    expect(cap).toMatch(/^\d+$/);
    expect(caps).toEqual(STARTS_OF_THE_WORKER.map((file) => `${file}: ${cap}`));
  });

  it('is the figure the README gives', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(`The worker runs with \`--max-old-space-size=${cap}\``);
  });
});
