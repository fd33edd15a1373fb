export * from './deadline-explanation.util.js';
export * from './deadline-schedule.js';
export * from './default-sla.js';
export * from './iso-duration.util.js';
export * from './schedule-recompute.util.js';
export * from './sla-duration.util.js';
export * from './sla-policy.js';
export * from './target-date-reminders.util.js';
