import { createDefaultRegistry } from '#workflow';

export const WORKFLOW_REGISTRY = Symbol('WORKFLOW_REGISTRY');

export const workflowRegistryProvider = { provide: WORKFLOW_REGISTRY, useFactory: createDefaultRegistry };
