import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * One owner per table: SQL lives in libs/persistence, the apps call its named methods. This fails
 * when a query, a query builder or a repository shows up in apps/ again (tests aside). Files still
 * allowed are listed with the reason; the list should only shrink.
 */
const ALLOWED: Readonly<Record<string, string>> = {};

const SQL_IN_CODE = [
  /\.query\s*\(/,
  /\bqueryPrepared\b/,
  /createQueryBuilder/,
  /getRepository\s*\(/,
  /manager\.(insert|update|delete|find|findOne|save|upsert)\s*\(/,
  /[`'"]\s*(SELECT|INSERT INTO|UPDATE|DELETE FROM|WITH)\b/,
  /\b(SELECT|INSERT INTO|DELETE FROM)\b[^`'"]*\b(FROM|VALUES|WHERE)\b/,
];

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'web') return [];
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('no SQL in apps/', () => {
  const root = join(import.meta.dirname, '..', '..', '..');
  const files = sourcesUnder(join(root, 'apps')).map((path) => ({ file: relative(root, path), text: readFileSync(path, 'utf8') }));

  it('finds the app sources', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('has no query, query builder or SQL text outside libs/persistence', () => {
    const offending = files
      .filter(({ file }) => !(file in ALLOWED))
      .flatMap(({ file, text }) =>
        text.split('\n').flatMap((line, i) => (SQL_IN_CODE.some((pattern) => pattern.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offending).toEqual([]);
  });

  it('allows only files that still need it', () => {
    const present = new Set(files.map(({ file }) => file));
    expect(Object.keys(ALLOWED).filter((file) => !present.has(file))).toEqual([]);
  });
});
