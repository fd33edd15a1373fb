export * from './role.types.js';
export * from './government.types.js';
export * from './document-kind.types.js';
export * from './regulation-type.util.js';
export * from './quick-win-category.types.js';
export * from './escalation.util.js';
export * from './notification-type.types.js';
export * from './indonesian-labels.js';
