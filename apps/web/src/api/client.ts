import { createAlurClient } from '@api-client';
import type { Middleware } from 'openapi-fetch';

/** The browser's copy of the session's CSRF token (set by the API at sign-in). */
function csrfToken(): string {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]!) : '';
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD') request.headers.set('X-XSRF-TOKEN', csrfToken());
    // answers depend on who asks (allowedActions): never let the browser's cache answer for another user
    return new Request(request, { cache: 'no-store' });
  },
};

/** The typed client of libs/api-client (generated from openapi.json); the session cookie rides along (same origin). */
export const api = createAlurClient({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

type Result = { data?: unknown; error?: unknown; response: Response };

const listeners = new Set<() => void>();
/** Called when the API says the session is gone (401), so the app can show the sign-in page. */
export function onSessionLost(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The body of a successful call (typed by the OpenAPI document, or as `T`), or an ApiError with the API's status and code. */
export async function ok<T = never, R extends Result = Result>(call: Promise<R>, options: { quiet401?: boolean } = {}): Promise<[T] extends [never] ? NonNullable<R['data']> : T> {
  let result: Result;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, 'NETWORK', 'Tidak dapat menghubungi server.');
  }
  if (result.response.ok) return result.data as never;
  const body = (result.error ?? {}) as { code?: string; message?: string; details?: unknown };
  if (result.response.status === 401 && !options.quiet401) listeners.forEach((l) => l());
  throw new ApiError(result.response.status, body.code ?? 'ERROR', body.message ?? result.response.statusText, body.details);
}

/**
 * The body of a health check (`/health`, `/health/worker`), which answers it with 200 and with 503 alike;
 * any other failure (the API's error body, no answer) is an ApiError as from `ok`.
 */
export async function healthBody<R extends Result>(call: Promise<R>): Promise<NonNullable<R['data']>> {
  const result = await call.catch(() => null);
  if (result && result.response.status === 503 && typeof result.error === 'object' && result.error !== null && 'status' in result.error && !('code' in result.error)) {
    return result.error as NonNullable<R['data']>;
  }
  return ok<never, R>(result ? Promise.resolve(result) : call);
}
