export * from './mermaid.renderer.js';
export * from './describe-workflow.js';
