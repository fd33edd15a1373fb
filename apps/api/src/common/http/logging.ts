import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerModuleAsyncParams } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '#config';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** JSON logs with a request id taken from `X-Request-Id` (when sane) or made up, and echoed back. */
export function pinoHttpOptions(): LoggerModuleAsyncParams {
  return {
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => ({
      pinoHttp: {
        level: config.logLevel,
        genReqId: (req: IncomingMessage, res: ServerResponse) => {
          const given = req.headers['x-request-id'];
          const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
          res.setHeader('X-Request-Id', id);
          return id;
        },
        redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password'],
        customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
          error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      },
    }),
  };
}
