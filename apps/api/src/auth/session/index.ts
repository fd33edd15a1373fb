export * from './access-token-authenticator.js';
export * from './browser-sessions.js';
export * from './csrf-guard.util.js';
export * from './request-credential.js';
export * from './session-scope.js';
