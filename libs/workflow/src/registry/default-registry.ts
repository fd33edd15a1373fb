import { DocumentKind } from '../domain/document-kind.types.js';
import { QUICK_WIN_ACTIONS, REGULATION_ACTIONS } from '../machines/workflow-action.types.js';
import { QUICK_WIN_MACHINE_VERSION, quickWinMachine, type QuickWinMachine } from '../machines/quick-win.machine.js';
import { REGULATION_MACHINE_VERSION, regulationMachine, type RegulationMachine } from '../machines/regulation.machine.js';
import { REGULATION_MACHINE_V2_VERSION, regulationMachineV2, type RegulationMachineV2 } from '../machines/regulation-v2.machine.js';
import { defineWorkflow } from './define-workflow.util.js';
import type { WorkflowDefinition } from './workflow-definition.types.js';
import { WorkflowRegistry } from './workflow-registry.js';

export const quickWinWorkflowV1: WorkflowDefinition<QuickWinMachine> = defineWorkflow({
  kind: DocumentKind.QUICK_WIN,
  version: QUICK_WIN_MACHINE_VERSION,
  machine: quickWinMachine,
  actions: QUICK_WIN_ACTIONS,
  label: 'Quick Win',
});

export const regulationWorkflowV1: WorkflowDefinition<RegulationMachine> = defineWorkflow({
  kind: DocumentKind.REGULATION,
  version: REGULATION_MACHINE_VERSION,
  machine: regulationMachine,
  actions: REGULATION_ACTIONS,
  label: 'Peraturan Kepala Daerah tentang Sistem Kerja',
});

/** Version 2: paraf koordinasi by the OPDs concerned. Instances started on version 1 finish on it. */
export const regulationWorkflowV2: WorkflowDefinition<RegulationMachineV2> = defineWorkflow({
  kind: DocumentKind.REGULATION,
  version: REGULATION_MACHINE_V2_VERSION,
  machine: regulationMachineV2,
  actions: REGULATION_ACTIONS,
  label: 'Peraturan Kepala Daerah tentang Sistem Kerja',
});

/** A fresh registry holding Quick Win v1 and Regulation v1 and v2 (new regulations start on v2). */
export function createDefaultRegistry(): WorkflowRegistry {
  return new WorkflowRegistry().register(quickWinWorkflowV1).register(regulationWorkflowV1).register(regulationWorkflowV2);
}
