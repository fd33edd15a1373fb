export * from './data-source-options.js';
export * from './database.module.js';
export * from './entities/index.js';
export * from './password-hash.util.js';
export * from './run-migrations.util.js';
export * from './seed/demo-data.js';
export * from './seed/demo-seed.js';
export * from './repositories/user-directory.js';
