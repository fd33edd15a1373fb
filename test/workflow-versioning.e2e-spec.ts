import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createMachine, type AnyStateMachine } from 'xstate';
import { defineWorkflow, REGULATION_ACTIONS, regulationMachine, type WorkflowRegistry } from '#workflow';
import { act, createRegulation, createTestApp, type TestApp } from '#testing';
import { WORKFLOW_REGISTRY } from '../apps/api/src/workflows/workflow-registry.provider.js';
import { driveRegulation } from './support/regulation.js';

// whole flows over HTTP: generous under a loaded machine (no test asserts a duration)
jest.setTimeout(30_000);

/**
 * Regulation v2 (hypothetical): legal review sends a provincial draft straight to the paraf
 * koordinasi, without harmonisation. Built from v1's own configuration, only that transition changed.
 */
function regulationV2Machine(): AnyStateMachine {
  const config = regulationMachine.config as Record<string, any>;
  const states = config['states'] as Record<string, any>;
  return createMachine({
    ...config,
    states: {
      ...states,
      legal_review: {
        ...states['legal_review'],
        on: { ...states['legal_review'].on, REQUEST_HARMONIZATION: states['harmonization'].on.RECORD_HARMONIZATION },
      },
    },
  } as any).provide(regulationMachine.implementations as any);
}

describe('workflow versions through the server', () => {
  let t: TestApp;
  let registry: WorkflowRegistry;

  beforeAll(async () => {
    t = await createTestApp();
    registry = t.app.get(WORKFLOW_REGISTRY, { strict: false });
  });
  afterAll(() => t.close());

  async function machineVersionOf(id: string): Promise<number> {
    const [row] = await t.dataSource.query(`SELECT machine_version AS v FROM workflow_instances WHERE document_id = $1`, [id]);
    return row.v;
  }

  it('drives a v1 instance to its end with v1 after v2 is registered, while new instances start with v2', async () => {
    const old = await createRegulation(t, 'kaltim.drafter', { title: 'Sistem Kerja (v1)' });
    expect(old.workflowVersion).toBe(1);
    await driveRegulation(t, old.id, 'draft', 'legal_review', 'kaltim');

    registry.register(defineWorkflow({ kind: 'regulation', version: 2, machine: regulationV2Machine(), actions: REGULATION_ACTIONS, label: 'Peraturan Kepala Daerah' }));
    const workflows = await t.http.get('/api/workflows').set(await t.auth('kaltim.drafter'));
    expect(workflows.body.items.find((w: { kind: string }) => w.kind === 'regulation')).toMatchObject({ version: 2 });

    const fresh = await createRegulation(t, 'kaltim.drafter', { title: 'Sistem Kerja (v2)' });
    expect(fresh.workflowVersion).toBe(2);
    expect(await machineVersionOf(fresh.id)).toBe(2);
    await driveRegulation(t, fresh.id, 'draft', 'legal_review', 'kaltim');
    const skipped = await act(t, 'regulations', fresh.id, 'kaltim.hukum', 'REQUEST_HARMONIZATION');
    expect(skipped.body).toMatchObject({ state: 'coordination.assistant', workflowVersion: 2 });

    // the v1 instance still goes through harmonisation, and on to publication
    const harmonizing = await act(t, 'regulations', old.id, 'kaltim.hukum', 'REQUEST_HARMONIZATION');
    expect(harmonizing.body).toMatchObject({ state: 'harmonization', workflowVersion: 1 });
    const published = await driveRegulation(t, old.id, 'harmonization', 'published', 'kaltim');
    expect(published).toMatchObject({ state: 'published', workflowVersion: 1, number: 1 });
    expect(await machineVersionOf(old.id)).toBe(1);
    const history = await t.http.get(`/api/regulations/${old.id}/history`).set(await t.auth('kaltim.drafter'));
    expect(history.body.entries.map((e: { action: string }) => e.action)).toContain('RECORD_HARMONIZATION');
  });
});
