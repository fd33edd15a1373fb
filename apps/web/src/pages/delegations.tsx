import { timeZoneAbbreviation } from '@workflow/calendar/indonesian-format.util.js';
import { fromLocalDateTime } from '@workflow/calendar/zoned-time.util.js';
import { api, ok } from '../api/client';
import { useIdempotencyKey } from '../api/idempotency-key';
import type { Delegation } from '../api/views';
import { Empty, ErrorMessage, Loading, toApiError, useLoad } from '../components/async';
import { errorText } from '../i18n/error-text';
import { dateTime, delegationKindLabel, roleLabel } from '../i18n/words';
import { useSession } from '../session';
import { FormFeedback, useFeedback } from '../components/form-feedback';
import { DateInput } from '../components/date-input';

/**
 * `YYYY-MM-DDTHH:mm` of a datetime-local field, read in the government's zone (the one the list shows,
 * "08.00 WITA"), not the browser's: a laptop left on WIB must not move a Plh's window by an hour.
 */
function toIso(local: string, timeZone: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return new Date(local).toISOString();
  return fromLocalDateTime({ date: m[1]!, hour: Number(m[2]), minute: Number(m[3]), second: 0, millisecond: 0 }, timeZone).toISOString();
}

export function DelegationsPage() {
  const { me, timeZone } = useSession();
  const zoneName = timeZoneAbbreviation(timeZone);
  const list = useLoad(() => ok<{ items: Delegation[] }>(api.GET('/api/delegations')), []);
  const feedback = useFeedback();
  const idempotency = useIdempotencyKey();
  const ownRoles = me.roles.filter((r) => r !== 'ADMIN');

  async function create(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const v = Object.fromEntries([...new FormData(form)].map(([k, x]) => [k, String(x).trim()]));
    if (!v.delegate || !v.role || !v.startsAt || !v.endsAt || !v.reason) return feedback.fail('Semua isian wajib diisi.');
    if (v.endsAt <= v.startsAt) return feedback.fail('Akhir harus sesudah mulai.');
    try {
      const body = { delegate: v.delegate, role: v.role, kind: v.kind, reason: v.reason, startsAt: toIso(v.startsAt, timeZone), endsAt: toIso(v.endsAt, timeZone) };
      await ok(api.POST('/api/delegations', { params: { header: idempotency.header }, body: body as never }));
      idempotency.renew();
      feedback.succeed('Pendelegasian tersimpan.');
      form.reset();
      list.reload();
    } catch (error) {
      const e = toApiError(error);
      feedback.fail(e.status === 400 ? 'Isian tidak sesuai: periksa nama pengguna penerima dan jangka waktunya.' : errorText(e));
    }
  }

  async function revoke(d: Delegation) {
    // the Plt/Plh loses the role at once, also in the middle of their work: asked first
    if (!confirm(`Cabut ${delegationKindLabel(d.kind)} ${roleLabel(d.role)} ${d.delegateName}? Ia tidak dapat lagi bertindak atas nama ${d.principalName}.`)) return;
    await ok(api.DELETE('/api/delegations/{id}', { params: { path: { id: d.id } } })).then(
      () => feedback.succeed('Pendelegasian dicabut.'),
      (error: unknown) => feedback.fail(errorText(toApiError(error))),
    );
    list.reload();
  }

  return (
    <section>
      <h1>Pendelegasian</h1>
      <p class="muted">Tunjuk Plt atau Plh untuk salah satu peran Anda selama jangka waktu tertentu.</p>
      {ownRoles.length > 0 && (
        <form onSubmit={create} noValidate class="doc-form">
          <div class="field">
            <label for="d-delegate">Nama pengguna penerima</label>
            <input id="d-delegate" name="delegate" placeholder="mis. kaltim.plh" />
          </div>
          <div class="field">
            <label for="d-role">Peran</label>
            <select id="d-role" name="role">
              {ownRoles.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="d-kind">Jenis</label>
            <select id="d-kind" name="kind">
              <option value="PLH">Plh (pelaksana harian)</option>
              <option value="PLT">Plt (pelaksana tugas)</option>
            </select>
          </div>
          <div class="field">
            <label for="d-start">Mulai ({zoneName})</label>
            <DateInput id="d-start" name="startsAt" type="datetime-local" timeZone={timeZone} />
          </div>
          <div class="field">
            <label for="d-end">Berakhir ({zoneName})</label>
            <DateInput id="d-end" name="endsAt" type="datetime-local" timeZone={timeZone} />
          </div>
          <div class="field">
            <label for="d-reason">Alasan</label>
            <input id="d-reason" name="reason" />
          </div>
          <FormFeedback {...feedback} />
          <div class="buttons">
            <button type="submit" class="primary">
              Simpan
            </button>
          </div>
        </form>
      )}
      <h2>Daftar pendelegasian</h2>
      {list.loading && !list.data && <Loading />}
      {list.error && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.data && list.data.items.length === 0 && <Empty>Belum ada pendelegasian.</Empty>}
      {list.data && list.data.items.length > 0 && (
        <ul class="cards">
          {list.data.items.map((d) => (
            <li key={d.id} class="card" data-testid="delegation">
              <p>
                <strong>{delegationKindLabel(d.kind)}</strong> {roleLabel(d.role)}: {d.delegateName} atas nama {d.principalName}
              </p>
              <p class="meta">
                {dateTime(d.startsAt, timeZone)} sampai {dateTime(d.endsAt, timeZone)} · {d.reason}
                {d.revokedAt && ' · dicabut'}
              </p>
              {!d.revokedAt && (
                <button type="button" onClick={() => void revoke(d)} aria-label={`Cabut ${delegationKindLabel(d.kind)} ${roleLabel(d.role)} ${d.delegateName}, ${dateTime(d.startsAt, timeZone)} sampai ${dateTime(d.endsAt, timeZone)}`}>
                  Cabut
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
