import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './openapi-types.js';

export type { components, operations, paths } from './openapi-types.js';
/** Every named schema of the API: `Schemas['QuickWin']`, `Schemas['Error']`... */
export type Schemas = components['schemas'];
export type AlurClient = Client<paths>;

export interface AlurClientOptions {
  /** Where the API runs, without `/api`: `http://localhost:3000`, or `''` in the web app served by it. */
  baseUrl: string;
  /** The accessToken of POST /api/auth/login; sent as `Authorization: Bearer`. */
  token?: string;
  /** Another fetch (tests, a cookie-carrying one in the browser). */
  fetch?: typeof globalThis.fetch;
  /** The browser's cookie policy: the web app sends its session cookie with `same-origin`. */
  credentials?: 'omit' | 'same-origin' | 'include';
}

/**
 * A typed client of the alur API, generated from openapi.json (`npm run openapi`): paths, bodies,
 * query strings, answers and errors are checked by TypeScript.
 *
 * ```ts
 * const api = createAlurClient({ baseUrl: 'http://localhost:3000', token });
 * const { data, error } = await api.POST('/api/quick-wins/{id}/actions', { params: { path: { id } }, body: { action: 'APPROVE' } });
 * ```
 */
export function createAlurClient({ baseUrl, token, fetch, credentials }: AlurClientOptions): AlurClient {
  return createClient<paths>({
    baseUrl,
    ...(credentials ? { credentials } : {}),
    ...(fetch ? { fetch } : {}),
    ...(token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
  });
}
