export * from './calendar.errors.js';
export * from './holiday.js';
export * from './holiday-coverage.js';
export * from './indonesian-format.util.js';
export * from './local-date.util.js';
export * from './office-hours.js';
export * from './working-day-calendar.js';
export * from './zoned-time.util.js';
