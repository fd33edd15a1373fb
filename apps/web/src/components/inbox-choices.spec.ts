import { describe, expect, it } from '@jest/globals';
import { describeWorkflow } from '@workflow/diagram/describe-workflow.js';
import { ALL_ROLES, type Role } from '@workflow/domain/role.types.js';
import { taskScopesOf } from '@workflow/policy/task-scope.js';
import { createDefaultRegistry } from '@workflow/registry/default-registry.js';
import { actingRoles } from './acting-roles';
import { actsAcrossUnits, stagesActedIn, withSeen } from './inbox-choices';

const registry = createDefaultRegistry();
/** What GET /api/workflows answers: each kind's latest definition. */
const latest = registry.list().filter((d) => d === registry.latest(d.kind)).map(describeWorkflow);
const NOW = new Date('2026-03-02T02:00:00.000Z');
const scopesOf = (roles: Role[]) => taskScopesOf({ username: 'paser.x', governmentCode: 'paser', unitCode: 'diskominfo', roles, delegations: [] }, registry, NOW);

describe("Kotak Masuk's choices agree with the places the API's inbox reads (taskScopesOf)", () => {
  it.each(ALL_ROLES.map((role) => [role]))('%s: the stages offered are those its task scopes hold', (role) => {
    const every = registry.list().map(describeWorkflow);
    expect(stagesActedIn(every, new Set([role]), '').sort()).toEqual([...new Set(scopesOf([role]).flatMap((s) => s.states))].sort());
  });

  it.each(ALL_ROLES.map((role) => [role]))("%s: the government's units are offered exactly when a task scope reads every unit", (role) => {
    expect(actsAcrossUnits(latest, new Set([role]))).toBe(scopesOf([role]).some((s) => s.unitCode === null));
  });
});

describe("Kotak Masuk's stage choices", () => {
  it("are a drafter's own stages, not a stage only its WITHDRAW reaches", () => {
    const stages = stagesActedIn(latest, new Set(['DRAFTER']), 'quick-win');
    expect(stages).toEqual(expect.arrayContaining(['draft', 'revision', 'implementation']));
    expect(stages).not.toContain('endorsement');
  });

  it("are the kind's alone when one is chosen, in the workflow's order", () => {
    expect(stagesActedIn(latest, new Set(['ORG_VERIFIER']), 'quick-win')).toEqual(['verification']);
    expect(stagesActedIn(latest, new Set(['ORG_VERIFIER', 'SECRETARY']), 'quick-win')).toEqual(['verification', 'approval']);
    expect(stagesActedIn(latest, new Set(['LEGAL']), 'quick-win')).toEqual([]);
    expect(stagesActedIn(latest, new Set(['LEGAL']), 'regulation')).toContain('harmonization');
  });

  it("count a role received as Plt/Plh, not one revoked or ended", () => {
    const me = { username: 'kaltim.x', roles: ['DRAFTER' as const], delegations: [] };
    const received = (role: string, more: object) => ({ id: role, principal: 'kaltim.y', delegate: 'kaltim.x', role, kind: 'PLT', active: true, revokedAt: null, ...more });
    expect([...actingRoles({ ...me, delegations: [received('SECRETARY', {})] as never })]).toEqual(['DRAFTER', 'SECRETARY']);
    expect([...actingRoles({ ...me, delegations: [received('SECRETARY', { active: false }), received('LEGAL', { revokedAt: '2026-01-01T00:00:00Z' })] as never })]).toEqual(['DRAFTER']);
    // given by the caller to another, it is the other's to act in
    expect([...actingRoles({ ...me, delegations: [received('SECRETARY', { delegate: 'kaltim.z' })] as never })]).toEqual(['DRAFTER']);
  });
});

describe("Kotak Masuk's unit choices", () => {
  it('are offered a whole government for a Biro or the Sekda, not for a unit or its head (a paraf koordinasi names its unit in the task)', () => {
    expect(actsAcrossUnits(latest, new Set(['ORG_VERIFIER']))).toBe(true);
    expect(actsAcrossUnits(latest, new Set(['SECRETARY']))).toBe(true);
    expect(actsAcrossUnits(latest, new Set(['DRAFTER', 'UNIT_HEAD']))).toBe(false);
  });
});

describe('the choices the tasks loaded add', () => {
  it('come after those offered, each once', () => {
    expect(withSeen(['draft', 'revision'], ['implementation', 'draft'])).toEqual(['draft', 'revision', 'implementation']);
    const unit = (key: string, name: string) => ({ key, name });
    expect(withSeen([unit('kaltim/a', 'A')], [unit('kaltim/a', 'A'), unit('paser/b', 'B, Paser')], (u) => u.key)).toEqual([unit('kaltim/a', 'A'), unit('paser/b', 'B, Paser')]);
  });
});
