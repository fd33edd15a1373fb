import { describe, expect, it } from '@jest/globals';
import type { GovernmentLevel } from '../domain/government.types.js';
import { eventsOf, reachableSnapshots } from '../engine/reachable-snapshots.testing.js';
import { applyToLive } from '../engine/workflow-engine.js';
import { stateToString } from '../machines/state-node.util.js';
import { quickWinWorkflowV1, regulationWorkflowV1, regulationWorkflowV2 } from '../registry/default-registry.js';
import { rolesOfferedTaskOnLive } from './offered-roles.js';
import { UNDATED_STATES } from './task-scope.js';

const LEVELS: readonly GovernmentLevel[] = ['PROVINCE', 'REGENCY'];
/** What closes or opens deadlines: the stage left, the stage or the OPDs' round entered, the round closed. */
const DEADLINE_EFFECTS = new Set(['stage-left', 'stage-entered', 'participants-opened', 'participants-released']);

/**
 * A pending deadline keeps the roles offered when it was opened (`deadlines.offered_roles`); the transition writer
 * writes them only on the deadlines it opens. That is right only while every transition that keeps a deadline (it
 * neither leaves nor enters a stage nor closes the OPDs' round: a participant's PARAF while others are waited for) leaves the roles as they
 * were. A workflow that breaks this needs the writer to update the deadlines it keeps.
 */
describe('rolesOfferedTask across transitions that keep the deadlines', () => {
  it.each([quickWinWorkflowV1, regulationWorkflowV1, regulationWorkflowV2].flatMap((d) => LEVELS.map((level) => [`${d.kind} v${d.version}`, level, d] as const)))(
    '%s at %s: every transition that keeps the deadlines offers the same roles after it',
    (_name, level, definition) => {
      let kept = 0;
      // an undated state (a draft) has no deadline to keep
      for (const live of reachableSnapshots(definition, level).filter((l) => !UNDATED_STATES.has(stateToString(l.value)))) {
        for (const event of eventsOf(definition)) {
          const { result, next } = applyToLive(definition, live, event as never);
          if (!result.ok || next === null) continue;
          if (result.effects.some((e) => DEADLINE_EFFECTS.has(e.type))) continue;
          kept += 1;
          expect({ from: stateToString(live.value), event: event.type, to: stateToString(next.value), roles: rolesOfferedTaskOnLive(definition, next) }).toEqual({
            from: stateToString(live.value),
            event: event.type,
            to: stateToString(next.value),
            roles: rolesOfferedTaskOnLive(definition, live),
          });
        }
      }
      if (definition === regulationWorkflowV2) expect(kept).toBeGreaterThan(0); // the OPDs' PARAF while others are waited for
    },
  );
});
