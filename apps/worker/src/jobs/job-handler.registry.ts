import { ALL_JOB_NAMES, type JobName } from '#queue';
import { MissingJobHandlerError, type JobHandlerFn } from './job-handler.types.js';

export interface DiscoveredHandler {
  name: JobName;
  owner: string;
  fn: JobHandlerFn;
}

/** One handler per job name, every job name handled: otherwise the worker must not start. */
export function buildHandlerMap(discovered: readonly DiscoveredHandler[], names: readonly JobName[] = ALL_JOB_NAMES): Map<JobName, JobHandlerFn> {
  const map = new Map<JobName, JobHandlerFn>();
  const owners = new Map<JobName, string>();
  for (const handler of discovered) {
    const previous = owners.get(handler.name);
    if (previous) throw new MissingJobHandlerError(`Job ${handler.name} has two handlers: ${previous} and ${handler.owner}`);
    owners.set(handler.name, handler.owner);
    map.set(handler.name, handler.fn);
  }
  const missing = names.filter((name) => !map.has(name));
  if (missing.length > 0) throw new MissingJobHandlerError(`No handler for job ${missing.join(', ')}`);
  return map;
}
