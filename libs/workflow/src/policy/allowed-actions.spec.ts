import { describe, expect, it } from '@jest/globals';
import type { AnyMachineSnapshot } from 'xstate';
import type { GovernmentLevel } from '../domain/government.types.js';
import { ALL_ROLES, type Role } from '../domain/role.types.js';
import { NAMED_UNITS, reachableSnapshots } from '../engine/reachable-snapshots.testing.js';
import { stateToString } from '../machines/state-node.util.js';
import { quickWinWorkflowV1, regulationWorkflowV1, regulationWorkflowV2 } from '../registry/default-registry.js';
import { restoreInstance } from './action-decision.js';
import { allowedActions, allowedActionsOnLive, decideOnLive } from './action-policy.js';
import { heldRoles } from './authority.util.js';
import { offeredToAnyOf, rolesOfferedTask, rolesOfferedTaskOnLive } from './offered-roles.js';
import { coordinationRoundOf } from './participant-policy.js';
import { pendingUnits } from '../coordination/coordination-round.js';
import type { ActorFacts, DelegationGrant, DocumentFacts, PastAction } from './policy.types.js';
import { approvalActsOf } from './separation-of-duties.js';

const NOW = new Date('2026-03-02T02:00:00.000Z');
const HOUR = 3_600_000;

const PLACES: Array<{ governmentCode: string; level: GovernmentLevel; parent: string | null }> = [
  { governmentCode: 'kaltim', level: 'PROVINCE', parent: null },
  { governmentCode: 'paser', level: 'REGENCY', parent: 'kaltim' },
];

const grant = (role: Role, principal: string, governmentCode: string, unitCode: string, live: 'active' | 'ended' | 'revoked'): DelegationGrant => ({
  id: `d-${principal}-${role}-${live}`,
  role,
  principal: { username: principal, governmentCode, unitCode },
  startsAt: new Date(NOW.getTime() - 2 * HOUR),
  endsAt: new Date(NOW.getTime() + (live === 'ended' ? -HOUR : HOUR)),
  revokedAt: live === 'revoked' ? new Date(NOW.getTime() - HOUR) : null,
});

/**
 * Everyone the policy tells apart: each role at the document's unit, at another unit and in the other
 * government; the creator; the heads of the OPDs concerned; and Plt/Plh of each role, active, ended or
 * revoked, among them the creator acting for someone (separation of duties).
 */
function actorsFor(governmentCode: string): ActorFacts[] {
  const other = governmentCode === 'kaltim' ? 'paser' : 'kaltim';
  const own = (username: string, unitCode: string, roles: Role[], delegations: DelegationGrant[] = [], at = governmentCode): ActorFacts => ({
    username,
    governmentCode: at,
    unitCode,
    roles,
    delegations,
  });
  return [
    ...ALL_ROLES.flatMap((role) => [
      own(`${governmentCode}.${role}.unit`, 'diskominfo', [role]),
      own(`${governmentCode}.${role}.elsewhere`, 'setda', [role]),
      own(`${other}.${role}`, 'diskominfo', [role], [], other),
      own(`${governmentCode}.plh-${role}`, 'setda', ['DRAFTER'], [grant(role, `${governmentCode}.${role}.unit`, governmentCode, 'diskominfo', 'active')]),
      own(`${governmentCode}.ended-${role}`, 'setda', [], [grant(role, `${governmentCode}.${role}.unit`, governmentCode, 'diskominfo', 'ended')]),
      own(`${governmentCode}.revoked-${role}`, 'setda', [], [grant(role, `${governmentCode}.${role}.unit`, governmentCode, 'diskominfo', 'revoked')]),
    ]),
    own(`${governmentCode}.drafter`, 'diskominfo', ['DRAFTER']),
    own(`${governmentCode}.drafter`, 'diskominfo', ['DRAFTER', 'UNIT_HEAD'], [grant('SECRETARY', `${governmentCode}.sekda`, governmentCode, 'setda', 'active')]),
    ...NAMED_UNITS.map((unit) => own(`${governmentCode}.kepala-${unit}`, unit, ['UNIT_HEAD'])),
    own(`${governmentCode}.plh-${NAMED_UNITS[0]}`, 'setda', ['DRAFTER'], [grant('UNIT_HEAD', `${governmentCode}.kepala-${NAMED_UNITS[0]}`, governmentCode, NAMED_UNITS[0], 'active')]),
  ];
}

/** A document of unit diskominfo of `place`, created by its drafter, in the live snapshot's state. */
function documentAt(kind: DocumentFacts['kind'], live: AnyMachineSnapshot, { governmentCode, level, parent }: (typeof PLACES)[number], history: PastAction[]): DocumentFacts {
  return {
    kind,
    state: stateToString(live.value),
    createdBy: `${governmentCode}.drafter`,
    governmentCode,
    governmentLevel: level,
    parentGovernmentCode: parent,
    unitCode: 'diskominfo',
    history,
    pendingParticipants: pendingUnits(coordinationRoundOf(live.context)),
  };
}

/** No history, and one where the unit's head endorsed and the Sekda's Plh acted (separation of duties reads it). */
function historiesFor(governmentCode: string): PastAction[][] {
  return [
    [],
    [
      { action: 'SUBMIT', fromState: 'draft', actor: `${governmentCode}.drafter`, onBehalfOf: null },
      { action: 'ENDORSE', fromState: 'endorsement', actor: `${governmentCode}.UNIT_HEAD.unit`, onBehalfOf: null },
      { action: 'VERIFY', fromState: 'verification', actor: `${governmentCode}.plh-ORG_VERIFIER`, onBehalfOf: `${governmentCode}.ORG_VERIFIER.unit` },
    ],
  ];
}

describe('allowedActions: what decideOnLive allows, each action judged alone', () => {
  describe.each([quickWinWorkflowV1, regulationWorkflowV1, regulationWorkflowV2].map((d) => [`${d.kind} v${d.version}`, d] as const))('%s', (_name, definition) => {
    it.each(PLACES)('agrees in every reachable snapshot of $governmentCode, for every actor, with and without a live snapshot', (place) => {
      const { governmentCode, level } = place;
      let allowed = 0;
      for (const live of reachableSnapshots(definition, level)) {
        for (const history of historiesFor(governmentCode)) {
          const document = documentAt(definition.kind, live, place, history);
          const acts = approvalActsOf(definition, history);
          for (const actor of actorsFor(governmentCode)) {
            for (const snapshot of [live, null]) {
              const oneByOne = definition.actions.filter((action) => decideOnLive(definition, snapshot, document, acts, actor, action, NOW).allowed);
              expect(allowedActionsOnLive(definition, snapshot, document, acts, actor, NOW)).toEqual(oneByOne);
              allowed += oneByOne.length;
            }
            const persisted = definition.machine.getPersistedSnapshot(live as never) as never;
            const oneByOne = definition.actions.filter((action) => decideOnLive(definition, live, document, acts, actor, action, NOW).allowed);
            expect(allowedActions(definition, persisted, document, actor, NOW)).toEqual(oneByOne);
            expect(restoreInstance(definition, persisted).allowedActions(document, actor, NOW)).toEqual(oneByOne);
          }
        }
      }
      expect(allowed).toBeGreaterThan(50);
    });

    it.each(PLACES)("never hides a task behind the inbox's offered roles: whoever may act (but withdraw) in a reachable snapshot of $governmentCode holds a role it offers", (place) => {
      const { governmentCode, level } = place;
      let actors = 0;
      let held = 0;
      for (const live of reachableSnapshots(definition, level)) {
        const offered = rolesOfferedTaskOnLive(definition, live);
        const persisted = definition.machine.getPersistedSnapshot(live as never) as never;
        expect(rolesOfferedTask(definition, persisted)).toEqual(offered);
        for (const history of historiesFor(governmentCode)) {
          const document = documentAt(definition.kind, live, place, history);
          for (const actor of actorsFor(governmentCode)) {
            const roles = new Set(heldRoles(actor, NOW));
            if (!offeredToAnyOf(offered, roles)) held += 1;
            if (allowedActionsOnLive(definition, live, document, approvalActsOf(definition, history), actor, NOW).some((a) => a !== 'WITHDRAW')) {
              actors += 1;
              expect({ state: stateToString(live.value), context: live.context, actor: actor.username, offered: offeredToAnyOf(offered, roles) }).toMatchObject({ offered: true });
            }
          }
        }
      }
      // both answers are reached: people who may act, and documents left out for others
      expect(actors).toBeGreaterThan(20);
      expect(held).toBeGreaterThan(100);
    });
  });

  it('offers a head of an OPD concerned PARAF and RETURN in coordination.agencies, and nobody else those', () => {
    const live = reachableSnapshots(regulationWorkflowV2, 'PROVINCE').find((s) => stateToString(s.value) === 'coordination.agencies' && pendingUnits(coordinationRoundOf(s.context)).length === NAMED_UNITS.length);
    if (!live) throw new Error('no coordination.agencies snapshot with every OPD waited for');
    const document = documentAt('regulation', live, PLACES[0]!, []);
    const offered = (actor: ActorFacts) => allowedActionsOnLive(regulationWorkflowV2, live, document, [], actor, NOW).filter((a) => a === 'PARAF' || a === 'RETURN');
    const people = actorsFor('kaltim');
    const heads = people.filter((p) => p.username === 'kaltim.kepala-inspektorat' || p.username === `kaltim.plh-${NAMED_UNITS[0]}`);
    expect(heads.map(offered)).toEqual([['PARAF', 'RETURN'], ['PARAF', 'RETURN']]);
    expect(people.filter((p) => !p.username.startsWith('kaltim.kepala-') && !heads.includes(p)).flatMap(offered)).toEqual([]);
  });
});
