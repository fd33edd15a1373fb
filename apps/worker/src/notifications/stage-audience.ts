import type { Role, StageActor, WorkflowAction } from '#workflow';
import { creatorExcluded, type RecipientTarget } from './recipients.resolver.js';

/**
 * Who is waited for in a stage, as recipient targets (creator-only actions are not waited for). In a
 * stage answered in parallel only the participant `participantUnitId` is meant (nobody without it).
 */
export function actorTargets(actors: readonly StageActor[], participantUnitId: string | null = null): RecipientTarget[] {
  return actors.flatMap((a) =>
    a.scope === 'creator' ? [] : [{ role: a.role, scope: a.scope, excludeCreator: creatorExcluded(a.actions), participantUnitId }],
  );
}

/** The actions holders of `role` may take in the stage. */
export function actionsOfRole(actors: readonly StageActor[], role: Role): WorkflowAction[] {
  return [...new Set(actors.filter((a) => a.role === role && a.scope !== 'creator').flatMap((a) => a.actions))];
}
