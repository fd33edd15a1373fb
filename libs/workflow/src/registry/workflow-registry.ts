import type { DocumentKind } from '../domain/document-kind.types.js';
import type { WorkflowDefinition } from './workflow-definition.types.js';

/** Thrown by `require` when no such kind/version is registered. */
export class UnknownWorkflowError extends Error {
  override readonly name = 'UnknownWorkflowError';
}

/**
 * Workflow definitions by kind and version. Registering a newer version never replaces an older
 * one: instances keep being driven by the version they were started with (`get(kind, version)`),
 * new instances start with `latest(kind)`.
 */
export class WorkflowRegistry {
  private readonly byKind = new Map<string, Map<number, WorkflowDefinition>>();

  register(definition: WorkflowDefinition): this {
    const versions = this.byKind.get(definition.kind) ?? new Map<number, WorkflowDefinition>();
    if (versions.has(definition.version)) {
      throw new Error(`Workflow ${definition.kind} v${definition.version} is already registered`);
    }
    versions.set(definition.version, definition);
    this.byKind.set(definition.kind, versions);
    return this;
  }

  get(kind: DocumentKind | string, version: number): WorkflowDefinition | undefined {
    return this.byKind.get(kind)?.get(version);
  }

  /** Like `get`, but throws UnknownWorkflowError. */
  require(kind: DocumentKind | string, version: number): WorkflowDefinition {
    const definition = this.get(kind, version);
    if (definition === undefined) {
      throw new UnknownWorkflowError(`No workflow ${kind} v${version}`);
    }
    return definition;
  }

  latest(kind: DocumentKind | string): WorkflowDefinition | undefined {
    const versions = this.byKind.get(kind);
    if (versions === undefined || versions.size === 0) {
      return undefined;
    }
    return versions.get(Math.max(...versions.keys()));
  }

  /** Like `latest`, but throws UnknownWorkflowError. */
  requireLatest(kind: DocumentKind | string): WorkflowDefinition {
    const definition = this.latest(kind);
    if (definition === undefined) {
      throw new UnknownWorkflowError(`No workflow ${kind}`);
    }
    return definition;
  }

  /** Every registered definition, by kind (registration order) then version ascending. */
  list(): WorkflowDefinition[] {
    return [...this.byKind.values()].flatMap((versions) => [...versions.values()].sort((a, b) => a.version - b.version));
  }

  /** The latest definition of each kind (what GET /api/workflows shows). */
  listLatest(): WorkflowDefinition[] {
    return [...this.byKind.keys()].map((kind) => this.latest(kind) as WorkflowDefinition);
  }

  kinds(): string[] {
    return [...this.byKind.keys()];
  }
}
