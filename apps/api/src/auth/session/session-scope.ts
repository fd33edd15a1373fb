/**
 * Where a browser session's cookies live. The app's session covers the whole site; the queue
 * dashboard's is limited to /admin, so each scope has its own token and its own CSRF cookie.
 */
export interface SessionScope {
  /** HttpOnly cookie carrying the access token. */
  cookie: string;
  path: string;
}

export const APP_SESSION: SessionScope = { cookie: 'alur_session', path: '/' };
export const ADMIN_SESSION: SessionScope = { cookie: 'alur_admin_session', path: '/admin' };

/**
 * Readable by the page's script, which sends it back in `CSRF_HEADER` on every write (the names
 * axios uses by default, so the queue dashboard's own client sends it too).
 */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'x-xsrf-token';
