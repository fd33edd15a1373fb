// For specs only (tsconfig.build.json leaves *.testing.ts out of the build).
import type { AnyEventObject, AnyMachineSnapshot } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import type { GovernmentLevel } from '../domain/government.types.js';
import { regulationWorkflowV2 } from '../registry/default-registry.js';
import type { WorkflowDefinition } from '../registry/workflow-definition.types.js';

export const LEVELS: readonly GovernmentLevel[] = ['PROVINCE', 'REGENCY', 'CITY'];
/** The OPDs concerned that version 2's LEGAL names in `eventsOf`. */
export const NAMED_UNITS = ['inspektorat', 'biro-organisasi'] as const;

/** Each action plain, and for the OPDs concerned (version 2) LEGAL naming them and each one's answers. */
export function eventsOf(definition: WorkflowDefinition): AnyEventObject[] {
  const answers = NAMED_UNITS.flatMap((participant) =>
    (['PARAF', 'RETURN'] as const).map((type) => ({ type, participant, answer: { actor: `kepala-${participant}`, onBehalfOf: null, at: '2026-03-02T01:00:00.000Z', comment: null } })),
  );
  const naming = { type: 'REQUEST_HARMONIZATION', data: { coordination: { units: NAMED_UNITS, rule: { kind: 'ALL' } } } };
  return [...definition.actions.map((type) => ({ type })), ...(definition === regulationWorkflowV2 ? [naming, ...answers] : [])];
}

/** A snapshot for the graph's walk: counters past 2 (progress reports) count as 2, or the walk never ends. */
const serializeState = (snapshot: AnyMachineSnapshot): string =>
  JSON.stringify({ value: snapshot.value, context: snapshot.context }, (_key, value: unknown) => (typeof value === 'number' ? Math.min(value, 2) : value));

/** Every snapshot of the workflow reachable at `level` with `eventsOf` (xstate/graph's shortest paths). */
export function reachableSnapshots(definition: WorkflowDefinition, level: GovernmentLevel): AnyMachineSnapshot[] {
  return getShortestPaths(definition.machine, { input: { level }, events: eventsOf(definition) as never, serializeState }).map((path) => path.state as AnyMachineSnapshot);
}
