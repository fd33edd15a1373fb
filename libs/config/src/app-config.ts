import { randomBytes } from 'node:crypto';
import { envSchema } from './env.schema.js';

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** API processes sharing the port (node:cluster); 1 runs the API in the process itself. */
  apiProcesses: number;
  databaseUrl: string;
  databasePoolSize: number;
  redisUrl: string;
  queuePrefix: string;
  jwt: { secret: string; ttl: string; issuer: string; audience: string };
  smtp: { url: string | null; from: string };
  /** Where people reach alur in a browser (no trailing slash): links in e-mails start here. */
  publicUrl: string;
  demoSeed: boolean;
  /** Make the demo documents (DEMO_DOCUMENTS) when the database holds none. */
  demoDocuments: boolean;
  demoPassword: string;
  reconcileIntervalMs: number;
  /** The worker schedules the Monday digest (WEEKLY_DIGEST). */
  weeklyDigest: boolean;
  workerNiceness: number;
  /** Touched with each of the worker's heartbeats (WORKER_HEARTBEAT_FILE), or null. */
  workerHeartbeatFile: string | null;
  /** Login attempts per window: per client address and username (`limit`) and per client address (`addressLimit`). */
  loginThrottle: { limit: number; addressLimit: number; ttlMs: number };
  /** Password checks running at once, and sign-ins that may wait for one. */
  loginHashing: { concurrency: number; queue: number };
  /** Whether the queue dashboard may pause, retry, promote or clean jobs (never add or edit them). */
  queueDashboardActions: boolean;
  logLevel: string;
  /** `/metrics` for Prometheus: the bearer token it needs (null: not served) and the worker's port for it (null: none). */
  metrics: { token: string | null; workerPort: number | null };
  /** false: sign-in by password is refused (single sign-on only). */
  passwordLogin: boolean;
  /** OpenID Connect single sign-on; null when OIDC_ISSUER_URL is not set. */
  oidc: OidcConfig | null;
  /** Origins a browser may call the API from (CORS); empty: none. */
  corsOrigins: string[];
  /** The reverse proxy's addresses, as Express's `trust proxy` takes them (`loopback` by default). */
  trustProxy: string[];
}

export interface OidcConfig {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  /** The callback URL registered at the provider (`.../api/auth/oidc/callback` as the browser reaches it). */
  redirectUrl: string;
  /** The claim whose value is a user's NIP or username. */
  userClaim: string;
}

export class InvalidConfigurationError extends Error {
  constructor(readonly variables: string[], details: string) {
    super(`Invalid configuration: ${details}`);
    this.name = 'InvalidConfigurationError';
  }
}

/** Validates the environment once; the error names every offending variable. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.fromEntries(
    Object.keys(envSchema.describe().keys).flatMap((key) => (env[key] === undefined || env[key] === '' ? [] : [[key, env[key]]])),
  );
  const { value, error } = envSchema.validate(known, { abortEarly: false, convert: true });
  if (error) {
    const variables = [...new Set(error.details.map((d) => String(d.path[0])))];
    throw new InvalidConfigurationError(variables, error.details.map((d) => d.message).join('; '));
  }
  return {
    nodeEnv: value.NODE_ENV,
    port: value.PORT,
    apiProcesses: value.API_PROCESSES,
    databaseUrl: value.DATABASE_URL,
    databasePoolSize: value.DATABASE_POOL_SIZE,
    redisUrl: value.REDIS_URL,
    queuePrefix: value.QUEUE_PREFIX,
    jwt: {
      secret: value.JWT_SECRET ?? randomBytes(48).toString('base64url'),
      ttl: value.JWT_TTL,
      issuer: 'alur',
      audience: 'alur-api',
    },
    smtp: { url: value.SMTP_URL ?? null, from: value.SMTP_FROM },
    publicUrl: String(value.PUBLIC_URL ?? `http://localhost:${value.PORT}`).replace(/\/+$/, ''),
    demoSeed: value.DEMO_SEED,
    demoDocuments: value.DEMO_DOCUMENTS ?? value.DEMO_SEED,
    demoPassword: value.DEMO_PASSWORD,
    reconcileIntervalMs: value.RECONCILE_INTERVAL_MS,
    weeklyDigest: value.WEEKLY_DIGEST,
    workerNiceness: value.WORKER_NICENESS,
    workerHeartbeatFile: value.WORKER_HEARTBEAT_FILE ?? null,
    loginThrottle: { limit: value.LOGIN_THROTTLE_LIMIT, addressLimit: value.LOGIN_THROTTLE_ADDRESS_LIMIT, ttlMs: value.LOGIN_THROTTLE_TTL_MS },
    loginHashing: { concurrency: value.LOGIN_HASH_CONCURRENCY, queue: value.LOGIN_HASH_QUEUE },
    queueDashboardActions: value.QUEUE_DASHBOARD_ACTIONS,
    logLevel: value.LOG_LEVEL,
    metrics: { token: value.METRICS_TOKEN ?? null, workerPort: value.WORKER_METRICS_PORT ?? null },
    passwordLogin: value.PASSWORD_LOGIN,
    oidc: value.OIDC_ISSUER_URL
      ? {
          issuerUrl: value.OIDC_ISSUER_URL,
          clientId: value.OIDC_CLIENT_ID,
          clientSecret: value.OIDC_CLIENT_SECRET,
          redirectUrl: value.OIDC_REDIRECT_URL,
          userClaim: value.OIDC_USER_CLAIM,
        }
      : null,
    corsOrigins: value.CORS_ORIGINS ? (value.CORS_ORIGINS as string).split(',').map((o) => o.trim()) : [],
    trustProxy: (value.TRUST_PROXY as string).split(',').map((a) => a.trim()),
  };
}
