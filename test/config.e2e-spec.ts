import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';

/** Starts a built process with an environment and returns how it ended (global setup builds dist/). */
function start(entry: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, [entry], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 20000,
  });
  return { status: result.status, stderr: result.stderr };
}

describe('configuration validated at start', () => {
  it.each([
    ['PORT', { PORT: 'not-a-port' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://somewhere/alur' }],
    ['JWT_TTL', { JWT_TTL: 'forever' }],
    ['RECONCILE_INTERVAL_MS', { RECONCILE_INTERVAL_MS: '-5' }],
    ['SMTP_URL', { SMTP_URL: 'not a url' }],
  ])('the api refuses a bad %s and names it', (name, env) => {
    const { status, stderr } = start('dist/apps/api/src/main.js', env);
    expect(status).toBe(1);
    expect(stderr).toContain(`"${name}"`);
  });

  it('the api requires JWT_SECRET in production', () => {
    const { status, stderr } = start('dist/apps/api/src/main.js', { NODE_ENV: 'production' });
    expect(status).toBe(1);
    expect(stderr).toContain('"JWT_SECRET"');
  });

  it('the worker refuses a bad REDIS_URL and names it', () => {
    const { status, stderr } = start('dist/apps/worker/src/main.js', { REDIS_URL: 'http://127.0.0.1:6379' });
    expect(status).toBe(1);
    expect(stderr).toContain('"REDIS_URL"');
  });
});
