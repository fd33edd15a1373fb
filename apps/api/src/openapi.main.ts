import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { buildOpenApiDocument } from './common/contract/openapi-document.js';

/**
 * `npm run openapi`: writes the OpenAPI document the server serves at /docs-json to the file named
 * (openapi.json). Nest's preview mode reads the routes without connecting to PostgreSQL or Redis.
 */
async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) throw new Error('usage: node dist/apps/api/src/openapi.main.js <file>');
  const app = await NestFactory.create(AppModule.forRoot({ LOG_LEVEL: 'silent' }), { preview: true, logger: false, abortOnError: false });
  writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  await app.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`openapi: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
