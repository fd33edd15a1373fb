import type { EntityManager } from 'typeorm';
import { findUnitsByCode } from '#persistence';
import { AGENCIES_STAGE, findStateNode, type CoordinationRequest, type WorkflowDefinition } from '#workflow';
import { validationFailed } from '../common/errors/app.exception.js';
import type { DocumentRecord } from './document-record.js';

/** A request LEGAL made with REQUEST_HARMONIZATION, checked against the organisation, with the units' names. */
export interface ResolvedCoordinationRequest {
  request: CoordinationRequest;
  unitNames: Record<string, string>;
}

/**
 * `data.coordination` of REQUEST_HARMONIZATION (already well formed): the OPDs concerned must be
 * units of the document's government other than the drafting unit, the rule must be reachable, and
 * the document must run on a workflow version that has the parallel stage. 400 otherwise.
 */
export async function resolveCoordinationRequest(
  manager: EntityManager,
  record: DocumentRecord,
  definition: WorkflowDefinition,
  data: Record<string, unknown> | null,
): Promise<ResolvedCoordinationRequest | null> {
  const coordination = data?.coordination as { units: string[]; rule: { kind: 'ALL' | 'AT_LEAST'; n?: number } } | undefined;
  if (coordination === undefined) return null;
  const fail = (field: string, message: string) => validationFailed(`data.coordination.${field}: ${message}`, { fields: [`data.coordination.${field}`] });
  if (findStateNode(definition.machine, AGENCIES_STAGE) === undefined) {
    throw validationFailed(
      `data.coordination: this regulation runs on workflow version ${definition.version}, which has no paraf koordinasi by the OPDs concerned; it goes on without them`,
      { fields: ['data.coordination'] },
    );
  }
  if (coordination.units.includes(record.unitCode)) {
    throw fail('units', `${record.unitCode} drafted the regulation; name the other OPDs concerned`);
  }
  const units = await findUnitsByCode(manager, record.governmentId, coordination.units);
  const unknown = coordination.units.filter((code) => !units.some((u) => u.code === code));
  if (unknown.length > 0) throw fail('units', `${unknown.join(', ')} is not a unit of ${record.governmentCode}`);
  const { rule } = coordination;
  if (rule.kind === 'ALL' && rule.n !== undefined) throw fail('rule.n', 'n belongs to AT_LEAST only');
  if (rule.kind === 'AT_LEAST' && (rule.n ?? 0) > units.length) {
    throw fail('rule.n', `at least ${rule.n} of ${units.length} OPDs named can never be met`);
  }
  return {
    request: { units: coordination.units, rule: rule.kind === 'ALL' ? { kind: 'ALL' } : { kind: 'AT_LEAST', n: rule.n as number } },
    unitNames: Object.fromEntries(units.map((u) => [u.code, u.name])),
  };
}
