import { describe, expect, it } from '@jest/globals';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRootLogger } from './root-logger.js';

/** Waits until `file` holds something, or `ms` pass; returns what it holds. */
async function contentWithin(file: string, ms: number): Promise<string> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const text = readFileSync(file, 'utf8');
    if (text.length > 0) return text;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return readFileSync(file, 'utf8');
}

describe('the root logger', () => {
  it('writes a lone line while the process runs on, though far less than its 4 KB buffer waits', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'alur-log-')), 'out.log');
    const fd = openSync(file, 'w');
    try {
      const logger = createRootLogger('info', 'alur-test', { fd, flushEveryMs: 100 });
      logger.info({ password: 'rahasia' }, 'alur worker started');
      const line = JSON.parse((await contentWithin(file, 10_000)).trim());
      expect(line).toMatchObject({ level: 30, name: 'alur-test', msg: 'alur worker started', password: '[Redacted]' });
    } finally {
      closeSync(fd);
    }
  });

  it('holds lines back between flushes: one write for many short lines', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'alur-log-')), 'out.log');
    const fd = openSync(file, 'w');
    try {
      const logger = createRootLogger('info', 'alur-test', { fd, flushEveryMs: 60_000 });
      for (let i = 0; i < 5; i++) logger.info(`baris ${i}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(readFileSync(file, 'utf8')).toBe('');
      logger.flush();
      const text = await contentWithin(file, 10_000);
      expect(text.trim().split('\n').map((l) => JSON.parse(l).msg)).toEqual(['baris 0', 'baris 1', 'baris 2', 'baris 3', 'baris 4']);
    } finally {
      closeSync(fd);
    }
  });
});
