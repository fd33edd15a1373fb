import { useState } from 'preact/hooks';
import { api, ok } from '../api/client';
import { adminProblem } from '../components/admin-problem';
import { toApiError } from '../components/async';
import { FormFeedback, useFeedback } from '../components/form-feedback';
import { NewPasswordFields, readNewPassword } from '../components/sign-in-form';
import { dateTime, roleLabel } from '../i18n/words';
import { useSession } from '../session';

/** Akun Saya: who the signed-in person is to alur (from `GET /api/me`), and their own password change. */
export function AccountPage() {
  const { me, timeZone } = useSession();
  const feedback = useFeedback();
  const [busy, setBusy] = useState(false);

  async function changePassword(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const currentPassword = String(new FormData(form).get('currentPassword') ?? '');
    if (currentPassword === '') return feedback.fail('Isi kata sandi sekarang.');
    const { newPassword, problem } = readNewPassword(event);
    if (problem !== null) return feedback.fail(problem);
    if (newPassword === currentPassword) return feedback.fail('Kata sandi baru harus berbeda dari kata sandi sekarang.');
    setBusy(true);
    try {
      await ok(api.POST('/api/me/password', { body: { currentPassword, newPassword } }));
      form.reset();
      feedback.succeed('Kata sandi Anda telah diganti. Sesi Anda di perangkat lain telah diakhiri.');
    } catch (error) {
      feedback.fail(adminProblem(toApiError(error)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h1>Akun Saya</h1>
      <dl class="fields">
        <div>
          <dt>Nama</dt>
          <dd>{me.name}</dd>
        </div>
        <div>
          <dt>Nama pengguna</dt>
          <dd>{me.username}</dd>
        </div>
        <div>
          <dt>NIP</dt>
          <dd>{me.nip ?? '-'}</dd>
        </div>
        <div>
          <dt>Unit kerja</dt>
          <dd>{me.unitName}</dd>
        </div>
        <div>
          <dt>Pemerintah daerah</dt>
          <dd>{me.governmentName}</dd>
        </div>
        <div>
          <dt>Peran</dt>
          <dd>{me.roles.length > 0 ? me.roles.map(roleLabel).join(', ') : '-'}</dd>
        </div>
      </dl>
      {me.delegations.length > 0 && (
        <>
          <h2>Pendelegasian yang Anda pegang</h2>
          <ul class="cards">
            {me.delegations.map((d) => (
              <li key={d.id} class="card" data-testid="held-delegation">
                <p>
                  <strong>{d.kind === 'PLT' ? 'Plt' : 'Plh'}</strong> {roleLabel(d.role)} atas nama {d.principalName}
                </p>
                <p class="meta">sampai {dateTime(d.endsAt, timeZone)}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Ganti kata sandi</h2>
      {me.hasPassword ? (
        <form onSubmit={changePassword} noValidate aria-label="Ganti kata sandi">
          <label for="current-password">Kata sandi sekarang</label>
          <input id="current-password" name="currentPassword" type="password" autocomplete="current-password" required />
          <NewPasswordFields />
          <FormFeedback {...feedback} />
          <div class="buttons">
            <button type="submit" class="primary" disabled={busy}>
              Simpan kata sandi
            </button>
          </div>
        </form>
      ) : (
        <p class="muted">Anda masuk melalui SSO instansi Anda; kata sandi Anda diatur di sana, bukan di alur.</p>
      )}
    </section>
  );
}
