import type { Request } from 'express';
import { isServerPath } from '../web/web-app.js';

/**
 * The `route` label of a request: the route's template (`/api/quick-wins/:id/actions`), never the path
 * a caller sent, so ids and query strings make no series of their own and name no one.
 */
export function httpRouteLabel(req: Pick<Request, 'route' | 'originalUrl'>): string {
  const path = req.originalUrl.split('?', 1)[0] ?? '';
  if (path === '/metrics') return '/metrics';
  if (path === '/admin/queues' || path.startsWith('/admin/queues/')) return '/admin/queues';
  const template: unknown = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof template === 'string') return template;
  // a path of the API's that no route answers, or one of the web app's files and pages (apps/web)
  return isServerPath(path) ? '(no route)' : '(web app)';
}
