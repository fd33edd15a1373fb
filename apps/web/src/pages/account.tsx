import { useState } from 'preact/hooks';
import { FieldList } from '../components/field-list';
import { FormFeedback, useFeedback } from '../components/form-feedback';
import { changeOwnPassword, NewPasswordFields } from '../components/sign-in-form';
import { dateTime, delegationKindLabel, roleLabel } from '../i18n/words';
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
    setBusy(true);
    const problem = await changeOwnPassword(event, currentPassword, 'sekarang').finally(() => setBusy(false));
    if (problem !== null) return feedback.fail(problem);
    form.reset();
    feedback.succeed('Kata sandi Anda telah diganti. Sesi Anda di perangkat lain telah diakhiri.');
  }

  return (
    <section>
      <h1>Akun Saya</h1>
      <FieldList
        rows={[
          ['Nama', me.name],
          ['Nama pengguna', me.username],
          ['NIP', me.nip ?? '-'],
          ['Unit kerja', me.unitName],
          ['Pemerintah daerah', me.governmentName],
          ['Peran', me.roles.length > 0 ? me.roles.map(roleLabel).join(', ') : '-'],
        ]}
      />
      {me.delegations.length > 0 && (
        <>
          <h2>Pendelegasian yang Anda pegang</h2>
          <ul class="cards">
            {me.delegations.map((d) => (
              <li key={d.id} class="card" data-testid="held-delegation">
                <p>
                  <strong>{delegationKindLabel(d.kind)}</strong> {roleLabel(d.role)} atas nama {d.principalName}
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
