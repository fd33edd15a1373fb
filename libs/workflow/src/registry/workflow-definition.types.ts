import type { AnyStateMachine } from 'xstate';
import type { DocumentKind } from '../domain/document-kind.types.js';
import type { WorkflowAction } from '../machines/workflow-action.types.js';

/** One version of the workflow of one document kind. Immutable once registered. */
export interface WorkflowDefinition<TMachine extends AnyStateMachine = AnyStateMachine> {
  readonly kind: DocumentKind;
  /** Positive integer; a running instance keeps the version it started with. */
  readonly version: number;
  readonly machine: TMachine;
  /** Every action of this kind (what the server accepts in `POST .../actions`). */
  readonly actions: readonly WorkflowAction[];
  /** Bahasa Indonesia label of the kind. */
  readonly label: string;
}
