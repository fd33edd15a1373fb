import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module.js';
import { buildOpenApiDocument } from '../../apps/api/src/common/contract/openapi-document.js';
import { configureApp } from '../../apps/api/src/configure-app.js';
import { OpenApiConformance } from './openapi-conformance.js';
import { createTestDatabase, TEST_DEMO_PASSWORD } from './test-database.js';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestApp {
  app: INestApplication;
  http: TestAgent;
  dataSource: DataSource;
  env: Record<string, string>;
  /** Every response so far that broke the OpenAPI document (close() fails the file when there is one). */
  conformance: OpenApiConformance;
  /** Bearer header for a demo user (tokens are cached per username). */
  auth(username: string): Promise<{ Authorization: string }>;
  close(): Promise<void>;
}

/** The real API on its own database and queue prefix, configured exactly as main.ts does. */
export async function createTestApp(extraEnv: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const prefix = `alur_test_${db.name.slice('alur_test_'.length)}`;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    DEMO_SEED: 'false',
    DEMO_PASSWORD: TEST_DEMO_PASSWORD,
    LOG_LEVEL: 'silent',
    LOGIN_THROTTLE_LIMIT: '1000',
    LOGIN_THROTTLE_ADDRESS_LIMIT: '100000',
    LOGIN_HASH_QUEUE: '100000',
    ...extraEnv,
  };
  const app = await NestFactory.create(AppModule.forRoot(env), { bodyParser: false, logger: false, abortOnError: false });
  // first of all middleware, so it sees every response, refusals by other middleware included
  const conformance = new OpenApiConformance(buildOpenApiDocument(app));
  app.use(conformance.middleware());
  configureApp(app);
  await app.init();
  const http = request(app.getHttpServer());
  const tokens = new Map<string, string>();
  return {
    app,
    http,
    dataSource: app.get(DataSource),
    env,
    conformance,
    async auth(username: string) {
      let token = tokens.get(username);
      if (!token) {
        const res = await http.post('/api/auth/login').send({ username, password: TEST_DEMO_PASSWORD });
        if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
        token = res.body.accessToken as string;
        tokens.set(username, token);
      }
      return { Authorization: `Bearer ${token}` };
    },
    async close() {
      await app.close();
      await clearQueuePrefix(prefix);
      await db.drop();
      if (conformance.violations.length > 0) {
        throw new Error(`responses that break the OpenAPI document (README "Adding an endpoint"):\n${[...new Set(conformance.violations)].join('\n')}`);
      }
    },
  };
}

export async function clearQueuePrefix(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
