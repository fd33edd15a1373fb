import { isIP } from 'node:net';
import Joi from 'joi';

const DURATION = /^\d+(ms|s|m|h|d)$/;

export const envSchema = Joi.object({
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  PORT: Joi.number().integer().min(0).max(65535).default(3000),
  API_PROCESSES: Joi.number().integer().min(1).max(32).default(1),
  DATABASE_URL: Joi.string()
    .uri({ scheme: ['postgres', 'postgresql'] })
    .default('postgres://postgres@127.0.0.1:5432/alur'),
  DATABASE_POOL_SIZE: Joi.number().integer().min(2).max(200).default(10),
  REDIS_URL: Joi.string().uri({ scheme: ['redis', 'rediss'] }).default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: Joi.string()
    .pattern(/^[a-zA-Z0-9_-]{1,64}$/)
    .default('alur'),
  JWT_SECRET: Joi.string()
    .min(32)
    .when('NODE_ENV', { is: 'production', then: Joi.required(), otherwise: Joi.optional() }),
  JWT_TTL: Joi.string().pattern(DURATION).default('1h'),
  SMTP_URL: Joi.string().uri({ scheme: ['smtp', 'smtps'] }).optional(),
  SMTP_FROM: Joi.string().default('alur <no-reply@alur.local>'),
  PUBLIC_URL: Joi.string().uri({ scheme: ['http', 'https'] }).optional(),
  DEMO_SEED: Joi.boolean().when('NODE_ENV', {
    is: 'production',
    then: Joi.boolean().default(false),
    otherwise: Joi.boolean().default(true),
  }),
  /** Sample documents at every stage, made once into an empty database; DEMO_SEED's value by default. */
  DEMO_DOCUMENTS: Joi.boolean().optional(),
  DEMO_PASSWORD: Joi.string().min(8).default('demo12345'),
  RECONCILE_INTERVAL_MS: Joi.number().integer().min(100).default(60000),
  WEEKLY_DIGEST: Joi.boolean().default(true),
  /**
   * The worker's CPU priority below the API's on a host they share (Unix nice, 0-19; 0 leaves it as
   * started): relaying and reminders can wait milliseconds, people's requests should not.
   */
  WORKER_NICENESS: Joi.number().integer().min(0).max(19).default(10),
  /** A file the worker touches with each heartbeat (a container's health check reads its age); none by default. */
  WORKER_HEARTBEAT_FILE: Joi.string().trim().min(1).optional(),
  LOGIN_THROTTLE_LIMIT: Joi.number().integer().min(1).default(10),
  LOGIN_THROTTLE_TTL_MS: Joi.number().integer().min(1000).default(60000),
  LOGIN_THROTTLE_ADDRESS_LIMIT: Joi.number().integer().min(1).default(30),
  /** libuv's thread pool (Node reads it at start; default 4): password checks share it with fs, dns and crypto. */
  UV_THREADPOOL_SIZE: Joi.number().integer().min(1).max(1024).default(4),
  /** Below UV_THREADPOOL_SIZE: password checks never take every thread, so file reads and lookups still get one. */
  LOGIN_HASH_CONCURRENCY: Joi.number()
    .integer()
    .min(1)
    .max(Joi.ref('UV_THREADPOOL_SIZE', { adjust: (size: number) => size - 1 }))
    .default(2)
    .messages({ 'number.max': 'LOGIN_HASH_CONCURRENCY must be below UV_THREADPOOL_SIZE (4 unless set), so password checks leave a thread for everything else' }),
  LOGIN_HASH_QUEUE: Joi.number().integer().min(0).default(32),
  QUEUE_DASHBOARD_ACTIONS: Joi.boolean().default(false),
  PASSWORD_LOGIN: Joi.boolean().default(true),
  OIDC_ISSUER_URL: Joi.string().uri({ scheme: ['http', 'https'] }).optional(),
  OIDC_CLIENT_ID: Joi.string().when('OIDC_ISSUER_URL', { is: Joi.exist(), then: Joi.required() }),
  OIDC_CLIENT_SECRET: Joi.string().when('OIDC_ISSUER_URL', { is: Joi.exist(), then: Joi.required() }),
  OIDC_REDIRECT_URL: Joi.string()
    .uri({ scheme: ['http', 'https'] })
    .when('OIDC_ISSUER_URL', { is: Joi.exist(), then: Joi.required() }),
  OIDC_USER_CLAIM: Joi.string().pattern(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/).default('preferred_username'),
  /** Comma-separated origins (`https://alur.kaltimprov.go.id`) allowed to call the API from a browser; unset: none. */
  CORS_ORIGINS: Joi.string()
    .pattern(/^https?:\/\/[^\s,/]+(,\s*https?:\/\/[^\s,/]+)*$/)
    .message('CORS_ORIGINS must be origins such as https://alur.example.go.id, separated by commas')
    .optional(),
  /**
   * Who may tell the API the client's address and scheme (X-Forwarded-For, -Proto, -Host): the reverse
   * proxy's addresses, comma-separated: `loopback`, `linklocal`, `uniquelocal`, an IP or a CIDR block.
   */
  TRUST_PROXY: Joi.string()
    .custom((value: string, helpers) => (value.split(',').every((item) => isProxyAddress(item.trim())) ? value : helpers.error('any.invalid')))
    .message('TRUST_PROXY must be loopback, linklocal, uniquelocal, IP addresses or CIDR blocks (10.0.0.0/8), separated by commas')
    .default('loopback'),
  /** The bearer token a Prometheus scraper sends for `/metrics` (API and worker); unset: no metrics served. */
  METRICS_TOKEN: Joi.string()
    .min(32)
    .pattern(/^[\x21-\x7e]+$/)
    .messages({
      'string.min': 'METRICS_TOKEN must be at least 32 visible ASCII characters, e.g. the output of openssl rand -hex 32',
      'string.pattern.base': 'METRICS_TOKEN must be at least 32 visible ASCII characters, e.g. the output of openssl rand -hex 32',
    })
    .optional(),
  /** The worker's own metrics port (with METRICS_TOKEN); unset: the worker serves none. */
  WORKER_METRICS_PORT: Joi.number().integer().min(1).max(65535).optional(),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
});

/** `loopback`, `linklocal`, `uniquelocal`, an IP address or a CIDR block: what Express's `trust proxy` takes. */
function isProxyAddress(item: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(item)) return true;
  const [address, prefix, ...rest] = item.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}
