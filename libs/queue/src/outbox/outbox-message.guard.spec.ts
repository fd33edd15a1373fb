import { describe, expect, it } from '@jest/globals';
import { OutboxMessageType } from './outbox-message.js';
import { outboxMessageOf } from './outbox-message.guard.js';

const DOC = '0b5d3f1e-8c1a-4c59-9d8e-3f2a1b0c9d8e';
const row = (type: string, payload: unknown) => ({ id: '9', documentId: DOC, type, payload });

describe('outbox message of a stored row', () => {
  it('types each message the writers make', () => {
    const notify = { notification: 'ASSIGNED', to: 'stage-actors', stage: 'endorsement', action: 'SUBMIT', actor: 'kaltim.drafter', comment: null };
    expect(outboxMessageOf(row('NOTIFY', notify))).toEqual({ id: '9', documentId: DOC, type: OutboxMessageType.Notify, payload: notify });
    const byPlh = { ...notify, notification: 'RETURNED', to: 'creator', actor: 'kaltim.plh', onBehalfOf: 'kaltim.kadis', comment: 'Lengkapi' };
    expect(outboxMessageOf(row('NOTIFY', byPlh))?.payload).toEqual(byPlh);
    expect(outboxMessageOf(row('STAGE_ENTERED', { stage: 'endorsement', deadlineId: DOC }))?.type).toBe(OutboxMessageType.StageEntered);
    expect(outboxMessageOf(row('STAGE_LEFT', { stage: 'draft', deadlineId: null }))?.type).toBe(OutboxMessageType.StageLeft);
    expect(outboxMessageOf(row('DEADLINE_RESCHEDULED', { deadlineId: DOC, generation: 2 }))?.type).toBe(OutboxMessageType.DeadlineRescheduled);
  });

  it('is null for an unknown type or a payload that does not fit its type', () => {
    expect(outboxMessageOf(row('PARTY', {}))).toBeNull();
    expect(outboxMessageOf(row('STAGE_ENTERED', { deadlineId: DOC }))).toBeNull();
    expect(outboxMessageOf(row('DEADLINE_RESCHEDULED', { deadlineId: DOC }))).toBeNull();
    expect(outboxMessageOf(row('NOTIFY', { notification: 'HELLO', to: 'creator', stage: null, action: 'X', actor: 'y', comment: null }))).toBeNull();
    expect(outboxMessageOf(row('NOTIFY', null))).toBeNull();
    expect(outboxMessageOf(row('NOTIFY', { notification: 'RETURNED', to: 'creator', stage: 'revision', action: 'RETURN', actor: 'y', onBehalfOf: 7, comment: 'x' }))).toBeNull();
    expect(outboxMessageOf(row('STAGE_LEFT', [{ stage: 'draft', deadlineId: null }]))).toBeNull();
  });

  it('types a delegation change only on a row without a document, and a document message only on a row with one', () => {
    const changed = { delegationId: DOC, event: 'GRANTED' };
    expect(outboxMessageOf({ id: '9', documentId: null, type: 'DELEGATION_CHANGED', payload: changed })).toEqual({
      id: '9',
      documentId: null,
      type: OutboxMessageType.DelegationChanged,
      payload: changed,
    });
    expect(outboxMessageOf(row('DELEGATION_CHANGED', changed))).toBeNull();
    expect(outboxMessageOf({ id: '9', documentId: null, type: 'DELEGATION_CHANGED', payload: { delegationId: DOC, event: 'EXTENDED' } })).toBeNull();
    expect(outboxMessageOf({ id: '9', documentId: null, type: 'DELEGATION_CHANGED', payload: { delegationId: 'x', event: 'REVOKED' } })).toBeNull();
    expect(outboxMessageOf({ id: '9', documentId: null, type: 'STAGE_LEFT', payload: { stage: 'draft', deadlineId: null } })).toBeNull();
  });
});
