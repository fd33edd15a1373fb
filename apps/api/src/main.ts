import 'reflect-metadata';
import cluster from 'node:cluster';
import { NestFactory } from '@nestjs/core';
import { InvalidConfigurationError, loadAppConfig } from '#config';
import { runApiCluster } from './api-cluster.js';
import { AppModule } from './app.module.js';
import { yieldHashingThreadsToEventLoop } from './auth/hashing-thread-priority.js';
import { configureApp } from './configure-app.js';

async function bootstrap(): Promise<void> {
  let port: number;
  let processes: number;
  try {
    ({ port, apiProcesses: processes } = loadAppConfig());
  } catch (error) {
    if (error instanceof InvalidConfigurationError) {
      process.stderr.write(`alur-api: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  if (processes > 1 && cluster.isPrimary) return runApiCluster(processes);
  const app = await NestFactory.create(AppModule.forRoot(), { bufferLogs: true, bodyParser: false });
  configureApp(app);
  await yieldHashingThreadsToEventLoop(); // password checks take the CPU the event loop leaves (/health stays fast)
  await app.listen(port);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`alur-api: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
