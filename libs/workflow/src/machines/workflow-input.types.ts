import { isGovernmentLevel, type GovernmentLevel } from '../domain/government.types.js';

/** Input of every workflow machine: facts about the document fixed at creation. */
export interface WorkflowInput {
  /** Level of the document's government (decides facilitation for regulations). */
  readonly level: GovernmentLevel;
}

/** Throws a TypeError when the input is not a valid WorkflowInput. */
export function assertWorkflowInput(input: unknown): asserts input is WorkflowInput {
  const level = (input as { level?: unknown } | null | undefined)?.level;
  if (!isGovernmentLevel(level)) {
    throw new TypeError(`Workflow input needs a government level (PROVINCE, REGENCY or CITY), got ${JSON.stringify(level)}`);
  }
}
