import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

export type TestDatabaseModule = typeof import('./support/test-database.js');
const COMPILED_TEST_DATABASE = resolve('dist/test/support/test-database.mjs');

/**
 * Builds dist/ (tests that spawn the api or worker run it) and, from it, the migrated and seeded
 * template database that every test file copies. The template is named after this run's process, so
 * two runs on one PostgreSQL never drop each other's; databases left by runs that died are dropped.
 */
export default async function globalSetup(): Promise<void> {
  execSync('node scripts/build-if-needed.mjs', { stdio: 'inherit' });
  process.env.TEST_TEMPLATE_DB ??= `alur_test_tpl_${process.pid}`;
  const testing = await loadCompiledTestDatabase();
  await testing.dropDatabasesOfDeadRuns();
  await testing.buildTemplateDatabase();
}

/**
 * Global setup runs outside Jest's module resolver, so it loads test-database.ts transpiled into
 * dist/, where its `#persistence` import resolves to the built library.
 */
async function loadCompiledTestDatabase(): Promise<TestDatabaseModule> {
  const source = readFileSync(resolve('test/support/test-database.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023 },
  });
  mkdirSync(dirname(COMPILED_TEST_DATABASE), { recursive: true });
  writeFileSync(COMPILED_TEST_DATABASE, outputText);
  return import(pathToFileURL(COMPILED_TEST_DATABASE).href) as Promise<TestDatabaseModule>;
}
