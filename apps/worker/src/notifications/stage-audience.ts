import type { Role, StageActor, WorkflowAction } from '#workflow';
import { creatorExcluded, type RecipientTarget } from './recipients.resolver.js';

/** Who is waited for in a stage, as recipient targets (creator-only actions are not waited for). */
export function actorTargets(actors: readonly StageActor[]): RecipientTarget[] {
  return actors.flatMap((a) => (a.scope === 'creator' ? [] : [{ role: a.role, scope: a.scope, excludeCreator: creatorExcluded(a.actions) }]));
}

/** The actions holders of `role` may take in the stage. */
export function actionsOfRole(actors: readonly StageActor[], role: Role): WorkflowAction[] {
  return [...new Set(actors.filter((a) => a.role === role && a.scope !== 'creator').flatMap((a) => a.actions))];
}
