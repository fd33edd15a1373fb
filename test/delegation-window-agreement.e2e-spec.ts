import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import { findHeldDelegations } from '#persistence';
import { useTestDatabase } from '#testing';
import { delegationActiveAtSql, isDelegationActive, type DelegationGrant } from '#workflow';

jest.setTimeout(60_000);

/**
 * The delegation window's pure rule (`isDelegationActive`, half-open [startsAt, endsAt), never when
 * revoked) and its SQL twin (`delegationActiveAtSql`, the one text every query of libs/persistence
 * uses) agree in PostgreSQL, at the edges of the window too.
 */
describe('delegation window: the pure rule and its SQL twin agree', () => {
  const database = useTestDatabase({ poolSize: 2 });


  const BASE = Date.parse('2026-06-01T00:00:00Z');
  const DAY = 86_400_000;
  // a window, whether it was revoked, and an instant near it: before, at its start, inside, just before and at its end, after
  const sample = fc.record({
    start: fc.integer({ min: 0, max: 30 * DAY }),
    length: fc.integer({ min: 1, max: 90 * DAY }),
    revoked: fc.boolean(),
    at: fc.oneof(
      fc.constant('start' as const),
      fc.constant('end' as const),
      fc.constant('justBeforeEnd' as const),
      fc.constant('justBeforeStart' as const),
      fc.integer({ min: -10 * DAY, max: 130 * DAY }),
    ),
  });

  it('isDelegationActive = delegationActiveAtSql on generated windows and instants (fast-check)', async () => {
    const cases = fc.sample(sample, { numRuns: 400, seed: 10 }).map(({ start, length, revoked, at }, i) => {
      const startsAt = new Date(BASE + start);
      const endsAt = new Date(BASE + start + length);
      const now =
        at === 'start' ? startsAt
        : at === 'end' ? endsAt
        : at === 'justBeforeEnd' ? new Date(endsAt.getTime() - 1)
        : at === 'justBeforeStart' ? new Date(startsAt.getTime() - 1)
        : new Date(BASE + at);
      const grant: DelegationGrant = {
        id: String(i),
        role: 'SECRETARY',
        principal: { username: 'kaltim.sekda', governmentCode: 'kaltim', unitCode: 'setda' },
        startsAt,
        endsAt,
        revokedAt: revoked ? new Date(BASE) : null,
      };
      return { i, grant, now };
    });
    const rows: Array<{ i: number; active: boolean }> = await database.dataSource.query(
      `SELECT dg.i, ${delegationActiveAtSql('dg', 'dg.now')} AS active
         FROM jsonb_to_recordset($1::jsonb) AS dg(i int, starts_at timestamptz, ends_at timestamptz, revoked_at timestamptz, now timestamptz)
        ORDER BY dg.i`,
      [JSON.stringify(cases.map(({ i, grant, now }) => ({ i, starts_at: grant.startsAt, ends_at: grant.endsAt, revoked_at: grant.revokedAt, now })))],
    );
    const sql = rows.map((row) => row.active);
    const pure = cases.map(({ grant, now }) => isDelegationActive(grant, now));
    expect(sql).toEqual(pure);
    expect(pure.filter(Boolean).length).toBeGreaterThan(40); // both answers are reached
    expect(pure.filter((active) => !active).length).toBeGreaterThan(40);
  });

  it('a stored delegation is held exactly inside its window, and never once revoked (findHeldDelegations)', async () => {
    const [{ sekda, plh, admin }]: Array<{ sekda: string; plh: string; admin: string }> = await database.dataSource.query(
      `SELECT (SELECT id FROM users WHERE username = 'kaltim.sekda') AS sekda, (SELECT id FROM users WHERE username = 'kaltim.plh') AS plh,
              (SELECT id FROM users WHERE username = 'kaltim.admin') AS admin`,
    );
    const startsAt = new Date('2028-03-01T00:00:00.000Z');
    const endsAt = new Date('2028-03-08T00:00:00.000Z');
    const [{ id }]: Array<{ id: string }> = await database.dataSource.query(
      `INSERT INTO delegations (principal_id, delegate_id, role, kind, reason, starts_at, ends_at, created_by)
       VALUES ($1, $2, 'SECRETARY', 'PLH', 'uji jendela', $3, $4, $5) RETURNING id`,
      [sekda, plh, startsAt, endsAt, admin],
    );
    const instants = [new Date(startsAt.getTime() - 1), startsAt, new Date('2028-03-04T12:00:00Z'), new Date(endsAt.getTime() - 1), endsAt];
    const grant: DelegationGrant = { id, role: 'SECRETARY', principal: { username: 'kaltim.sekda', governmentCode: 'kaltim', unitCode: 'setda' }, startsAt, endsAt, revokedAt: null };
    const held = async (now: Date) => (await findHeldDelegations(database.dataSource.manager, plh, now)).some((d) => d.id === id);
    for (const now of instants) expect([now.toISOString(), await held(now)]).toEqual([now.toISOString(), isDelegationActive(grant, now)]);
    expect(await Promise.all(instants.map(held))).toEqual([false, true, true, true, false]);

    await database.dataSource.query(`UPDATE delegations SET revoked_at = $2, revoked_by = $3 WHERE id = $1`, [id, startsAt, admin]);
    for (const now of instants) expect(await held(now)).toBe(false);
  });
});
