import { Logger, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where `npm run build:web` puts the pages (apps/web). */
export const WEB_DIST_DIR = resolve(process.env.WEB_DIST_DIR ?? join(process.cwd(), 'dist', 'web'));

/** Paths that belong to the API, never to the pages: an unknown one stays a JSON 404. */
const SERVER_PATHS = /^\/(api|admin|docs|docs-json|health|metrics)(\/|$)/;

export function isServerPath(path: string): boolean {
  return SERVER_PATHS.test(path);
}

/**
 * The web app at /: its built files (hashed assets cached for a year, as brotli or gzip when the browser
 * takes it: the build compresses them once), index.html never cached, and index.html for any other GET
 * of a page path, so a link to /quick-wins/<id> opens the app there.
 */
export function mountWebApp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  const index = join(WEB_DIST_DIR, 'index.html');
  if (!existsSync(index)) {
    new Logger('WebApp').warn(`no web app at ${WEB_DIST_DIR}: run npm run build:web`);
    return;
  }
  express.use('/assets', expressStaticGzip(join(WEB_DIST_DIR, 'assets'), { enableBrotli: true, orderPreference: ['br'], index: false, serveStatic: { immutable: true, maxAge: '365d' } }));
  express.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isServerPath(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
