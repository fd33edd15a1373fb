import { describe, expect, it, jest } from '@jest/globals';
import type { ArgumentsHost, Logger } from '@nestjs/common';
import express, { type Request, type Response } from 'express';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRootLogger, httpLoggerMiddleware } from '#logging';
import { notFound } from './app.exception.js';
import { HttpExceptionFilter, logFailure } from './http-exception.filter.js';

const hostOf = (req: Request, res: Response) => ({ switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }) }) as unknown as ArgumentsHost;

describe('HttpExceptionFilter and the request log', () => {
  it("puts what failed into the failed request's own line: its id, status and the error's stack, once", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'alur-log-')), 'out.log');
    const fd = openSync(file, 'w');
    const root = createRootLogger('info', 'alur-test', { fd, flushEveryMs: 60_000 });
    const filter = new HttpExceptionFilter();
    const app = express();
    app.use(httpLoggerMiddleware(root));
    app.get('/boom', (req, res) => filter.catch(new TypeError('nilai tidak terbaca'), hostOf(req, res)));
    app.get('/missing', (req, res) => filter.catch(notFound(), hostOf(req, res)));
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const boom = await fetch(`${base}/boom`, { headers: { 'X-Request-Id': 'jejak-500' } });
      expect(boom.status).toBe(500);
      expect(await boom.json()).toEqual({ statusCode: 500, error: 'Internal Server Error', code: 'INTERNAL_ERROR', message: 'Internal server error' });
      expect((await fetch(`${base}/missing`)).status).toBe(404);
      await new Promise<void>((resolve) => root.flush(() => resolve()));

      const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
      expect(lines).toHaveLength(2);
      const [failed, refused] = lines;
      expect(failed).toMatchObject({ level: 50, req: { id: 'jejak-500', method: 'GET', url: '/boom' }, res: { statusCode: 500 } });
      expect(failed.err).toMatchObject({ type: 'TypeError', message: 'nilai tidak terbaca', stack: expect.stringContaining('http-exception.filter.spec') });
      // a refusal is no failure: its line says so and names no error
      expect(refused).toMatchObject({ level: 40, req: { url: '/missing' }, res: { statusCode: 404 } });
      expect(refused.err).toBeUndefined();
    } finally {
      await new Promise((resolve) => server.close(resolve));
      closeSync(fd);
    }
  });

  it('logFailure (the queue dashboard uses it too): a line of its own, with the stack, where no request log is on', () => {
    const logger = { error: jest.fn() } as unknown as Logger;
    const failure = new Error('Redis tidak menjawab');
    const unlogged = {} as Response;
    logFailure(unlogged, failure, logger);
    expect(logger.error).toHaveBeenCalledWith(failure.stack);
    expect((unlogged as Response & { err?: Error }).err).toBeUndefined();

    const logged = { log: {} } as unknown as Response;
    logFailure(logged, 'bukan Error', logger);
    expect((logged as Response & { err?: Error }).err).toEqual(new Error('bukan Error'));
    expect(logger.error).toHaveBeenCalledTimes(1);
  });
});
