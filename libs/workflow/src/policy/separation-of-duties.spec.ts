import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Role } from '../domain/role.types.js';
import { applyAction, startWorkflow } from '../engine/workflow-engine.js';
import type { PersistedWorkflowSnapshot } from '../engine/workflow-engine.types.js';
import { atomicStateNames, stateMetaOf } from '../machines/state-node.util.js';
import { quickWinWorkflowV1, regulationWorkflowV1, regulationWorkflowV2 } from '../registry/default-registry.js';
import type { WorkflowDefinition } from '../registry/workflow-definition.types.js';
import { allowedActions, authorizeAction } from './action-policy.js';
import type { ActorFacts, DelegationGrant, DocumentFacts, PastAction } from './policy.types.js';
import { approvalActsOf } from './separation-of-duties.js';

const NOW = new Date('2026-03-02T02:00:00.000Z');
const HOUR = 3_600_000;

function actor(username: string, roles: Role[], delegations: DelegationGrant[] = [], unitCode = 'setda'): ActorFacts {
  return { username, governmentCode: 'kaltim', unitCode, roles, delegations };
}

function grant(role: Role, principal: string, unitCode = 'setda'): DelegationGrant {
  return {
    id: `d-${principal}-${role}`,
    role,
    principal: { username: principal, governmentCode: 'kaltim', unitCode },
    startsAt: new Date(NOW.getTime() - HOUR),
    endsAt: new Date(NOW.getTime() + HOUR),
    revokedAt: null,
  };
}

interface Walk {
  snapshot: PersistedWorkflowSnapshot;
  document: DocumentFacts;
}

function started(definition: WorkflowDefinition): Walk {
  const start = startWorkflow(definition, { level: 'PROVINCE' });
  return {
    snapshot: start.persistedSnapshot,
    document: {
      kind: definition.kind,
      state: start.state,
      createdBy: 'kaltim.drafter',
      governmentCode: 'kaltim',
      governmentLevel: 'PROVINCE',
      parentGovernmentCode: null,
      unitCode: 'diskominfo',
      history: [{ action: 'CREATE', fromState: null, actor: 'kaltim.drafter', onBehalfOf: null }],
    },
  };
}

/** Fires `action` as `who` through the policy and the machine; throws when either refuses. */
function fire(definition: WorkflowDefinition, walk: Walk, who: ActorFacts, action: string): Walk {
  const decision = authorizeAction(definition, walk.snapshot, walk.document, who, action, NOW);
  if (!decision.allowed) throw new Error(`${who.username} ${action} in ${walk.document.state}: ${decision.code} ${decision.reason}`);
  const result = applyAction(definition, walk.snapshot, { type: action });
  if (!result.ok) throw new Error(result.reason);
  const entry: PastAction = { action, fromState: walk.document.state, actor: who.username, onBehalfOf: decision.onBehalfOf };
  return { snapshot: result.persistedSnapshot, document: { ...walk.document, state: result.toState, history: [...walk.document.history, entry] } };
}

const drafter = actor('kaltim.drafter', ['DRAFTER'], [], 'diskominfo');
const kadis = actor('kaltim.kadis', ['UNIT_HEAD'], [], 'diskominfo');
const organisasi = actor('kaltim.organisasi', ['ORG_VERIFIER'], [], 'biro-organisasi');
const sekda = actor('kaltim.sekda', ['SECRETARY']);
const asisten = actor('kaltim.asisten', ['ASSISTANT']);
const hukum = actor('kaltim.hukum', ['LEGAL'], [], 'biro-hukum');
const kepala = actor('kaltim.kepala', ['REGIONAL_HEAD']);

describe('separation of duties across stages', () => {
  it('refuses the Biro Organisasi officer who verified a Quick Win when, as the Sekda’s Plh, they approve it; allowedActions offers neither APPROVE nor REJECT', () => {
    let walk = started(quickWinWorkflowV1);
    walk = fire(quickWinWorkflowV1, walk, drafter, 'SUBMIT');
    walk = fire(quickWinWorkflowV1, walk, kadis, 'ENDORSE');
    walk = fire(quickWinWorkflowV1, walk, organisasi, 'VERIFY');
    const verifierAsPlh = actor('kaltim.organisasi', ['ORG_VERIFIER'], [grant('SECRETARY', 'kaltim.sekda')], 'biro-organisasi');
    const decision = authorizeAction(quickWinWorkflowV1, walk.snapshot, walk.document, verifierAsPlh, 'APPROVE', NOW);
    expect(decision).toMatchObject({ allowed: false, code: 'SEPARATION_OF_DUTIES' });
    expect(decision.allowed === false && decision.reason).toMatch(/kaltim\.organisasi already acted on this document as ORG_VERIFIER \(VERIFY\)/);
    expect(allowedActions(quickWinWorkflowV1, walk.snapshot, walk.document, verifierAsPlh, NOW)).toEqual(['RETURN']);
    // another Plh of the Sekda, who has not acted on it, approves
    const plh = actor('kaltim.plh', [], [grant('SECRETARY', 'kaltim.sekda')]);
    expect(authorizeAction(quickWinWorkflowV1, walk.snapshot, walk.document, plh, 'APPROVE', NOW)).toMatchObject({ allowed: true, onBehalfOf: 'kaltim.sekda' });
  });

  it('lets the Sekda who initialled a regulation promulgate it: the same role twice', () => {
    let walk = started(regulationWorkflowV1);
    for (const [who, action] of [
      [drafter, 'SUBMIT'],
      [kadis, 'ENDORSE'],
      [hukum, 'REQUEST_HARMONIZATION'],
      [hukum, 'RECORD_HARMONIZATION'],
      [asisten, 'PARAF'],
      [sekda, 'PARAF'],
      [kepala, 'SIGN'],
    ] as const) {
      walk = fire(regulationWorkflowV1, walk, who, action);
    }
    expect(walk.document.state).toBe('promulgation');
    expect(allowedActions(regulationWorkflowV1, walk.snapshot, walk.document, sekda, NOW)).toEqual(['PROMULGATE']);
    walk = fire(regulationWorkflowV1, walk, sekda, 'PROMULGATE');
    expect(walk.document.state).toBe('promulgated');
  });

  it('breaks the ADMIN self-delegation chain: endorsing as the Kepala OPD bars verifying and approving', () => {
    const admin = actor('kaltim.admin', ['ADMIN'], [
      grant('UNIT_HEAD', 'kaltim.kadis', 'diskominfo'),
      grant('ORG_VERIFIER', 'kaltim.organisasi', 'biro-organisasi'),
      grant('SECRETARY', 'kaltim.sekda'),
    ]);
    let walk = started(quickWinWorkflowV1);
    walk = fire(quickWinWorkflowV1, walk, drafter, 'SUBMIT');
    walk = fire(quickWinWorkflowV1, walk, admin, 'ENDORSE');
    expect(authorizeAction(quickWinWorkflowV1, walk.snapshot, walk.document, admin, 'VERIFY', NOW)).toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
    walk = fire(quickWinWorkflowV1, walk, organisasi, 'VERIFY');
    expect(authorizeAction(quickWinWorkflowV1, walk.snapshot, walk.document, admin, 'APPROVE', NOW)).toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
    expect(allowedActions(quickWinWorkflowV1, walk.snapshot, walk.document, admin, NOW)).toEqual(['RETURN']);
  });

  it('counts an act taken in a principal’s name against the principal', () => {
    // kaltim.organisasi's deputy verified in their name; kaltim.organisasi, as the Sekda's Plh, may not approve
    const deputy = actor('kaltim.deputy', [], [grant('ORG_VERIFIER', 'kaltim.organisasi', 'biro-organisasi')]);
    let walk = started(quickWinWorkflowV1);
    walk = fire(quickWinWorkflowV1, walk, drafter, 'SUBMIT');
    walk = fire(quickWinWorkflowV1, walk, kadis, 'ENDORSE');
    walk = fire(quickWinWorkflowV1, walk, deputy, 'VERIFY');
    expect(walk.document.history.at(-1)).toEqual({ action: 'VERIFY', fromState: 'verification', actor: 'kaltim.deputy', onBehalfOf: 'kaltim.organisasi' });
    const principalAsPlh = actor('kaltim.organisasi', ['ORG_VERIFIER'], [grant('SECRETARY', 'kaltim.sekda')], 'biro-organisasi');
    expect(authorizeAction(quickWinWorkflowV1, walk.snapshot, walk.document, principalAsPlh, 'APPROVE', NOW)).toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
  });

  it('leaves RETURN, SUBMIT and the other unbound actions alone, and lets an unbarred authority act instead of a barred one', () => {
    let walk = started(quickWinWorkflowV1);
    walk = fire(quickWinWorkflowV1, walk, drafter, 'SUBMIT');
    walk = fire(quickWinWorkflowV1, walk, kadis, 'ENDORSE');
    // the Kepala OPD holds ORG_VERIFIER by delegation: barred from VERIFY, free to RETURN
    const kadisAsVerifier = actor('kaltim.kadis', ['UNIT_HEAD'], [grant('ORG_VERIFIER', 'kaltim.organisasi', 'biro-organisasi')], 'diskominfo');
    expect(allowedActions(quickWinWorkflowV1, walk.snapshot, walk.document, kadisAsVerifier, NOW)).toEqual(['RETURN']);
    walk = fire(quickWinWorkflowV1, walk, kadisAsVerifier, 'RETURN');
    walk = fire(quickWinWorkflowV1, walk, drafter, 'RESUBMIT');
    // acting again for UNIT_HEAD after a return cycle is the same role
    walk = fire(quickWinWorkflowV1, walk, kadis, 'ENDORSE');
    expect(walk.document.state).toBe('verification');
  });

  it('reads the role of every approving action from the machine: exactly one role each', () => {
    for (const definition of [quickWinWorkflowV1, regulationWorkflowV1, regulationWorkflowV2]) {
      for (const state of atomicStateNames(definition.machine)) {
        for (const [action, rule] of Object.entries(stateMetaOf(definition.machine, state)?.actions ?? {})) {
          if (rule?.separationOfDuties) expect({ state, action, roles: rule.roles.length }).toEqual({ state, action, roles: 1 });
        }
      }
    }
    const acts = approvalActsOf(regulationWorkflowV1, [
      { action: 'CREATE', fromState: null, actor: 'a', onBehalfOf: null },
      { action: 'SUBMIT', fromState: 'draft', actor: 'a', onBehalfOf: null },
      { action: 'PARAF', fromState: 'coordination.assistant', actor: 'b', onBehalfOf: 'c' },
      { action: 'PARAF', fromState: 'coordination.secretary', actor: 'd', onBehalfOf: null },
      { action: 'RETURN', fromState: 'signature', actor: 'e', onBehalfOf: null },
    ]);
    expect(acts).toEqual([
      { action: 'PARAF', role: 'ASSISTANT', persons: ['b', 'c'] },
      { action: 'PARAF', role: 'SECRETARY', persons: ['d'] },
    ]);
  });

  describe('property: random people, roles and delegations walking a document', () => {
    const PEOPLE = ['p0', 'p1', 'p2', 'p3', 'p4'];
    const APPROVING_ROLES: Role[] = ['UNIT_HEAD', 'ORG_VERIFIER', 'LEGAL', 'ASSISTANT', 'SECRETARY', 'REGIONAL_HEAD', 'INSPECTOR'];
    const personArb = fc.record({
      roles: fc.subarray(APPROVING_ROLES, { minLength: 0, maxLength: 3 }),
      drafter: fc.boolean(),
    });
    const worldArb = fc.record({
      people: fc.array(personArb, { minLength: PEOPLE.length, maxLength: PEOPLE.length }),
      grants: fc.array(fc.record({ from: fc.nat({ max: PEOPLE.length - 1 }), to: fc.nat({ max: PEOPLE.length - 1 }), pick: fc.nat() }), { maxLength: 6 }),
      steps: fc.array(fc.nat(), { minLength: 5, maxLength: 40 }),
      kind: fc.constantFrom(quickWinWorkflowV1, regulationWorkflowV1),
    });

    it('nobody ever acts for two approving roles, nobody is refused without such an act, and allowedActions agrees with authorizeAction', () => {
      fc.assert(
        fc.property(worldArb, ({ people, grants, steps, kind }) => {
          const definition = kind as WorkflowDefinition;
          // everyone stands in the document's unit, so unit and government scopes both match
          const actors = PEOPLE.map((username, i) => {
            const roles: Role[] = [...people[i]!.roles, ...(people[i]!.drafter ? (['DRAFTER'] as Role[]) : [])];
            const received = grants
              .filter((g) => g.to === i && g.from !== i && people[g.from]!.roles.length > 0)
              .map((g, n) => ({ ...grant(people[g.from]!.roles[g.pick % people[g.from]!.roles.length]!, PEOPLE[g.from]!, 'diskominfo'), id: `g${n}` }));
            return actor(username, roles, received, 'diskominfo');
          });
          const creator = actor('kaltim.drafter', ['DRAFTER'], [], 'diskominfo');
          const everyone = [creator, ...actors];
          let walk = started(definition);
          for (const step of steps) {
            const moves: Array<{ who: ActorFacts; action: string }> = [];
            for (const who of everyone) {
              const allowed = allowedActions(definition, walk.snapshot, walk.document, who, NOW);
              for (const action of definition.actions) {
                const decision = authorizeAction(definition, walk.snapshot, walk.document, who, action, NOW);
                expect(decision.allowed).toBe(allowed.includes(action));
                if (!decision.allowed && decision.code === 'SEPARATION_OF_DUTIES' && who !== creator) {
                  // refused only because of an approving act for another role by this person or a principal they could act for
                  const acts = approvalActsOf(definition, walk.document.history);
                  const names = [who.username, ...who.delegations.map((d) => d.principal.username)];
                  expect(acts.some((act) => act.persons.some((p) => names.includes(p)))).toBe(true);
                }
              }
              for (const action of allowed) moves.push({ who, action });
            }
            if (moves.length === 0) break;
            const move = moves[step % moves.length]!;
            walk = fire(definition, walk, move.who, move.action);
          }
          const rolesOf = new Map<string, Set<Role>>();
          for (const act of approvalActsOf(definition, walk.document.history)) {
            for (const person of act.persons) rolesOf.set(person, (rolesOf.get(person) ?? new Set()).add(act.role));
          }
          for (const [person, roles] of rolesOf) expect({ person, roles: roles.size }).toEqual({ person, roles: 1 });
        }),
        { numRuns: 120 },
      );
    });
  });
});
