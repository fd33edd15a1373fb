import {
  AGENCIES_STAGE,
  allowedActions,
  coordinationRoundOf,
  pendingUnits,
  SlaStatus,
  slaStatusOf,
  stageActorsFor,
  type ActorFacts,
  type DocumentFacts,
  type ReadableDocument,
  type RestoredInstance,
  type SlaStatusBounds,
  type WorkflowRegistry,
} from '#workflow';
import { coordinationViewOf } from './coordination-view.js';
import type { DeadlineSubject, DocumentRecord, PolicySubject } from './document-record.js';
import { DOCUMENT_KINDS } from './kinds/index.js';

export function documentFactsOf(record: PolicySubject): DocumentFacts {
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

/** Where "Segera jatuh tempo" ends at `now`, by government id (`DeadlineBoundsLoader`). */
export type SlaBoundsByGovernment = ReadonlyMap<string, SlaStatusBounds>;

/** An open deadline not yet due: whether it is due soon takes its government's working calendar. */
export function needsSlaBounds(record: DeadlineSubject, now: Date): boolean {
  return !record.final && record.deadline !== null && record.deadline.dueAt.getTime() > now.getTime();
}

/** The document's open deadline: `overdue` once due, `dueSoon` by the rule of the inbox and the reports (`slaStatusOf`). */
export function deadlineViewOf(record: DeadlineSubject, now: Date, sla: SlaBoundsByGovernment) {
  if (record.final || !record.deadline) return null;
  const { stage, dueAt, explanation } = record.deadline;
  const overdue = dueAt.getTime() <= now.getTime(); // as needsSlaBounds says: no bounds are loaded for it
  const bounds = overdue ? undefined : sla.get(record.governmentId);
  if (!overdue && !bounds) throw new Error(`no working calendar of ${record.governmentCode} was loaded for the deadline of document ${record.id}`);
  return { stage, dueAt, overdue, dueSoon: bounds !== undefined && slaStatusOf(dueAt, bounds) === SlaStatus.DUE_SOON, explanation };
}

/** What this caller may do now; `instance`: the document's workflow already restored in this request. */
export function allowedActionsOf(record: PolicySubject, registry: WorkflowRegistry, actor: ActorFacts, now: Date, instance?: RestoredInstance): string[] {
  if (record.final) return [];
  if (instance) return instance.allowedActions(documentFactsOf(record), actor, now);
  return allowedActions(registry.require(record.kind, record.machineVersion), record.snapshot, documentFactsOf(record), actor, now);
}

/**
 * A document as the API returns it, with what this caller may do now; `sla`: the working-day bounds of
 * its government when its deadline is open (`needsSlaBounds`); `instance`: the document's workflow
 * already restored in this request (after a transition), asked instead of restoring again.
 */
export function toDocumentView(record: DocumentRecord, registry: WorkflowRegistry, actor: ActorFacts, now: Date, sla: SlaBoundsByGovernment, instance?: RestoredInstance) {
  const spec = DOCUMENT_KINDS[record.kind];
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
    allowedActions: allowedActionsOf(record, registry, actor, now, instance),
    deadline: deadlineViewOf(record, now, sla),
  };
}

export type DocumentView = ReturnType<typeof toDocumentView>;

/** A document as list pages return it: without the parts that grow with use (the detail endpoint carries them). */
export function toDocumentSummary(record: DocumentRecord, registry: WorkflowRegistry, actor: ActorFacts, now: Date, sla: SlaBoundsByGovernment) {
  const view: Record<string, unknown> = toDocumentView(record, registry, actor, now, sla);
  const { content, facts } = DOCUMENT_KINDS[record.kind].summaryOmits;
  for (const field of [...content, ...facts]) delete view[field];
  return view;
}
