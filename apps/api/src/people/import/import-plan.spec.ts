import { describe, expect, it } from '@jest/globals';
import { lookupKeys, parseRoles, planImport, type ImportContext, type KnownPerson, type PersonnelRow } from './import-plan.js';

const row = (n: number, overrides: Partial<PersonnelRow> = {}): PersonnelRow => ({
  row: n,
  nip: `19900101201501100${n}`.slice(0, 18),
  name: `Orang ${n}`,
  email: `orang${n}@paserkab.go.id`,
  username: `paser.orang${n}`,
  unitCode: 'diskominfo',
  roles: 'DRAFTER',
  ...overrides,
});

const known = (overrides: Partial<KnownPerson>): KnownPerson => ({
  id: 'id-1',
  username: 'paser.orang1',
  nip: row(1).nip,
  name: 'Orang 1',
  email: 'orang1@paserkab.go.id',
  governmentId: 'paser',
  unitId: 'u-kominfo',
  roles: ['DRAFTER'],
  ...overrides,
});

const context = (people: KnownPerson[] = []): ImportContext => ({
  governmentId: 'paser',
  units: new Map([
    ['diskominfo', 'u-kominfo'],
    ['setda', 'u-setda'],
  ]),
  byNip: new Map(people.map((p) => [p.nip!, p])),
  byUsername: new Map(people.map((p) => [p.username, p])),
});

describe('personnel import plan', () => {
  it('creates new NIPs, leaves identical people unchanged, updates changed ones', () => {
    const plan = planImport([row(1), row(2), row(3, { nip: '199001012015011099', username: 'paser.tiga' })], context([known({}), known({ id: 'id-2', nip: row(2).nip, username: 'paser.orang2', name: 'Nama Lama', email: 'orang2@paserkab.go.id' })]));
    expect(plan.rows.map((r) => r.status)).toEqual(['unchanged', 'updated', 'created']);
    expect(plan.summary).toEqual({ created: 1, updated: 1, unchanged: 1, error: 0 });
    expect(plan.updates[0].after).toMatchObject({ name: 'Orang 2', unitId: 'u-kominfo' });
    expect(plan.creates[0]).toMatchObject({ username: 'paser.tiga', roles: ['DRAFTER'] });
  });

  it('compares roles as a set and keeps a held OPERATOR', () => {
    const same = planImport([row(1, { roles: 'drafter; ' })], context([known({ roles: ['DRAFTER', 'OPERATOR'] })]));
    expect(same.rows[0].status).toBe('unchanged');
    const changed = planImport([row(1, { roles: 'DRAFTER;UNIT_HEAD' })], context([known({ roles: ['DRAFTER', 'OPERATOR'] })]));
    expect(changed.updates[0].after.roles).toEqual(['DRAFTER', 'UNIT_HEAD', 'OPERATOR']);
  });

  it('says why a row cannot be applied', () => {
    const other = known({ id: 'id-9', nip: '199001012015011088', username: 'paser.lain', governmentId: 'berau' });
    const plan = planImport(
      [
        row(1, { nip: '123' }),
        row(2, { name: '', email: 'bukan-surel' }),
        row(3, { unitCode: 'biro-hukum', roles: 'DRAFTER, KING' }),
        row(4, { roles: 'ADMIN OPERATOR' }),
        row(5, { username: 'paser.lain' }),
        row(6, { nip: '199001012015011088', username: 'paser.enam' }),
        row(7, { nip: '199001012015011077' }),
        row(8, { nip: '199001012015011077', username: 'paser.delapan' }),
        row(9, { username: 'Bukan Username' }),
      ],
      context([other]),
    );
    expect(plan.rows.map((r) => r.reason)).toEqual([
      'nip must be 18 digits',
      'name is empty; email is not an e-mail address',
      'unitCode biro-hukum is not a unit of this government; unknown role KING',
      'OPERATOR is not granted by import',
      'username paser.lain is taken by someone with another NIP',
      'nip 199001012015011088 belongs to someone of another government',
      'nip 199001012015011077 appears on more than one row',
      'nip 199001012015011077 appears on more than one row',
      'username must be 3-60 lowercase letters, digits, dots, underscores or hyphens',
    ]);
    expect(plan.summary.error).toBe(9);
    expect(plan.creates).toEqual([]);
  });

  it('never renames a person by import', () => {
    const plan = planImport([row(1, { username: 'paser.baru' })], context([known({})]));
    expect(plan.rows[0]).toMatchObject({ status: 'error', reason: `nip ${row(1).nip} is already paser.orang1; a username does not change by import` });
  });

  it('reads roles separated by semicolons, commas, bars or spaces', () => {
    expect(parseRoles(' drafter;UNIT_HEAD, legal | admin ')).toEqual(['DRAFTER', 'UNIT_HEAD', 'LEGAL', 'ADMIN']);
    expect(parseRoles('')).toEqual([]);
  });

  it('refuses a name or e-mail holding a NUL, a bidirectional override or a zero-width character, as POST /api/users does', () => {
    const plan = planImport([row(1, { name: 'Orang\u0000Satu' }), row(2, { name: 'abc\u202egnp' }), row(3, { email: 'orang3\u0000@paserkab.go.id' }), row(4, { name: 'Dewi\tLestari' })], context());
    expect(plan.rows.map((r) => [r.status, r.reason])).toEqual([
      ['error', 'name must not contain control characters, bidirectional overrides or zero-width characters'],
      ['error', 'name must not contain control characters, bidirectional overrides or zero-width characters'],
      ['error', 'email must not contain control characters, bidirectional overrides or zero-width characters'],
      ['created', undefined],
    ]);
  });

  it('looks up only well-formed NIPs and usernames', () => {
    expect(lookupKeys([row(1), row(2, { nip: '\u0000', username: 'x\u0000' }), row(3, { nip: '123' })])).toEqual({ nips: [row(1).nip], usernames: ['paser.orang1', 'paser.orang3'] });
  });

  it("refuses the row that would take the importing ADMIN's own ADMIN role away, not another's", () => {
    const admin = known({ roles: ['ADMIN', 'DRAFTER'] });
    const own = planImport([row(1, { roles: 'DRAFTER' })], { ...context([admin]), importerUsername: 'paser.orang1' });
    expect(own.rows).toEqual([{ row: 1, nip: row(1).nip, username: 'paser.orang1', status: 'error', reason: 'paser.orang1 is who imports this file: an ADMIN does not give up their own ADMIN role' }]);
    expect(planImport([row(1, { roles: 'ADMIN' })], { ...context([admin]), importerUsername: 'paser.orang1' }).rows[0]!.status).toBe('updated');
    expect(planImport([row(1, { roles: 'DRAFTER' })], { ...context([admin]), importerUsername: 'paser.admin' }).rows[0]!.status).toBe('updated');
  });
});
