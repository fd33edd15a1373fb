import { describe, expect, it } from '@jest/globals';
import { deadlineEventsOf, eventKey, findEvent, nextUnfiredEvent, type DeadlineTimes } from './deadline-events.util.js';

const t = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 1, minutes));
const deadline = (overrides: Partial<DeadlineTimes> = {}): DeadlineTimes => ({
  remindAt: t(10),
  dueAt: t(20),
  escalationTimes: [t(30), t(40), t(50)],
  maxEscalations: 3,
  ...overrides,
});

describe('deadline events', () => {
  it('are the reminder, the overdue notice and each escalation, in firing order', () => {
    expect(deadlineEventsOf(deadline()).map((e) => `${eventKey(e)}@${e.at.getUTCMinutes()}`)).toEqual([
      'REMINDER.1@10',
      'OVERDUE.1@20',
      'ESCALATION.1@30',
      'ESCALATION.2@40',
      'ESCALATION.3@50',
    ]);
  });

  it('have no reminder when the schedule dropped it', () => {
    expect(deadlineEventsOf(deadline({ remindAt: null })).map(eventKey)).toEqual(['OVERDUE.1', 'ESCALATION.1', 'ESCALATION.2', 'ESCALATION.3']);
  });

  it('never escalate more than maxEscalations times, nor more often than there are times', () => {
    expect(deadlineEventsOf(deadline({ maxEscalations: 1 })).map(eventKey)).toEqual(['REMINDER.1', 'OVERDUE.1', 'ESCALATION.1']);
    expect(deadlineEventsOf(deadline({ maxEscalations: 0 })).map(eventKey)).toEqual(['REMINDER.1', 'OVERDUE.1']);
    expect(deadlineEventsOf(deadline({ maxEscalations: 5, escalationTimes: [t(30)] })).map(eventKey)).toEqual(['REMINDER.1', 'OVERDUE.1', 'ESCALATION.1']);
    expect(deadlineEventsOf(deadline({ maxEscalations: null })).map(eventKey)).toHaveLength(5);
  });

  it('next unfired is the first in firing order that has not fired; none when all have', () => {
    expect(nextUnfiredEvent(deadline(), new Set())).toMatchObject({ event: 'REMINDER', sequence: 1 });
    expect(nextUnfiredEvent(deadline(), new Set(['REMINDER.1']))).toMatchObject({ event: 'OVERDUE', sequence: 1 });
    expect(nextUnfiredEvent(deadline(), new Set(['REMINDER.1', 'OVERDUE.1', 'ESCALATION.1']))).toMatchObject({ event: 'ESCALATION', sequence: 2, at: t(40) });
    expect(nextUnfiredEvent(deadline({ maxEscalations: 1 }), new Set(['REMINDER.1', 'OVERDUE.1', 'ESCALATION.1']))).toBeNull();
  });

  it('a job finds its event only if the deadline, as it stands now, still has it', () => {
    expect(findEvent(deadline(), 'ESCALATION', 3)?.at).toEqual(t(50));
    expect(findEvent(deadline({ maxEscalations: 2 }), 'ESCALATION', 3)).toBeNull();
    expect(findEvent(deadline({ remindAt: null }), 'REMINDER', 1)).toBeNull();
  });
});
