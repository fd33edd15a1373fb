export * from './report-scope.js';
export * from './sla-status.util.js';
export * from './stage-time-histogram.util.js';
export * from './throughput.util.js';
export * from './working-time.util.js';
export * from './workload.util.js';
export * from './weekly-digest.util.js';
