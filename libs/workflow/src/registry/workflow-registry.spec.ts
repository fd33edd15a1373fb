import { describe, expect, it } from '@jest/globals';
import { createMachine, type AnyStateMachine } from 'xstate';
import { applyAction, availableEvents, startWorkflow } from '../engine/workflow-engine.js';
import type { PersistedWorkflowSnapshot } from '../engine/workflow-engine.types.js';
import { notifyAssigned, rule, stageLifecycle, stateMeta } from '../machines/machine-actions.util.js';
import { quickWinMachine } from '../machines/quick-win.machine.js';
import { atomicStateNames } from '../machines/state-node.util.js';
import { QUICK_WIN_ACTIONS } from '../machines/workflow-action.types.js';
import { createDefaultRegistry } from './default-registry.js';
import { InvalidWorkflowDefinitionError, defineWorkflow } from './define-workflow.util.js';
import { UnknownWorkflowError } from './workflow-registry.js';

/** Quick Win v2: approval now goes to an extra `budget_check` stage (ORG_VERIFIER) before implementation. */
function quickWinV2Machine(): AnyStateMachine {
  const config = quickWinMachine.config as Record<string, any>;
  const states = config['states'] as Record<string, any>;
  return createMachine({
    ...config,
    states: {
      ...states,
      approval: {
        ...states['approval'],
        on: { ...states['approval'].on, APPROVE: { target: 'budget_check', actions: [notifyAssigned('budget_check')] } },
      },
      budget_check: {
        ...stageLifecycle('budget_check'),
        meta: stateMeta('budget_check', { VERIFY: rule('VERIFY', ['ORG_VERIFIER'], 'government') }),
        on: { VERIFY: { target: 'implementation', actions: [notifyAssigned('implementation')] } },
      },
    },
  } as any).provide(quickWinMachine.implementations as any);
}

function run(definition: Parameters<typeof applyAction>[0], snapshot: PersistedWorkflowSnapshot, actions: string[]): PersistedWorkflowSnapshot {
  let current = snapshot;
  for (const type of actions) {
    const result = applyAction(definition, JSON.parse(JSON.stringify(current)), { type });
    if (!result.ok) throw new Error(`${type} in ${result.fromState}: ${result.reason}`);
    current = result.persistedSnapshot;
  }
  return current;
}

describe('workflow registry', () => {
  it('holds Quick Win v1 and Regulation v1 and v2 by default; new regulations start on v2', () => {
    const registry = createDefaultRegistry();
    expect(registry.list().map((d) => `${d.kind}@${d.version}`)).toEqual(['quick-win@1', 'regulation@1', 'regulation@2']);
    expect(registry.latest('regulation')?.version).toBe(2);
    expect(registry.latest('quick-win')?.version).toBe(1);
    expect(registry.get('regulation', 1)?.machine.id).toBe('regulation');
    expect(registry.get('regulation', 3)).toBeUndefined();
    expect(registry.latest('nope')).toBeUndefined();
    expect(() => registry.require('quick-win', 9)).toThrow(UnknownWorkflowError);
    expect(() => registry.requireLatest('nope')).toThrow(UnknownWorkflowError);
  });

  it('refuses to register the same kind and version twice', () => {
    const registry = createDefaultRegistry();
    expect(() => registry.register(registry.require('quick-win', 1))).toThrow(/already registered/);
  });

  it('keeps driving a v1 instance with v1 after v2 is registered', () => {
    const registry = createDefaultRegistry();
    const v1 = registry.requireLatest('quick-win');
    const started = startWorkflow(v1, { level: 'REGENCY' });
    const inApproval = run(v1, started.persistedSnapshot, ['SUBMIT', 'ENDORSE', 'VERIFY']);

    const v2 = defineWorkflow({ kind: 'quick-win', version: 2, machine: quickWinV2Machine(), actions: QUICK_WIN_ACTIONS, label: 'Quick Win' });
    registry.register(v2);
    expect(registry.latest('quick-win')).toBe(v2);
    expect(registry.listLatest().map((d) => `${d.kind}@${d.version}`)).toEqual(['quick-win@2', 'regulation@2']);
    expect(atomicStateNames(v2.machine)).toContain('budget_check');

    // The running instance stored version 1: it goes on with v1 to its end, never seeing budget_check.
    const stored = registry.require('quick-win', 1);
    const approved = applyAction(stored, inApproval, { type: 'APPROVE' });
    expect(approved).toMatchObject({ ok: true, toState: 'implementation' });
    const done = run(stored, inApproval, ['APPROVE', 'REPORT_PROGRESS', 'COMPLETE', 'EVALUATE']);
    expect(done).toMatchObject({ status: 'done', value: 'completed' });

    // A new instance started with the latest version goes through the new stage.
    const fresh = run(v2, startWorkflow(v2, { level: 'REGENCY' }).persistedSnapshot, ['SUBMIT', 'ENDORSE', 'VERIFY', 'APPROVE']);
    expect(fresh.value).toBe('budget_check');
    expect(availableEvents(v2, fresh)).toEqual(['VERIFY']);
    expect(run(v2, fresh, ['VERIFY', 'REPORT_PROGRESS', 'COMPLETE', 'EVALUATE']).value).toBe('completed');
  });

  it('rejects inconsistent definitions', () => {
    const base = { kind: 'quick-win' as const, machine: quickWinMachine, actions: QUICK_WIN_ACTIONS, label: 'x' };
    expect(() => defineWorkflow({ ...base, version: 0 })).toThrow(InvalidWorkflowDefinitionError);
    expect(() => defineWorkflow({ ...base, version: 1.5 })).toThrow(InvalidWorkflowDefinitionError);
    expect(() => defineWorkflow({ ...base, version: 1, actions: QUICK_WIN_ACTIONS.filter((a) => a !== 'COMPLETE') })).toThrow(/COMPLETE/);
    const noMeta = createMachine({ id: 'x', initial: 'a', states: { a: { on: { SUBMIT: 'b' } }, b: { type: 'final' } } });
    expect(() => defineWorkflow({ ...base, version: 1, machine: noMeta })).toThrow(/no workflow meta/);
    const undocumented = createMachine({
      id: 'x',
      initial: 'a',
      states: { a: { meta: stateMeta(null, {}), on: { SUBMIT: 'b' } }, b: { type: 'final', meta: stateMeta(null, {}) } },
    });
    expect(() => defineWorkflow({ ...base, version: 1, machine: undocumented })).toThrow(/names no actor/);
  });
});
