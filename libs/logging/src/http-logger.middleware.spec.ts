import { describe, expect, it } from '@jest/globals';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpLoggerMiddleware } from './http-logger.middleware.js';
import { createRootLogger } from './root-logger.js';

/** GETs `paths` one after another from a server that answers 200 through the request logger (the API's first middleware); the lines it wrote. */
async function logLinesOf(paths: string[]): Promise<Array<Record<string, any>>> {
  const file = join(mkdtempSync(join(tmpdir(), 'alur-log-')), 'out.log');
  const fd = openSync(file, 'w');
  const root = createRootLogger('info', 'alur-test', { fd, flushEveryMs: 60_000 });
  const log = httpLoggerMiddleware(root);
  const server: Server = createServer((req, res) => log(req, res, () => res.end('ok')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const get = (path: string) =>
    new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, path }, (res) => res.resume().on('end', resolve));
      req.on('error', reject).end();
    });
  try {
    for (const path of paths) await get(path);
    await new Promise<void>((resolve) => root.flush(() => resolve()));
    return readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
  } finally {
    await new Promise((resolve) => server.close(resolve));
    closeSync(fd);
  }
}

describe('the request log', () => {
  it('keeps the secrets that travel in a URL out of the log: the password-reset link token and the sign-on code', async () => {
    const lines = await logLinesOf([
      // the e-mailed link (README "Lupa kata sandi"): PUBLIC_URL/atur-kata-sandi?token=...
      '/atur-kata-sandi?token=Kp3vQw9xZr2LmN8sTt4uYy7aBb1cDd5eFf6gHh0iJj',
      '/api/auth/oidc/callback?code=kode-rahasia-dari-penyedia&state=keadaan&iss=https%3A%2F%2Fsso.example',
      '/api/quick-wins?state=approval&q=layanan',
      '/atur-kata-sandi?Token=Kp3vQw9xZr2LmN8sTt4uYy7aBb1cDd5eFf6gHh0iJj&token=Kp3vQw9xZr2LmN8sTt4uYy7aBb1cDd5eFf6gHh0iJj',
    ]);
    const text = lines.map((l) => l.req.url).join('\n');
    for (const secret of ['Kp3vQw9xZr2LmN8sTt4uYy7aBb1cDd5eFf6gHh0iJj', 'kode-rahasia-dari-penyedia']) expect(text).not.toContain(secret);
    // the path and the other parameters stay, so a line still says what was asked
    expect(lines.map((l) => l.req.url)).toEqual([
      '/atur-kata-sandi?token=[Redacted]',
      '/api/auth/oidc/callback?code=[Redacted]&state=keadaan&iss=https%3A%2F%2Fsso.example',
      '/api/quick-wins?state=approval&q=layanan',
      '/atur-kata-sandi?Token=[Redacted]&token=[Redacted]',
    ]);
  });

  it('writes one line per request with its id, method, URL, status and time, and no header', async () => {
    const [line, ...more] = await logLinesOf(['/api/quick-wins?state=approval']);
    expect(more).toEqual([]);
    expect(line).toMatchObject({ level: 30, name: 'alur-test', msg: 'request completed', res: { statusCode: 200 }, responseTime: expect.any(Number) });
    expect(line.req).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), method: 'GET', url: '/api/quick-wins?state=approval' });
    expect(JSON.stringify(line)).not.toMatch(/"headers"|"host"|"remoteAddress"/);
  });
});
