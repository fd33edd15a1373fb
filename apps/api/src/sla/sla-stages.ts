import { QUICK_WIN_SLA_STAGES, REGULATION_SLA_STAGES, type SlaKind } from '#workflow';
import { notFound } from '../common/errors/app.exception.js';

/** The waiting stages of each kind, in workflow order: the ones with an SLA. */
export const SLA_STAGES: Readonly<Record<SlaKind, readonly string[]>> = {
  'quick-win': QUICK_WIN_SLA_STAGES,
  regulation: REGULATION_SLA_STAGES,
};

/** The kind of the path, or 404 for one the engine does not know. */
export function requireSlaKind(kind: string): SlaKind {
  if (!Object.hasOwn(SLA_STAGES, kind)) throw notFound(`Workflow ${kind}`);
  return kind as SlaKind;
}
