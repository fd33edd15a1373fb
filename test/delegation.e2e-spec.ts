import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { act, createQuickWin, createTestApp, quickWinBody, type TestApp } from '#testing';
import { RevokeAdminDelegations1764025000000 } from '../libs/persistence/src/migrations/1764025000000-revoke-admin-delegations.js';

// whole flows over HTTP: generous under a loaded machine (no test asserts a duration)
jest.setTimeout(30_000);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

describe('Plt/Plh delegation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function delegate(user: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
    return t.http.post('/api/delegations').set({ ...(await t.auth(user)), ...headers }).send({
      role: 'SECRETARY',
      kind: 'PLH',
      reason: 'Sekda dinas luar ke Jakarta (SPT 800/123/2026)',
      startsAt: iso(-MINUTE),
      endsAt: iso(HOUR),
      ...body,
    });
  }

  async function delegateOk(user: string, body: Record<string, unknown>) {
    const res = await delegate(user, body);
    if (res.status !== 201) throw new Error(`delegation by ${user} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, any>;
  }

  async function revoke(user: string, id: string) {
    return t.http.delete(`/api/delegations/${id}`).set(await t.auth(user));
  }

  async function list(user: string, query = '') {
    const res = await t.http.get(`/api/delegations${query}`).set(await t.auth(user));
    expect(res.status).toBe(200);
    return res.body.items as Array<Record<string, any>>;
  }

  async function tasksOf(user: string): Promise<Array<Record<string, any>>> {
    const res = await t.http.get('/api/tasks').set(await t.auth(user));
    expect(res.status).toBe(200);
    return res.body.items;
  }

  async function me(user: string) {
    const res = await t.http.get('/api/me').set(await t.auth(user));
    expect(res.status).toBe(200);
    return res.body as Record<string, any>;
  }

  /** A Quick Win of g's diskominfo, by `drafter`, waiting in approval (or endorsement). */
  async function quickWinIn(g: string, state: 'endorsement' | 'approval', drafter = `${g}.drafter`) {
    const doc = await createQuickWin(t, drafter);
    const steps: Array<[string, string]> = [[drafter, 'SUBMIT']];
    if (state === 'approval') steps.push([`${g}.kadis`, 'ENDORSE'], [`${g}.organisasi`, 'VERIFY']);
    for (const [user, action] of steps) {
      const res = await act(t, 'quick-wins', doc.id, user, action);
      if (res.status !== 200) throw new Error(`${action} by ${user}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return doc.id;
  }

  describe('kaltim.sekda delegates SECRETARY to kaltim.plh for an hour', () => {
    let delegation: Record<string, any>;
    let approved: string;
    let waiting: string;

    beforeAll(async () => {
      approved = await quickWinIn('kaltim', 'approval');
      waiting = await quickWinIn('kaltim', 'approval');
    });

    it('gives the Plh nothing before the delegation', async () => {
      expect(await tasksOf('kaltim.plh')).toEqual([]);
      // without the delegation the Plh, who holds no role, does not read the document (issue 9's read scope)
      expect((await act(t, 'quick-wins', approved, 'kaltim.plh', 'APPROVE')).status).toBe(404);
      expect((await me('kaltim.plh')).delegations).toEqual([]);
    });

    it('creates the delegation', async () => {
      const startsAt = iso(0);
      const endsAt = iso(HOUR);
      const res = await delegate('kaltim.sekda', { delegate: 'kaltim.plh', startsAt, endsAt });
      expect(res.status).toBe(201);
      delegation = res.body;
      expect(delegation).toMatchObject({
        id: expect.any(String),
        governmentCode: 'kaltim',
        principal: 'kaltim.sekda',
        delegate: 'kaltim.plh',
        role: 'SECRETARY',
        kind: 'PLH',
        reason: 'Sekda dinas luar ke Jakarta (SPT 800/123/2026)',
        status: 'ACTIVE',
        active: true,
        createdBy: 'kaltim.sekda',
        revokedAt: null,
        revokedBy: null,
      });
      expect(Date.parse(delegation.startsAt)).toBe(Date.parse(startsAt));
      expect(Date.parse(delegation.endsAt)).toBe(Date.parse(endsAt));
    });

    it('shows the Plh the task, APPROVE among allowedActions, and the delegation in /api/me', async () => {
      const tasks = await tasksOf('kaltim.plh');
      expect(tasks.map((i) => i.id).sort()).toEqual([approved, waiting].sort());
      expect(tasks.find((i) => i.id === approved)).toMatchObject({ kind: 'quick-win', state: 'approval', allowedActions: ['APPROVE', 'REJECT', 'RETURN'] });
      const view = await t.http.get(`/api/quick-wins/${approved}`).set(await t.auth('kaltim.plh'));
      expect(view.body.allowedActions).toEqual(['APPROVE', 'REJECT', 'RETURN']);
      const plh = await me('kaltim.plh');
      expect(plh.roles).toEqual([]);
      expect(plh.delegations).toEqual([
        expect.objectContaining({ id: delegation.id, principal: 'kaltim.sekda', role: 'SECRETARY', kind: 'PLH', status: 'ACTIVE' }),
      ]);
      expect((await me('kaltim.sekda')).delegations).toEqual([]);
    });

    it('lets the Plh approve; the history says on behalf of kaltim.sekda, with both names', async () => {
      const res = await act(t, 'quick-wins', approved, 'kaltim.plh', 'APPROVE');
      expect(res.status).toBe(200);
      expect(res.body.state).toBe('implementation');
      const history = await t.http.get(`/api/quick-wins/${approved}/history`).set(await t.auth('kaltim.drafter'));
      expect(history.body.chainValid).toBe(true);
      expect(history.body.entries.at(-1)).toMatchObject({
        action: 'APPROVE',
        actor: 'kaltim.plh',
        actorName: 'H. Ahmad Zulkifli, S.H., M.Si.',
        onBehalfOf: 'kaltim.sekda',
        onBehalfOfName: 'Dr. Hj. Nurhayati Usman, M.Pd.',
        toState: 'implementation',
      });
      // the Sekda's own approvals carry no onBehalfOf
      const other = await quickWinIn('kaltim', 'approval');
      expect((await act(t, 'quick-wins', other, 'kaltim.sekda', 'APPROVE')).status).toBe(200);
      const own = await t.http.get(`/api/quick-wins/${other}/history`).set(await t.auth('kaltim.drafter'));
      expect(own.body.entries.at(-1)).toMatchObject({ action: 'APPROVE', actor: 'kaltim.sekda', onBehalfOf: null, onBehalfOfName: null });
    });

    it('lists it for the principal, the delegate and the ADMIN, not for others', async () => {
      for (const user of ['kaltim.sekda', 'kaltim.plh', 'kaltim.admin']) {
        expect((await list(user)).map((d) => d.id)).toContain(delegation.id);
        expect((await list(user, '?active=true')).map((d) => d.id)).toContain(delegation.id);
        expect((await list(user, '?active=false')).map((d) => d.id)).not.toContain(delegation.id);
      }
      for (const user of ['kaltim.drafter', 'paser.admin', 'paser.sekda']) {
        expect((await list(user)).map((d) => d.id)).not.toContain(delegation.id);
      }
      const bad = await t.http.get('/api/delegations?active=yes').set(await t.auth('kaltim.sekda'));
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    });

    it('lets only the principal or an ADMIN of the government revoke it', async () => {
      expect((await revoke('kaltim.plh', delegation.id)).status).toBe(403);
      expect((await revoke('kaltim.drafter', delegation.id)).status).toBe(403);
      const foreign = await revoke('paser.admin', delegation.id);
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe('NOT_FOUND');
      expect((await revoke('paser.sekda', delegation.id)).status).toBe(404);
      expect((await revoke('kaltim.sekda', '00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await revoke('kaltim.sekda', 'not-a-uuid')).status).toBe(404);
      expect((await me('kaltim.plh')).delegations).toHaveLength(1);
    });

    it('revokes it: the Plh gets 403 and no task any more; revoking again changes nothing', async () => {
      const res = await revoke('kaltim.sekda', delegation.id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: delegation.id, status: 'REVOKED', active: false, revokedBy: 'kaltim.sekda', revokedAt: expect.any(String) });
      const [row] = await t.dataSource.query(`SELECT revoked_at, revoked_by FROM delegations WHERE id = $1`, [delegation.id]);
      expect(row.revoked_at).not.toBeNull();

      const refused = await act(t, 'quick-wins', waiting, 'kaltim.plh', 'APPROVE');
      // without the delegation the Plh, who holds no role, does not read the document (issue 9's read scope)
      expect(refused.status).toBe(404);
      expect(refused.body.code).toBe('NOT_FOUND');
      expect(await tasksOf('kaltim.plh')).toEqual([]);
      expect((await me('kaltim.plh')).delegations).toEqual([]);
      expect((await t.http.get(`/api/quick-wins/${waiting}`).set(await t.auth('kaltim.plh'))).status).toBe(404);
      expect((await list('kaltim.sekda', '?active=true')).map((d) => d.id)).not.toContain(delegation.id);
      expect((await list('kaltim.sekda', '?active=false')).map((d) => d.id)).toContain(delegation.id);

      const again = await revoke('kaltim.admin', delegation.id);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ status: 'REVOKED', revokedBy: 'kaltim.sekda', revokedAt: res.body.revokedAt });
    });

    it('allows a new delegation of the same role once the old one is revoked', async () => {
      const renewed = await delegateOk('kaltim.sekda', { delegate: 'kaltim.plh', kind: 'PLT' });
      expect((await act(t, 'quick-wins', waiting, 'kaltim.plh', 'RETURN', { comment: 'Lengkapi rencana aksi' })).status).toBe(200);
      expect((await revoke('kaltim.sekda', renewed.id)).status).toBe(200);
    });
  });

  describe('the window', () => {
    it('does not count a delegation whose window has not started', async () => {
      const doc = await quickWinIn('paser', 'approval');
      const scheduled = await delegateOk('paser.sekda', { delegate: 'paser.plh', startsAt: iso(HOUR), endsAt: iso(2 * HOUR) });
      expect(scheduled).toMatchObject({ status: 'SCHEDULED', active: false });
      // without the delegation the Plh, who holds no role, does not read the document (issue 9's read scope)
      expect((await act(t, 'quick-wins', doc, 'paser.plh', 'APPROVE')).status).toBe(404);
      expect(await tasksOf('paser.plh')).toEqual([]);
      expect((await me('paser.plh')).delegations).toEqual([]);
      expect((await list('paser.plh', '?active=true')).map((d) => d.id)).not.toContain(scheduled.id);
      expect((await list('paser.plh')).map((d) => d.id)).toContain(scheduled.id);

      // moving the same window to now makes it count (control)
      await t.dataSource.query(`UPDATE delegations SET starts_at = now() - interval '1 minute' WHERE id = $1`, [scheduled.id]);
      expect((await tasksOf('paser.plh')).map((i) => i.id)).toContain(doc);
      expect((await revoke('paser.sekda', scheduled.id)).status).toBe(200);
    });

    it('does not count a delegation whose window has ended', async () => {
      const doc = await quickWinIn('paser', 'approval');
      const ended = await delegateOk('paser.sekda', { delegate: 'paser.plh', startsAt: iso(3 * HOUR), endsAt: iso(4 * HOUR) });
      // a window cannot be created in the past; age this one instead
      await t.dataSource.query(`UPDATE delegations SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 second' WHERE id = $1`, [ended.id]);
      // without the delegation the Plh, who holds no role, does not read the document (issue 9's read scope)
      expect((await act(t, 'quick-wins', doc, 'paser.plh', 'APPROVE')).status).toBe(404);
      expect(await tasksOf('paser.plh')).toEqual([]);
      expect((await me('paser.plh')).delegations).toEqual([]);
      const listed = (await list('paser.sekda')).find((d) => d.id === ended.id);
      expect(listed).toMatchObject({ status: 'ENDED', active: false });
      // revoking what has ended changes nothing, and tells nobody of a change that is none
      const revoked = await revoke('paser.sekda', ended.id);
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ id: ended.id, status: 'ENDED', revokedAt: null, revokedBy: null });
      expect(await t.dataSource.query(`SELECT 1 FROM outbox WHERE type = 'DELEGATION_CHANGED' AND payload ->> 'event' = 'REVOKED' AND payload ->> 'delegationId' = $1`, [ended.id])).toEqual([]);
    });
  });

  describe('separation of duties', () => {
    it('keeps a drafter given UNIT_HEAD by delegation from endorsing their own draft, not a colleague\'s', async () => {
      const own = await quickWinIn('kaltim', 'endorsement', 'kaltim.drafter');
      const colleagues = await quickWinIn('kaltim', 'endorsement', 'kaltim.drafter2');
      const grant = await delegateOk('kaltim.kadis', { delegate: 'kaltim.drafter', role: 'UNIT_HEAD', kind: 'PLT', reason: 'Kepala dinas cuti' });
      expect((await me('kaltim.drafter')).delegations.map((d: { role: string }) => d.role)).toEqual(['UNIT_HEAD']);

      const ownView = await t.http.get(`/api/quick-wins/${own}`).set(await t.auth('kaltim.drafter'));
      expect(ownView.body.allowedActions).not.toContain('ENDORSE');
      const refused = await act(t, 'quick-wins', own, 'kaltim.drafter', 'ENDORSE');
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('SEPARATION_OF_DUTIES');
      const tasks = await tasksOf('kaltim.drafter');
      expect(tasks.find((i) => i.id === colleagues)?.allowedActions).toEqual(['ENDORSE', 'RETURN']);
      // RETURN is no separation-of-duties action; ENDORSE is
      expect(tasks.find((i) => i.id === own)?.allowedActions).not.toContain('ENDORSE');

      const endorsed = await act(t, 'quick-wins', colleagues, 'kaltim.drafter', 'ENDORSE');
      expect(endorsed.status).toBe(200);
      expect(endorsed.body.state).toBe('verification');
      const history = await t.http.get(`/api/quick-wins/${colleagues}/history`).set(await t.auth('kaltim.drafter2'));
      expect(history.body.entries.at(-1)).toMatchObject({ action: 'ENDORSE', actor: 'kaltim.drafter', onBehalfOf: 'kaltim.kadis' });
      // the drafter still cannot re-delegate what they hold by delegation
      const redelegated = await delegate('kaltim.drafter', { delegate: 'kaltim.drafter2', role: 'UNIT_HEAD' });
      expect(redelegated.status).toBe(400);
      expect(redelegated.body.message).toMatch(/only by delegation/);
      expect((await revoke('kaltim.kadis', grant.id)).status).toBe(200);
    });
  });

  describe('rules', () => {
    it.each([
      ['a role the principal does not hold', { role: 'LEGAL' }, /does not hold the role LEGAL/],
      ['an unknown delegate', { delegate: 'berau.nobody' }, /no active user berau.nobody/],
      ['a delegate of another government', { delegate: 'paser.plh' }, /no active user paser.plh/],
      ['an unknown field', { notes: 'x' }, /notes/],
      ['an unknown role', { role: 'BOSS' }, /role/],
      ['an unknown kind', { kind: 'ACTING' }, /kind/],
      ['a blank reason', { reason: '  ' }, /reason/],
      ['a time without offset', { startsAt: '2030-03-02T08:00:00' }, /startsAt/],
      ['a date without time', { endsAt: '2030-03-02' }, /endsAt/],
      ['an impossible date', { endsAt: '2030-02-30T08:00:00+08:00' }, /endsAt/],
      ['a missing delegate', { delegate: undefined }, /delegate/],
    ])('refuses %s with 400', async (_name, body, message) => {
      const res = await delegate('berau.sekda', { delegate: 'berau.plh', ...body });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.message).toMatch(message);
    });

    it.each([
      ['an inverted window', { startsAt: iso(2 * HOUR), endsAt: iso(HOUR) }, 'DELEGATION_WINDOW', /endsAt must be after startsAt/],
      ['an empty window', { startsAt: iso(HOUR), endsAt: iso(HOUR) }, 'DELEGATION_WINDOW', /endsAt must be after startsAt/],
      ['a window that has ended', { startsAt: iso(-2 * MINUTE), endsAt: iso(-MINUTE) }, 'DELEGATION_WINDOW', /future/],
      ['a window from 2000-01-01 to 9999-12-31', { startsAt: '2000-01-01T00:00:00Z', endsAt: '9999-12-31T00:00:00Z' }, 'DELEGATION_WINDOW', /at most 5 minutes before/],
      ['a start ten minutes back', { startsAt: iso(-10 * MINUTE) }, 'DELEGATION_WINDOW', /at most 5 minutes before/],
      ['a window longer than 90 days', { startsAt: iso(HOUR), endsAt: iso(HOUR + 91 * 24 * HOUR) }, 'DELEGATION_WINDOW', /at most 90 days/],
      ['delegating to oneself', { delegate: 'berau.sekda' }, 'SELF_DELEGATION', /themselves/],
    ])('refuses %s with 400 and its own code, recording nothing', async (_name, body, code, message) => {
      const before = await list('berau.admin');
      const res = await delegate('berau.sekda', { delegate: 'berau.plh', ...body });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code, message: expect.stringMatching(message) });
      expect((await list('berau.admin')).length).toBe(before.length);
    });

    it('accepts a window starting up to 5 minutes back and lasting 90 days', async () => {
      const startsAt = Date.now() - 4 * MINUTE;
      const grant = await delegateOk('berau.inspektur', {
        delegate: 'berau.plh',
        role: 'INSPECTOR',
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 90 * 24 * HOUR).toISOString(),
      });
      expect((await revoke('berau.inspektur', grant.id)).status).toBe(200);
    });

    it('refuses a window overlapping a non-revoked delegation of the same principal and role, allows an adjacent one', async () => {
      const start = Date.now() + 10 * HOUR;
      const at = (h: number) => new Date(start + h * HOUR).toISOString();
      const first = await delegateOk('berau.sekda', { delegate: 'berau.plh', startsAt: at(0), endsAt: at(2) });
      for (const [from, to] of [[1, 3], [-1, 1], [0.5, 1.5], [-1, 3], [0, 2]]) {
        const res = await delegate('berau.sekda', { delegate: 'berau.asisten', startsAt: at(from), endsAt: at(to) });
        expect({ from, to, status: res.status }).toEqual({ from, to, status: 400 });
        expect(res.body.details).toEqual({ conflictsWith: first.id });
      }
      // [start, end) windows: one may begin exactly when the other ends
      const next = await delegateOk('berau.sekda', { delegate: 'berau.asisten', startsAt: at(2), endsAt: at(3) });
      const before = await delegateOk('berau.sekda', { delegate: 'berau.asisten', startsAt: at(-1), endsAt: at(0) });
      // another principal's window, or another role of the same principal, does not conflict
      await delegateOk('berau.kadis', { delegate: 'berau.drafter', role: 'UNIT_HEAD', startsAt: at(0), endsAt: at(2) });
      // a revoked delegation no longer blocks its window
      expect((await revoke('berau.sekda', first.id)).status).toBe(200);
      const replacement = await delegateOk('berau.sekda', { delegate: 'berau.asisten', startsAt: at(0.5), endsAt: at(1.5) });
      for (const d of [next, before, replacement]) expect((await revoke('berau.sekda', d.id)).status).toBe(200);
    });

    it('with an Idempotency-Key, the same delegation sent again answers the first, not an overlap with itself', async () => {
      const start = Date.now() + 50 * HOUR;
      const body = { delegate: 'berau.plh', startsAt: new Date(start).toISOString(), endsAt: new Date(start + HOUR).toISOString() };
      const key = { 'Idempotency-Key': `delegasi-${start}` };
      const first = await delegate('berau.sekda', body, key);
      expect(first.status).toBe(201);
      const again = await delegate('berau.sekda', body, key);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      const made = await t.dataSource.query(`SELECT id FROM delegations WHERE starts_at = $1`, [body.startsAt]);
      expect(made).toEqual([{ id: first.body.id }]);
      // without the key it is a new request, refused by the overlap rule; a malformed key makes nothing
      const plain = await delegate('berau.sekda', body);
      expect([plain.status, plain.body.details]).toEqual([400, { conflictsWith: first.body.id }]);
      const later = { ...body, startsAt: new Date(start + 2 * HOUR).toISOString(), endsAt: new Date(start + 3 * HOUR).toISOString() };
      const malformed = await delegate('berau.sekda', later, { 'Idempotency-Key': 'k'.repeat(256) });
      expect([malformed.status, malformed.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(await t.dataSource.query(`SELECT id FROM delegations WHERE starts_at = $1`, [later.startsAt])).toEqual([]);
      expect((await revoke('berau.sekda', first.body.id)).status).toBe(200);
    });

    it('enforces the overlap rule in the database, also for concurrent requests', async () => {
      const start = Date.now() + 30 * HOUR;
      const body = { delegate: 'berau.plh', startsAt: new Date(start).toISOString(), endsAt: new Date(start + HOUR).toISOString() };
      await t.auth('berau.sekda');
      const results = await Promise.all(Array.from({ length: 6 }, () => delegate('berau.sekda', body)));
      expect(results.map((r) => r.status).sort()).toEqual([201, 400, 400, 400, 400, 400]);
      for (const r of results.filter((x) => x.status === 400)) expect(r.body.code).toBe('VALIDATION_FAILED');

      const created = results.find((r) => r.status === 201)!.body;
      await expect(
        t.dataSource.query(
          `INSERT INTO delegations (principal_id, delegate_id, role, kind, reason, starts_at, ends_at, created_by)
           SELECT principal_id, delegate_id, role, kind, 'bypassing the API', starts_at + interval '10 minutes', ends_at + interval '10 minutes', created_by
             FROM delegations WHERE id = $1`,
          [created.id],
        ),
      ).rejects.toThrow(/ex_delegations_no_overlap/);
      expect((await revoke('berau.sekda', created.id)).status).toBe(200);
    });

    it('refuses re-delegation: a role held only by delegation cannot be delegated again', async () => {
      const grant = await delegateOk('berau.sekda', { delegate: 'berau.plh', startsAt: iso(-MINUTE), endsAt: iso(HOUR) });
      expect((await me('berau.plh')).delegations).toHaveLength(1);
      const res = await delegate('berau.plh', { delegate: 'berau.asisten' });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/berau.plh holds SECRETARY only by delegation/);
      // nor can an ADMIN pass it on for the delegate
      const byAdmin = await delegate('berau.admin', { principal: 'berau.plh', delegate: 'berau.asisten' });
      expect(byAdmin.status).toBe(400);
      expect((await revoke('berau.sekda', grant.id)).status).toBe(200);
    });
  });

  describe('an ADMIN', () => {
    it('delegates on behalf of a principal of their own government', async () => {
      const res = await delegate('kaltim.admin', { principal: 'kaltim.inspektur', delegate: 'kaltim.organisasi', role: 'INSPECTOR', kind: 'PLT', reason: 'Inspektur diklat PIM II' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ principal: 'kaltim.inspektur', delegate: 'kaltim.organisasi', role: 'INSPECTOR', createdBy: 'kaltim.admin', status: 'ACTIVE' });
      expect((await me('kaltim.organisasi')).delegations).toEqual([expect.objectContaining({ id: res.body.id, principal: 'kaltim.inspektur' })]);
      expect((await list('kaltim.inspektur')).map((d) => d.id)).toContain(res.body.id);
      // the principal may revoke what the ADMIN set up
      expect((await revoke('kaltim.inspektur', res.body.id)).body).toMatchObject({ status: 'REVOKED', revokedBy: 'kaltim.inspektur' });
    });

    it('cannot delegate for a principal of another government, nor for someone without the role', async () => {
      const foreign = await delegate('kaltim.admin', { principal: 'paser.sekda', delegate: 'kaltim.plh' });
      expect(foreign.status).toBe(400);
      expect(foreign.body.message).toMatch(/principal/);
      const unknown = await delegate('kaltim.admin', { principal: 'kaltim.nobody', delegate: 'kaltim.plh' });
      expect(unknown.status).toBe(400);
      const withoutRole = await delegate('kaltim.admin', { principal: 'kaltim.asisten', delegate: 'kaltim.plh' });
      expect(withoutRole.status).toBe(400);
      expect(withoutRole.body.message).toMatch(/kaltim.asisten does not hold the role SECRETARY/);
    });

    it('cannot delegate the ADMIN role itself (400), and nothing is recorded', async () => {
      const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM delegations`);
      const own = await delegate('kaltim.admin', { delegate: 'kaltim.plh', role: 'ADMIN', kind: 'PLT', reason: 'Admin cuti' });
      expect([own.status, own.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(own.body.message).toMatch(/^role: ADMIN is not delegated; while an ADMIN is away, another ADMIN of the government or the province's administers$/);
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM delegations`)).toEqual(before);
    });

    it('an ADMIN delegation recorded before the rule is revoked by its migration, so it widens nothing', async () => {
      const [{ id }] = await t.dataSource.query(
        `INSERT INTO delegations (principal_id, delegate_id, role, kind, reason, starts_at, ends_at, created_by)
         SELECT a.id, p.id, 'ADMIN', 'PLT', 'sebelum aturan', now() - interval '1 hour', now() + interval '1 day', a.id
           FROM users a, users p WHERE a.username = 'kaltim.admin' AND p.username = 'kaltim.plh' RETURNING id`,
      );
      expect((await me('kaltim.plh')).delegations.map((d: { role: string }) => d.role)).toContain('ADMIN');
      const runner = t.dataSource.createQueryRunner();
      try {
        await new RevokeAdminDelegations1764025000000().up(runner);
      } finally {
        await runner.release();
      }
      const [row] = await t.dataSource.query(`SELECT revoked_at IS NOT NULL AS revoked, revoked_by = created_by AS "byCreator" FROM delegations WHERE id = $1`, [id]);
      expect(row).toEqual({ revoked: true, byCreator: true });
      expect((await me('kaltim.plh')).delegations.map((d: { role: string }) => d.role)).not.toContain('ADMIN');
    });

    it('is the only one who may name a principal', async () => {
      const res = await delegate('kaltim.kadis', { principal: 'kaltim.sekda', delegate: 'kaltim.plh' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
      // naming oneself is just delegating one's own role
      const own = await delegateOk('kaltim.kadis', { principal: 'kaltim.kadis', delegate: 'kaltim.drafter2', role: 'UNIT_HEAD', startsAt: iso(5 * HOUR), endsAt: iso(6 * HOUR) });
      expect(own).toMatchObject({ principal: 'kaltim.kadis', createdBy: 'kaltim.kadis', status: 'SCHEDULED' });
    });

    it('sees every delegation of their government and revokes any of them', async () => {
      const grant = await delegateOk('paser.kadis', { delegate: 'paser.drafter2', role: 'UNIT_HEAD', startsAt: iso(-MINUTE), endsAt: iso(HOUR) });
      const adminView = await list('paser.admin');
      expect(adminView.map((d) => d.id)).toContain(grant.id);
      expect(adminView.every((d) => d.governmentCode === 'paser')).toBe(true);
      expect((await list('kaltim.admin')).every((d) => d.governmentCode === 'kaltim')).toBe(true);
      expect((await list('paser.sekda')).map((d) => d.id)).not.toContain(grant.id);
      const revoked = await revoke('paser.admin', grant.id);
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ status: 'REVOKED', revokedBy: 'paser.admin' });
    });
  });

  describe('a delegate of a drafter writes for the drafter (who may create and edit, delegations included)', () => {
    const history = async (id: string) =>
      (await t.http.get(`/api/quick-wins/${id}/history`).set(await t.auth('berau.drafter'))).body as { chainValid: boolean; entries: Array<Record<string, any>> };
    const edit = async (user: string, id: string, title: string) => t.http.patch(`/api/quick-wins/${id}`).set(await t.auth(user)).send({ title });

    it('creates and edits as berau.drafter inside the window; after revocation creating is 403', async () => {
      // berau.plh (Sekretariat Daerah, no role of their own) is no author before the delegation
      const before = await t.http.post('/api/quick-wins').set(await t.auth('berau.plh')).send(quickWinBody());
      expect(before.status).toBe(403);
      expect(before.body.code).toBe('FORBIDDEN');

      const grant = await delegateOk('berau.drafter', { delegate: 'berau.plh', role: 'DRAFTER', reason: 'Cuti tahunan' });
      const created = await t.http.post('/api/quick-wins').set(await t.auth('berau.plh')).send(quickWinBody({ title: 'Layanan Administrasi Kependudukan Daring' }));
      expect(created.status).toBe(201);
      // the document is the principal's: their unit, their name as creator; the audit entry names both
      expect(created.body).toMatchObject({ state: 'draft', unitCode: 'diskominfo', createdBy: 'berau.drafter' });
      const id = created.body.id as string;
      expect((await history(id)).entries[0]).toMatchObject({ action: 'CREATE', actor: 'berau.plh', onBehalfOf: 'berau.drafter' });
      // naming the unit the delegation is for is the same; the delegate's own unit is not theirs to author for
      expect((await t.http.post('/api/quick-wins').set(await t.auth('berau.plh')).send(quickWinBody({ unitCode: 'diskominfo' }))).status).toBe(201);
      const ownUnit = await t.http.post('/api/quick-wins').set(await t.auth('berau.plh')).send(quickWinBody({ unitCode: 'setda' }));
      expect(ownUnit.status).toBe(403);
      expect(ownUnit.body.message).toBe('A drafter creates documents of their own unit (diskominfo), not of setda');

      const edited = await edit('berau.plh', id, 'Layanan Adminduk Daring Terpadu');
      expect(edited.status).toBe(200);
      expect(edited.body.title).toBe('Layanan Adminduk Daring Terpadu');
      expect((await history(id)).entries.at(-1)).toMatchObject({ action: 'EDIT', actor: 'berau.plh', onBehalfOf: 'berau.drafter' });

      expect((await revoke('berau.drafter', grant.id)).status).toBe(200);
      const createAfter = await t.http.post('/api/quick-wins').set(await t.auth('berau.plh')).send(quickWinBody());
      expect(createAfter.status).toBe(403);
      expect(createAfter.body.code).toBe('FORBIDDEN');
      // holding no role any more, they do not read the unit's draft at all (read scope: 404 before 403)
      expect((await edit('berau.plh', id, 'Judul sesudah pencabutan')).status).toBe(404);
      // the drafter whose document it is edits it in their own name
      expect((await edit('berau.drafter', id, 'Judul oleh pemrakarsa')).status).toBe(200);
      expect((await history(id)).entries.at(-1)).toMatchObject({ action: 'EDIT', actor: 'berau.drafter', onBehalfOf: null });
    });

    it('lets the Kepala OPD holding a drafter\'s role edit a revision, never endorse what they wrote; after revocation editing is 403', async () => {
      const grant = await delegateOk('berau.drafter2', { delegate: 'berau.kadis', role: 'DRAFTER', reason: 'Pemrakarsa dinas luar' });
      const created = await t.http.post('/api/quick-wins').set(await t.auth('berau.kadis')).send(quickWinBody());
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ unitCode: 'diskominfo', createdBy: 'berau.drafter2' });
      const id = created.body.id as string;
      expect((await act(t, 'quick-wins', id, 'berau.drafter2', 'SUBMIT')).status).toBe(200);
      // who wrote it for the drafter counts as its creator: no endorsement of their own draft
      const endorse = await act(t, 'quick-wins', id, 'berau.kadis', 'ENDORSE');
      expect(endorse.status).toBe(403);
      expect(endorse.body.code).toBe('SEPARATION_OF_DUTIES');
      expect((await act(t, 'quick-wins', id, 'berau.kadis', 'RETURN', { comment: 'Lengkapi indikator' })).status).toBe(200);

      expect((await edit('berau.kadis', id, 'Layanan Adminduk Daring Terpadu 2026')).status).toBe(200);
      const chain = await history(id);
      expect(chain.chainValid).toBe(true);
      expect(chain.entries.at(-1)).toMatchObject({ action: 'EDIT', fromState: 'revision', actor: 'berau.kadis', onBehalfOf: 'berau.drafter2' });

      expect((await revoke('berau.drafter2', grant.id)).status).toBe(200);
      // the Kepala OPD still reads their unit's documents, and may not edit them any more
      const editAfter = await edit('berau.kadis', id, 'Judul sesudah pencabutan');
      expect(editAfter.status).toBe(403);
      expect(editAfter.body.code).toBe('FORBIDDEN');
      expect((await t.http.post('/api/quick-wins').set(await t.auth('berau.kadis')).send(quickWinBody())).status).toBe(403);
    });
  });

  it('counts whoever edited a draft for its creator as its creator too: the Kepala OPD who rewrote it as Plt of the drafter never endorses it', async () => {
    const created = await createQuickWin(t, 'berau.drafter2', { title: 'Pelayanan Adminduk Keliling' });
    const id = created.id;
    expect((await act(t, 'quick-wins', id, 'berau.drafter2', 'SUBMIT')).status).toBe(200);
    expect((await act(t, 'quick-wins', id, 'berau.kadis', 'RETURN', { comment: 'Perjelas sasaran layanan' })).status).toBe(200);

    // the drafter is away; the Kepala OPD, as their Plt, rewrites the returned draft for them
    const grant = await delegateOk('berau.drafter2', { delegate: 'berau.kadis', role: 'DRAFTER', kind: 'PLT', reason: 'Pemrakarsa sakit' });
    const edited = await t.http.patch(`/api/quick-wins/${id}`).set(await t.auth('berau.kadis')).send({ title: 'Pelayanan Adminduk Keliling ke Desa Terpencil' });
    expect(edited.status).toBe(200);
    expect(edited.body.createdBy).toBe('berau.drafter2');
    expect((await revoke('berau.drafter2', grant.id)).status).toBe(200);
    expect((await act(t, 'quick-wins', id, 'berau.drafter2', 'RESUBMIT')).status).toBe(200);

    // what they wrote for the drafter they may not endorse, whatever roles they hold
    const offered = await t.http.get(`/api/quick-wins/${id}`).set(await t.auth('berau.kadis'));
    expect(offered.body.allowedActions).not.toContain('ENDORSE');
    expect(offered.body.allowedActions).toContain('RETURN');
    const endorse = await act(t, 'quick-wins', id, 'berau.kadis', 'ENDORSE');
    expect({ status: endorse.status, code: endorse.body.code }).toEqual({ status: 403, code: 'SEPARATION_OF_DUTIES' });
    expect((await t.http.get(`/api/quick-wins/${id}`).set(await t.auth('berau.drafter2'))).body.state).toBe('endorsement');
  });

  it('documents the endpoints in OpenAPI', async () => {
    const res = await t.http.get('/docs-json');
    expect(res.body.paths['/api/delegations']).toMatchObject({ get: expect.any(Object), post: expect.any(Object) });
    expect(res.body.paths['/api/delegations/{id}']).toMatchObject({ delete: expect.any(Object) });
  });
});
