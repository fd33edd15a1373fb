import { AGENCIES_STAGE, allowedActions, coordinationRoundOf, pendingUnits, stageActorsFor, type ActorFacts, type DocumentFacts, type ReadableDocument, type RestoredInstance, type WorkflowRegistry } from '#workflow';
import { coordinationViewOf } from './coordination-view.js';
import type { DocumentRecord } from './document-record.js';
import { DOCUMENT_KINDS } from './kinds/index.js';

export function documentFactsOf(record: DocumentRecord): DocumentFacts {
  return {
    kind: record.kind,
    state: record.state,
    createdBy: record.createdBy,
    governmentCode: record.governmentCode,
    governmentLevel: record.governmentLevel,
    parentGovernmentCode: record.parentGovernmentCode,
    unitCode: record.unitCode,
    history: record.history,
    // the OPDs concerned still waited for in coordination.agencies: they must act, so they read it
    pendingParticipants: record.state === AGENCIES_STAGE ? pendingUnits(coordinationRoundOf(record.snapshot.context)) : [],
  };
}

/** The document as the read scope sees it (`canRead`). */
export function readableDocumentOf(record: DocumentRecord, registry: WorkflowRegistry): ReadableDocument {
  return {
    ...documentFactsOf(record),
    submitted: record.submitted,
    facilitationRequested: record.facilitationRequested,
    stageActors: stageActorsFor(registry.require(record.kind, record.machineVersion), record.state),
  };
}

/**
 * A document as the API returns it, with what this caller may do now; `instance`: the document's
 * workflow already restored in this request (after a transition), asked instead of restoring again.
 */
export function toDocumentView(record: DocumentRecord, registry: WorkflowRegistry, actor: ActorFacts, now: Date, instance?: RestoredInstance) {
  const spec = DOCUMENT_KINDS[record.kind];
  const definition = registry.require(record.kind, record.machineVersion);
  return {
    id: record.id,
    kind: record.kind,
    ...spec.viewFields(record.content, record.facts, record.governmentLevel),
    state: record.state,
    version: record.version,
    contentVersion: record.contentVersion,
    contentHash: record.contentHash,
    governmentCode: record.governmentCode,
    governmentName: record.governmentName,
    /** The government's IANA zone: times of this document are read there (WIB, WITA, WIT). */
    timeZone: record.timeZone,
    unitCode: record.unitCode,
    unitName: record.unitName,
    createdBy: record.createdBy,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    workflowVersion: record.machineVersion,
    ...(record.kind === 'regulation' ? { coordination: coordinationViewOf(record) } : {}),
    allowedActions: record.final
      ? []
      : instance
        ? instance.allowedActions(documentFactsOf(record), actor, now)
        : allowedActions(definition, record.snapshot, documentFactsOf(record), actor, now),
    deadline:
      record.final || !record.deadline
        ? null
        : {
            stage: record.deadline.stage,
            dueAt: record.deadline.dueAt,
            overdue: record.deadline.dueAt.getTime() <= now.getTime(),
            explanation: record.deadline.explanation,
          },
  };
}

export type DocumentView = ReturnType<typeof toDocumentView>;

/** A document as list pages return it: without the parts that grow with use (the detail endpoint carries them). */
export function toDocumentSummary(record: DocumentRecord, registry: WorkflowRegistry, actor: ActorFacts, now: Date) {
  const view: Record<string, unknown> = toDocumentView(record, registry, actor, now);
  const { content, facts } = DOCUMENT_KINDS[record.kind].summaryOmits;
  for (const field of [...content, ...facts]) delete view[field];
  return view;
}
