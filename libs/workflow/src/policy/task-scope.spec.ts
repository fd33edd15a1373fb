import { describe, expect, it } from '@jest/globals';
import type { Role } from '../domain/role.types.js';
import { createDefaultRegistry } from '../registry/default-registry.js';
import type { ActorFacts } from './policy.types.js';
import { governmentsOfTaskScopes, narrowScopes, statesOfKind, taskScopesOf } from './task-scope.js';

const NOW = new Date('2026-03-02T02:00:00.000Z');
const registry = createDefaultRegistry();
const actor = (roles: Role[]): ActorFacts => ({ username: 'paser.x', governmentCode: 'paser', unitCode: 'diskominfo', roles, delegations: [] });
const unitScope = (roles: Role[]) => taskScopesOf(actor(roles), registry, NOW).find((s) => s.unitCode === 'diskominfo');

describe('taskScopesOf: the states where every action waits on a condition of the document', () => {
  it("are the Kepala OPD's implementation (COMPLETE needs a progress report), not the stages it endorses", () => {
    const scope = unitScope(['UNIT_HEAD']);
    expect(scope?.states).toEqual(expect.arrayContaining(['endorsement', 'implementation']));
    expect(scope?.conditionalStates).toContain('implementation');
    expect(scope?.conditionalStates).not.toContain('endorsement');
  });

  it('are none where another role of the same person acts without a condition (a drafter reports progress)', () => {
    expect(unitScope(['UNIT_HEAD', 'DRAFTER'])?.conditionalStates).not.toContain('implementation');
    expect(unitScope(['DRAFTER'])?.conditionalStates).toEqual([]);
  });

  it('leave out a stage whose conditional action sits beside an unconditional one (RECORD_HARMONIZATION beside RETURN)', () => {
    const legal = taskScopesOf(actor(['LEGAL']), registry, NOW).find((s) => s.unitCode === null && !s.children);
    expect(legal?.states).toContain('harmonization');
    expect(legal?.conditionalStates).not.toContain('harmonization');
  });
});

describe("taskScopesOf: the states where the scope's deadline is a participant's own", () => {
  it("are a Kepala OPD's paraf koordinasi (the OPD concerned), not the stages of its own unit's documents", () => {
    const scope = unitScope(['UNIT_HEAD']);
    expect(scope?.participantStates).toEqual(['coordination.agencies']);
    expect(scope?.states).toContain('coordination.agencies');
  });

  it("are none of a Sekda's or a drafter's", () => {
    for (const scope of taskScopesOf(actor(['SECRETARY', 'DRAFTER']), registry, NOW)) expect(scope.participantStates).toEqual([]);
  });
});

describe('narrowScopes and statesOfKind', () => {
  it('keep each scope holding the states with those alone, conditional as they were, and drop the rest', () => {
    const scopes = taskScopesOf(actor(['UNIT_HEAD', 'SECRETARY']), registry, NOW);
    expect(narrowScopes(scopes, new Set(['implementation']))).toEqual([
      expect.objectContaining({ unitCode: 'diskominfo', states: ['implementation'], conditionalStates: ['implementation'] }),
    ]);
    expect(narrowScopes(scopes, new Set(['approval']))).toEqual([expect.objectContaining({ unitCode: null, states: ['approval'], conditionalStates: [] })]);
    expect(narrowScopes(scopes, new Set(['legal_review']))).toEqual([]);
    expect(narrowScopes(scopes, new Set(['coordination.agencies']))).toEqual([
      expect.objectContaining({ unitCode: 'diskominfo', states: ['coordination.agencies'], participantStates: ['coordination.agencies'] }),
    ]);
    expect(narrowScopes(scopes, new Set(['endorsement']))).toEqual([expect.objectContaining({ states: ['endorsement'], participantStates: [] })]);
  });

  it("name each kind's states, those of every version, and the states both kinds share", () => {
    const quickWin = statesOfKind(registry, 'quick-win');
    const regulation = statesOfKind(registry, 'regulation');
    expect(quickWin.size).toBe(10); // domain.md's ten Quick Win states
    expect([...quickWin]).toEqual(expect.arrayContaining(['approval', 'implementation', 'evaluation']));
    expect([...regulation]).toEqual(expect.arrayContaining(['legal_review', 'coordination.agencies', 'coordination.secretary', 'published']));
    expect([...quickWin].filter((state) => regulation.has(state)).sort()).toEqual(['draft', 'endorsement', 'revision', 'withdrawn']);
  });
});

describe('governmentsOfTaskScopes: where the inbox can hold tasks', () => {
  const placed = (governmentCode: string, roles: Role[], delegations: ActorFacts['delegations'] = []): ActorFacts => ({ username: `${governmentCode}.x`, governmentCode, unitCode: 'hukum', roles, delegations });
  const of = (a: ActorFacts) => {
    const { own, codes, childrenOf, actedBy, kinds } = governmentsOfTaskScopes(a, taskScopesOf(a, registry, NOW));
    return { own, codes, childrenOf, actedBy, kinds };
  };

  it("are a province LEGAL's own government and, for facilitation, its regencies and cities", () => {
    expect(of(placed('kaltim', ['LEGAL']))).toEqual({ own: 'kaltim', codes: ['kaltim'], childrenOf: ['kaltim'], actedBy: [], kinds: [] });
  });

  it("are a Kepala OPD's, a Sekda's and a drafter's own government alone", () => {
    for (const roles of [['UNIT_HEAD'], ['SECRETARY'], ['DRAFTER']] as Role[][]) {
      expect(of(placed('paser', roles))).toEqual({ own: 'paser', codes: ['paser'], childrenOf: [], actedBy: [], kinds: [] });
    }
  });

  it("are also the principal's, with its regencies, for the Plt of a province's LEGAL; nothing of a delegation not in force", () => {
    const principal = { username: 'kaltim.hukum', governmentCode: 'kaltim', unitCode: 'biro-hukum' };
    const window = { startsAt: '2026-03-01T00:00:00.000Z', endsAt: '2026-03-05T00:00:00.000Z', revokedAt: null };
    const plt = placed('paser', ['DRAFTER'], [{ id: 'd1', role: 'LEGAL' as Role, principal, ...window }]);
    expect(of(plt)).toMatchObject({ own: 'paser', codes: ['paser', 'kaltim'], childrenOf: ['kaltim'] });
    const revoked = placed('paser', ['DRAFTER'], [{ id: 'd1', role: 'LEGAL' as Role, principal, ...window, revokedAt: '2026-03-02T00:00:00.000Z' }]);
    expect(of(revoked)).toMatchObject({ codes: ['paser'], childrenOf: [] });
  });

  it('are an actor without any task scope their own government alone', () => {
    expect(of(placed('berau', []))).toMatchObject({ own: 'berau', codes: ['berau'], childrenOf: [] });
  });
});
