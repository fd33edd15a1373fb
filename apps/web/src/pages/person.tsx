import { useState } from 'preact/hooks';
import { api, ok } from '../api/client';
import { useIdempotencyKey } from '../api/idempotency-key';
import type { AdminAuditPage, Person } from '../api/views';
import { adminProblem } from '../components/admin-problem';
import { Empty, ErrorMessage, Loading, toApiError, useLoad } from '../components/async';
import { auditActionText, auditChangeLines } from '../i18n/admin-audit-text';
import { dateTime, GRANTABLE_ROLES, number, roleLabel } from '../i18n/words';
import { Link, navigate } from '../router';
import type { PageProps } from '../routes';
import { useSession } from '../session';
import { useUnits } from './people';
import { FormFeedback, useFeedback } from '../components/form-feedback';

/** The person's fields from the form, or a problem in Bahasa Indonesia. */
function readPerson(form: FormData, creating: boolean): Record<string, unknown> | string {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const roles = form.getAll('roles').map(String);
  if (creating && !text('username')) return 'Nama pengguna wajib diisi.';
  if (!text('name')) return 'Nama wajib diisi.';
  if (!text('unitCode')) return 'Pilih unit kerja.';
  if (roles.length === 0) return 'Pilih paling sedikit satu peran.';
  const person: Record<string, unknown> = { name: text('name'), nip: text('nip') || null, email: text('email') || null, unitCode: text('unitCode'), roles };
  if (creating) person.username = text('username');
  else person.active = form.get('active') === 'on';
  return person;
}

/** Pegawai baru (`/pegawai/baru`) or one person (`/pegawai/:username`): fields, active, password reset. */
export function PersonPage({ params }: PageProps) {
  const creating = !params.username;
  const { me } = useSession();
  const person = useLoad(
    () => (creating ? Promise.resolve(null) : ok<Person>(api.GET('/api/users/{username}', { params: { path: { username: params.username! } } }))),
    [params.username],
  );
  const units = useUnits(person.data?.governmentCode ?? me.governmentCode);
  const feedback = useFeedback();
  const idempotency = useIdempotencyKey();
  const [temporary, setTemporary] = useState<string | null>(null);

  async function save(event: Event) {
    event.preventDefault();
    feedback.clear(); // the last save's words go as this one starts
    const fields = readPerson(new FormData(event.currentTarget as HTMLFormElement), creating);
    if (typeof fields === 'string') return feedback.fail(fields);
    if (!creating && person.data?.active && fields.active === false && !confirm(`Nonaktifkan ${person.data.name}? Sesinya berakhir seketika dan tidak menerima tugas lagi.`)) return;
    try {
      if (creating) {
        const created = await ok<Person>(api.POST('/api/users', { params: { header: idempotency.header }, body: fields as never }));
        feedback.clear();
        navigate(`/pegawai/${encodeURIComponent(created.username)}?baru=1`);
        return;
      }
      person.show(await ok<Person>(api.PATCH('/api/users/{username}', { params: { path: { username: params.username! } }, body: fields as never })));
      feedback.succeed('Perubahan disimpan.');
    } catch (error) {
      feedback.fail(adminProblem(toApiError(error)));
    }
  }

  async function resetPassword() {
    try {
      const answer = await ok(api.POST('/api/users/{username}/password-reset', { params: { path: { username: params.username! } } }));
      if (answer.delivery === 'EMAIL') {
        setTemporary(null);
        feedback.succeed(`Tautan untuk membuat kata sandi baru dikirim ke ${answer.email}; berlaku 30 menit dan hanya sekali.`);
      } else {
        feedback.clear();
        setTemporary(answer.temporaryPassword);
      }
      person.reload();
    } catch (error) {
      const e = toApiError(error);
      feedback.fail(e.status === 403 && person.data && !person.data.active ? 'Pegawai nonaktif: aktifkan kembali sebelum mengatur ulang kata sandi.' : adminProblem(e));
    }
  }

  if (person.error) return <ErrorMessage error={person.error} onRetry={person.reload} />;
  if (!creating && person.data?.username !== params.username) return <Loading />;
  const p = person.data;
  return (
    <section>
      <p>
        <Link href="/pegawai">Kembali ke daftar pegawai</Link>
      </p>
      <h1>{p ? p.name : 'Tambah pegawai'}</h1>
      {new URLSearchParams(location.search).has('baru') && p && !p.hasPassword && (
        <p class="notice" role="status">
          Pegawai ditambahkan. Atur ulang kata sandi untuk memberi kata sandi sementara.
        </p>
      )}
      <form onSubmit={save} noValidate class="doc-form" key={p?.updatedAt ?? 'baru'}>
        {creating ? (
          <div class="field">
            <label for="p-username">Nama pengguna</label>
            <input id="p-username" name="username" autocomplete="off" placeholder="mis. paser.rina" />
          </div>
        ) : (
          <p>
            Nama pengguna: <strong>{p!.username}</strong>
          </p>
        )}
        <div class="field">
          <label for="p-name">Nama</label>
          <input id="p-name" name="name" defaultValue={p?.name ?? ''} />
        </div>
        <div class="field">
          <label for="p-nip">NIP</label>
          <input id="p-nip" name="nip" inputMode="numeric" defaultValue={p?.nip ?? ''} aria-describedby="p-nip-hint" />
          <p id="p-nip-hint" class="muted">
            18 angka, boleh dikosongkan.
          </p>
        </div>
        <div class="field">
          <label for="p-email">Surel</label>
          <input id="p-email" name="email" type="email" defaultValue={p?.email ?? ''} />
        </div>
        <div class="field">
          <label for="p-unit">Unit kerja</label>
          <select id="p-unit" name="unitCode" key={units.data ? 'units' : 'loading'}>
            <option value="">Pilih unit kerja</option>
            {units.data?.items.map((u) => (
              <option key={u.code} value={u.code} selected={u.code === p?.unitCode}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>Peran</legend>
          {GRANTABLE_ROLES.map((r) => (
            // the box beside its name (label.check): a name on the line between two boxes was read as the next box's
            <label key={r} class="check" for={`p-role-${r}`}>
              <input id={`p-role-${r}`} type="checkbox" name="roles" value={r} defaultChecked={(p?.roles as readonly string[] | undefined)?.includes(r) ?? false} />
              {roleLabel(r)}
            </label>
          ))}
        </fieldset>
        {p && (
          <label class="check" for="p-active">
            <input id="p-active" type="checkbox" name="active" defaultChecked={p.active} />
            Aktif
          </label>
        )}
        <FormFeedback {...feedback} />
        <div class="buttons">
          <button type="submit" class="primary">
            {creating ? 'Tambah pegawai' : 'Simpan'}
          </button>
        </div>
      </form>
      {p && (
        <section aria-labelledby="kata-sandi">
          <h2 id="kata-sandi">Kata sandi</h2>
          <p class="muted">
            {p.hasPassword ? (p.mustChangePassword ? 'Memakai kata sandi sementara.' : 'Sudah memiliki kata sandi.') : 'Belum memiliki kata sandi.'}
          </p>
          {temporary && (
            <div class="notice" role="status">
              <p>
                Kata sandi sementara (hanya ditampilkan sekali; sampaikan kepada pegawai, yang harus menggantinya saat masuk):
              </p>
              <p>
                <code data-testid="temporary-password">{temporary}</code>
              </p>
            </div>
          )}
          <button type="button" onClick={() => void resetPassword()}>
            Atur ulang kata sandi
          </button>
        </section>
      )}
      {p && <PersonHistory username={p.username} shown={p} />}
    </section>
  );
}

const HISTORY_LIMIT = 50;

/** Riwayat perubahan: the person's entries of the administration audit, newest first; asked again whenever `shown` is read again. */
function PersonHistory({ username, shown }: { username: string; shown: Person }) {
  const { timeZone } = useSession();
  const history = useLoad(
    () => ok<AdminAuditPage>(api.GET('/api/admin/audit', { params: { query: { targetType: 'USER', targetKey: username, limit: String(HISTORY_LIMIT) } as never } })),
    [username, shown],
  );
  return (
    <section aria-labelledby="riwayat-perubahan">
      <h2 id="riwayat-perubahan">Riwayat perubahan</h2>
      {history.loading && !history.data && <Loading />}
      {history.error && <ErrorMessage error={history.error} onRetry={history.reload} />}
      {history.data && history.data.items.length === 0 && <Empty>Belum ada perubahan yang tercatat.</Empty>}
      {history.data && history.data.items.length > 0 && (
        <ol class="timeline">
          {history.data.items.map((entry) => (
            <li key={entry.id} data-testid="person-change">
              <strong>{auditActionText(entry.action)}</strong> oleh {entry.actorName ?? 'perintah bootstrap'} · {dateTime(entry.at, timeZone)}
              <ul class="changes">
                {auditChangeLines(entry).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {history.data && history.data.total > history.data.items.length && (
        <p class="muted">
          {number(history.data.items.length)} perubahan terakhir dari {number(history.data.total)}.
        </p>
      )}
    </section>
  );
}
