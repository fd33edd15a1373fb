import { collectDefaultMetrics, Registry } from 'prom-client';

/** A registry of one process's metrics, starting with Node's own (CPU, memory, event loop lag, GC). */
export function processRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}
