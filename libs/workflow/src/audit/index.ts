export * from './canonical-json.util.js';
export * from './sha256.util.js';
export * from './content-hash.util.js';
export * from './audit-chain.util.js';
export * from './document-audit.js';
