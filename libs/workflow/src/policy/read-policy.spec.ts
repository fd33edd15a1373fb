import { describe, expect, it } from '@jest/globals';
import type { Role } from '../domain/role.types.js';
import { canRead } from './read-policy.js';
import type { ActorFacts, DelegationGrant, DocumentFacts } from './policy.types.js';

const NOW = new Date('2026-03-02T02:00:00.000Z');

const paserRegulation: DocumentFacts = {
  kind: 'regulation',
  state: 'legal_review',
  createdBy: 'paser.drafter',
  governmentCode: 'paser',
  governmentLevel: 'REGENCY',
  parentGovernmentCode: 'kaltim',
  unitCode: 'diskominfo',
  history: [],
};
const paserQuickWin: DocumentFacts = { ...paserRegulation, kind: 'quick-win', state: 'approval' };
const kaltimRegulation: DocumentFacts = { ...paserRegulation, governmentCode: 'kaltim', governmentLevel: 'PROVINCE', parentGovernmentCode: null };

const actor = (username: string, governmentCode: string, unitCode: string, roles: Role[], delegations: DelegationGrant[] = []): ActorFacts => ({
  username,
  governmentCode,
  unitCode,
  roles,
  delegations,
});

const grant = (role: Role, principal: ActorFacts, overrides: Partial<DelegationGrant> = {}): DelegationGrant => ({
  id: 'g1',
  role,
  principal: { username: principal.username, governmentCode: principal.governmentCode, unitCode: principal.unitCode },
  startsAt: new Date(NOW.getTime() - 1000),
  endsAt: new Date(NOW.getTime() + 1000),
  revokedAt: null,
  ...overrides,
});

describe('read scope', () => {
  it('lets every user of the government read its documents, whatever unit and role', () => {
    expect(canRead(paserQuickWin, actor('paser.inspektur', 'paser', 'inspektorat', ['INSPECTOR']), NOW)).toBe(true);
    expect(canRead(paserQuickWin, actor('paser.plh', 'paser', 'setda', []), NOW)).toBe(true);
  });

  it('hides documents of other governments', () => {
    expect(canRead(paserQuickWin, actor('berau.sekda', 'berau', 'setda', ['SECRETARY']), NOW)).toBe(false);
    expect(canRead(kaltimRegulation, actor('paser.hukum', 'paser', 'bagian-hukum', ['LEGAL']), NOW)).toBe(false);
    expect(canRead(paserQuickWin, actor('kaltim.sekda', 'kaltim', 'setda', ['SECRETARY']), NOW)).toBe(false);
  });

  it("lets the parent province's LEGAL read its regencies' regulations, not their Quick Wins", () => {
    const provinceLegal = actor('kaltim.hukum', 'kaltim', 'biro-hukum', ['LEGAL']);
    expect(canRead(paserRegulation, provinceLegal, NOW)).toBe(true);
    expect(canRead(paserQuickWin, provinceLegal, NOW)).toBe(false);
    expect(canRead(paserRegulation, actor('kaltim.organisasi', 'kaltim', 'biro-organisasi', ['ORG_VERIFIER']), NOW)).toBe(false);
    expect(canRead({ ...paserRegulation, parentGovernmentCode: 'kalteng' }, provinceLegal, NOW)).toBe(false);
  });

  it("lets a delegate read what its active principal's role reads", () => {
    const provinceLegal = actor('kaltim.hukum', 'kaltim', 'biro-hukum', ['LEGAL']);
    const paserSekda = actor('paser.sekda', 'paser', 'setda', ['SECRETARY']);
    const kaltimStaff = (delegations: DelegationGrant[]) => actor('kaltim.staff', 'kaltim', 'biro-hukum', [], delegations);
    expect(canRead(paserRegulation, kaltimStaff([grant('LEGAL', provinceLegal)]), NOW)).toBe(true);
    expect(canRead(paserRegulation, kaltimStaff([grant('LEGAL', provinceLegal, { revokedAt: NOW })]), NOW)).toBe(false);
    expect(canRead(paserRegulation, kaltimStaff([grant('LEGAL', provinceLegal, { endsAt: NOW })]), NOW)).toBe(false);
    const berauUser = actor('berau.x', 'berau', 'setda', [], [grant('SECRETARY', paserSekda)]);
    expect(canRead(paserQuickWin, berauUser, NOW)).toBe(true);
    expect(canRead(paserQuickWin, { ...berauUser, delegations: [grant('SECRETARY', paserSekda, { startsAt: new Date(NOW.getTime() + 1) })] }, NOW)).toBe(false);
  });
});
