import { describe, expect, it } from '@jest/globals';
import { administers, BOOTSTRAP_ADMIN_ROLES, GRANTABLE_ROLES, isGrantableRole, managesNationalHolidays, mayChangeSignInOf, mayCreateGovernments } from './administration-policy.js';

const kaltim = { code: 'kaltim', parentCode: null };
const paser = { code: 'paser', parentCode: 'kaltim' };
const berau = { code: 'berau', parentCode: 'kaltim' };
const kalteng = { code: 'kalteng', parentCode: null };
const kotim = { code: 'kotim', parentCode: 'kalteng' };

describe('administration policy', () => {
  const provinceAdmin = { roles: ['ADMIN'], governmentCode: 'kaltim', governmentLevel: 'PROVINCE' as const };
  const regencyAdmin = { roles: ['ADMIN'], governmentCode: 'paser', governmentLevel: 'REGENCY' as const };

  it("a province's ADMIN administers the province and its own regencies, not another province's", () => {
    expect([kaltim, paser, berau, kalteng, kotim].map((g) => administers(provinceAdmin, g))).toEqual([true, true, true, false, false]);
  });

  it("a regency's ADMIN administers that regency only", () => {
    expect([kaltim, paser, berau, kalteng, kotim].map((g) => administers(regencyAdmin, g))).toEqual([false, true, false, false, false]);
  });

  it('nobody without ADMIN administers, whatever else they hold', () => {
    const sekda = { roles: ['SECRETARY', 'REGIONAL_HEAD', 'OPERATOR'], governmentCode: 'kaltim', governmentLevel: 'PROVINCE' as const };
    expect([kaltim, paser].map((g) => administers(sekda, g))).toEqual([false, false]);
    expect(mayCreateGovernments(sekda)).toBe(false);
  });

  it("only a province's ADMIN creates governments", () => {
    expect(mayCreateGovernments(provinceAdmin)).toBe(true);
    expect(mayCreateGovernments(regencyAdmin)).toBe(false);
  });

  it("only a province's ADMIN manages the national holidays", () => {
    expect(managesNationalHolidays(provinceAdmin)).toBe(true);
    expect(managesNationalHolidays(regencyAdmin)).toBe(false);
    expect(managesNationalHolidays({ roles: ['SECRETARY', 'OPERATOR'], governmentLevel: 'PROVINCE' })).toBe(false);
  });

  it('an ADMIN grants the roles of domain.md, never the deployment-level OPERATOR', () => {
    expect(GRANTABLE_ROLES).toEqual(['DRAFTER', 'UNIT_HEAD', 'ORG_VERIFIER', 'LEGAL', 'ASSISTANT', 'SECRETARY', 'REGIONAL_HEAD', 'INSPECTOR', 'ADMIN']);
    expect(isGrantableRole('OPERATOR')).toBe(false);
    expect(isGrantableRole('ADMIN')).toBe(true);
    expect(isGrantableRole('admin')).toBe(false);
    expect(BOOTSTRAP_ADMIN_ROLES).toEqual(['ADMIN', 'OPERATOR']);
  });

  it("the OPERATOR's sign-in (password, e-mail address, NIP) is changed only by someone holding OPERATOR too", () => {
    const operator = { roles: ['OPERATOR'] };
    expect(mayChangeSignInOf(provinceAdmin, operator)).toBe(false);
    expect(mayChangeSignInOf(provinceAdmin, { roles: ['ADMIN', 'OPERATOR'] })).toBe(false);
    expect(mayChangeSignInOf({ roles: ['ADMIN', 'OPERATOR'] }, operator)).toBe(true);
    expect(mayChangeSignInOf(provinceAdmin, { roles: ['SECRETARY', 'ADMIN'] })).toBe(true);
    expect(mayChangeSignInOf(regencyAdmin, { roles: [] })).toBe(true);
  });
});
