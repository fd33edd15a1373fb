export * from './report-rows.js';
export * from './report-sql.js';
export * from './reports.repository.js';
export * from './digest.repository.js';
