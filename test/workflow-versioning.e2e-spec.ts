import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createMachine, type AnyStateMachine } from 'xstate';
import { defineWorkflow, REGULATION_ACTIONS, regulationMachineV2, regulationWorkflowV1, startWorkflow, type WorkflowRegistry } from '#workflow';
import { act, createRegulation, createTestApp, type TestApp } from '#testing';
import { WORKFLOW_REGISTRY } from '../apps/api/src/workflows/workflow-registry.provider.js';
import { driveRegulation } from './support/regulation.js';

// whole flows over HTTP: generous under a loaded machine (no test asserts a duration)
jest.setTimeout(30_000);

/**
 * Regulation v3 (hypothetical): legal review sends a provincial draft straight to the paraf
 * koordinasi, without harmonisation. Built from v2's own configuration, only that transition changed.
 */
function regulationV3Machine(): AnyStateMachine {
  const config = regulationMachineV2.config as Record<string, any>;
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
  } as any).provide(regulationMachineV2.implementations as any);
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

  /** A regulation started before version 2 existed: its instance stored on version 1, with v1's context. */
  async function regulationOnV1(title: string): Promise<Record<string, any>> {
    const created = await createRegulation(t, 'kaltim.drafter', { title });
    const v1 = startWorkflow(regulationWorkflowV1, { level: 'PROVINCE' }).persistedSnapshot;
    await t.dataSource.query(`UPDATE workflow_instances SET machine_version = 1, snapshot = $2 WHERE document_id = $1`, [created.id, JSON.stringify(v1)]);
    return created;
  }

  it('new regulations start on version 2; a v1 instance finishes on v1, without paraf koordinasi by OPDs concerned', async () => {
    const current = await createRegulation(t, 'kaltim.drafter', { title: 'Sistem Kerja (v2)' });
    expect(current.workflowVersion).toBe(2);
    expect(current.coordination).toBeNull();
    const old = await regulationOnV1('Sistem Kerja (v1)');
    await driveRegulation(t, old.id, 'draft', 'legal_review', 'kaltim');
    // version 1 has no coordination.agencies: naming the OPDs concerned is refused and changes nothing
    const named = await act(t, 'regulations', old.id, 'kaltim.hukum', 'REQUEST_HARMONIZATION', {
      data: { coordination: { units: ['inspektorat'], rule: { kind: 'ALL' } } },
    });
    expect(named.status).toBe(400);
    expect(named.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('version 1') });
    const harmonizing = await act(t, 'regulations', old.id, 'kaltim.hukum', 'REQUEST_HARMONIZATION');
    expect(harmonizing.body).toMatchObject({ state: 'harmonization', workflowVersion: 1 });
    const published = await driveRegulation(t, old.id, 'harmonization', 'published', 'kaltim');
    expect(published).toMatchObject({ state: 'published', workflowVersion: 1 });
    expect(await machineVersionOf(old.id)).toBe(1);
    const history = await t.http.get(`/api/regulations/${old.id}/history`).set(await t.auth('kaltim.drafter'));
    expect(history.body.entries.map((e: { toState: string }) => e.toState)).not.toContain('coordination.agencies');
  });

  it('drives a v2 instance to its end with v2 after v3 is registered, while new instances start with v3', async () => {
    const old = await createRegulation(t, 'kaltim.drafter', { title: 'Sistem Kerja (v2, lalu v3)' });
    expect(old.workflowVersion).toBe(2);
    await driveRegulation(t, old.id, 'draft', 'legal_review', 'kaltim');

    registry.register(defineWorkflow({ kind: 'regulation', version: 3, machine: regulationV3Machine(), actions: REGULATION_ACTIONS, label: 'Peraturan Kepala Daerah' }));
    const workflows = await t.http.get('/api/workflows').set(await t.auth('kaltim.drafter'));
    expect(workflows.body.items.find((w: { kind: string }) => w.kind === 'regulation')).toMatchObject({ version: 3 });

    const fresh = await createRegulation(t, 'kaltim.drafter', { title: 'Sistem Kerja (v3)' });
    expect(fresh.workflowVersion).toBe(3);
    expect(await machineVersionOf(fresh.id)).toBe(3);
    await driveRegulation(t, fresh.id, 'draft', 'legal_review', 'kaltim');
    const skipped = await act(t, 'regulations', fresh.id, 'kaltim.hukum', 'REQUEST_HARMONIZATION');
    expect(skipped.body).toMatchObject({ state: 'coordination.assistant', workflowVersion: 3 });

    // the v2 instance still goes through harmonisation, and on to publication
    const harmonizing = await act(t, 'regulations', old.id, 'kaltim.hukum', 'REQUEST_HARMONIZATION');
    expect(harmonizing.body).toMatchObject({ state: 'harmonization', workflowVersion: 2 });
    const published = await driveRegulation(t, old.id, 'harmonization', 'published', 'kaltim');
    expect(published).toMatchObject({ state: 'published', workflowVersion: 2, number: 2 });
    expect(await machineVersionOf(old.id)).toBe(2);
    const history = await t.http.get(`/api/regulations/${old.id}/history`).set(await t.auth('kaltim.drafter'));
    expect(history.body.entries.map((e: { action: string }) => e.action)).toContain('RECORD_HARMONIZATION');
  });
});
