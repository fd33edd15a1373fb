/**
 * What the queue dashboard lets an operator do. Reading is always allowed. Jobs come only from
 * PostgreSQL's outbox and deadlines, so nobody adds, edits, re-times or obliterates them by hand;
 * with QUEUE_DASHBOARD_ACTIONS on, an operator may pause and resume queues and retry, promote or
 * clean jobs (a job run again is checked against PostgreSQL like any other).
 */
export type DashboardRefusal = { allowed: false; reason: string } | { allowed: true };

const READS = new Set(['GET', 'HEAD']);

/** The writes an operator may make once the deployment turns actions on (paths below /admin/queues). */
const OPERATOR_WRITES: ReadonlyArray<{ method: string; path: RegExp }> = [
  { method: 'PUT', path: /^\/api\/queues\/(pause|resume)$/ },
  { method: 'PUT', path: /^\/api\/queues\/[^/]+\/(pause|resume|promote)$/ },
  { method: 'PUT', path: /^\/api\/queues\/[^/]+\/(retry|clean)\/[a-z]+$/ },
  { method: 'PUT', path: /^\/api\/queues\/[^/]+\/[^/]+\/(retry|clean)$/ },
  { method: 'PATCH', path: /^\/api\/queues\/[^/]+\/[^/]+\/promote$/ },
  { method: 'PUT', path: /^\/api\/queues\/[^/]+\/[^/]+\/retry\/[a-z]+$/ },
];

export function dashboardAccess(method: string, path: string, actionsEnabled: boolean): DashboardRefusal {
  if (READS.has(method.toUpperCase())) return { allowed: true };
  if (!actionsEnabled) return { allowed: false, reason: 'The queue dashboard is read-only in this deployment (QUEUE_DASHBOARD_ACTIONS is off)' };
  const permitted = OPERATOR_WRITES.some((w) => w.method === method.toUpperCase() && w.path.test(path));
  return permitted
    ? { allowed: true }
    : { allowed: false, reason: 'Jobs are made from the database only: the dashboard never adds, edits, re-times or removes queues of jobs' };
}
