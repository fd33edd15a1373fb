import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createRootLogger, PinoLoggerService } from '#logging';
import { type AppConfig, InvalidConfigurationError, loadAppConfig } from '#config';
import { lowerCpuPriority } from './cpu-priority.js';
import { WorkerModule } from './worker.module.js';

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadAppConfig();
  } catch (error) {
    if (error instanceof InvalidConfigurationError) {
      process.stderr.write(`alur-worker: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const niceness = lowerCpuPriority(config.workerNiceness);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(), { bufferLogs: true });
  const root = createRootLogger(config.logLevel, 'alur-worker');
  app.useLogger(new PinoLoggerService(root));
  app.enableShutdownHooks();
  await app.init();
  root.info({ niceness }, 'alur worker started');
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`alur-worker: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
