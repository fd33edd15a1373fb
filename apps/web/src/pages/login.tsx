import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, ok } from '../api/client';
import type { SignInResult } from '../api/views';
import { changeOwnPassword, NewPasswordFields, SignInForm, SignInFrame } from '../components/sign-in-form';
import { Link } from '../router';

/** GET /api/auth/providers: how this deployment lets people sign in (public). */
interface SignInProviders {
  password: boolean;
  passwordReset: boolean;
  oidc: boolean;
}

function useSignInProviders(): SignInProviders | null {
  const [providers, setProviders] = useState<SignInProviders | null>(null);
  useEffect(() => {
    fetch('/api/auth/providers', { credentials: 'same-origin', cache: 'no-store' })
      .then((res) => (res.ok ? (res.json() as Promise<SignInProviders>) : null))
      .then(setProviders, () => setProviders(null));
  }, []);
  return providers;
}

/** A throttled sign-in (429) in words, with the wait the API's Retry-After asks for. */
export function throttledText(retryAfterSeconds: number): string {
  const wait =
    !Number.isFinite(retryAfterSeconds) || retryAfterSeconds <= 0
      ? 'sebentar'
      : retryAfterSeconds < 60
        ? `${Math.ceil(retryAfterSeconds)} detik`
        : `${Math.ceil(retryAfterSeconds / 60)} menit`;
  return `Terlalu banyak percobaan masuk. Demi keamanan, percobaan masuk ditahan sementara. Coba lagi dalam ${wait}.`;
}

/** `again`: the session ended under an open page, which waits behind this form (see SignInAgain). */
export function LoginPage({ onSignedIn, again = false }: { onSignedIn(): Promise<void>; again?: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [temporary, setTemporary] = useState<string | null>(null);
  const providers = useSignInProviders();

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!username || !password) return setError('Isi nama pengguna dan kata sandi.');
    setBusy(true);
    setError(null);
    const call = api.POST('/api/auth/session', { body: { username, password } });
    try {
      const session = await ok<SignInResult>(call, { quiet401: true });
      if (session.mustChangePassword) setTemporary(password);
      else await onSignedIn();
    } catch (e) {
      const status = e instanceof ApiError ? e.status : 0;
      if (status === 429) {
        const retryAfter = Number((await call.catch(() => null))?.response.headers.get('Retry-After'));
        setError(throttledText(retryAfter));
      } else setError(status === 401 ? 'Nama pengguna atau kata sandi salah.' : 'Tidak dapat masuk saat ini. Coba lagi.');
    } finally {
      setBusy(false);
    }
  }

  if (temporary !== null) return <ChangeTemporaryPassword currentPassword={temporary} onChanged={onSignedIn} inDialog={again} />;
  return (
    <SignInFrame title="Masuk ke alur" inDialog={again}>
      {again ? (
        <p class="alert" role="alert">
          Sesi Anda telah berakhir. Masuk kembali untuk melanjutkan; yang sudah Anda isi di halaman ini tetap ada.
        </p>
      ) : (
        <p class="muted">Alur kerja Quick Win dan Peraturan Kepala Daerah tentang sistem kerja.</p>
      )}
      {providers?.oidc && (
        <p>
          {/* a full page load: the API redirects to the identity provider */}
          <a class="button primary" href="/api/auth/oidc/login" data-testid="sso-login">
            Masuk dengan SSO
          </a>
        </p>
      )}
      {providers?.password !== false && (
        <SignInForm
          onSubmit={submit}
          error={error}
          busy={busy}
          submit="Masuk"
          after={
            providers?.passwordReset && (
              <p>
                <Link href="/lupa-kata-sandi">Lupa kata sandi?</Link>
              </p>
            )
          }
        >
          <label for="username">Nama pengguna</label>
          <input id="username" name="username" autocomplete="username" required />
          <label for="password">Kata sandi</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </SignInForm>
      )}
    </SignInFrame>
  );
}

/** After signing in with a temporary password: the new one, typed twice, before anything else. */
function ChangeTemporaryPassword({ currentPassword, onChanged, inDialog }: { currentPassword: string; onChanged(): Promise<void>; inDialog: boolean }) {
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const problem = await changeOwnPassword(event, currentPassword, 'sementara', { quiet401: true });
    if (problem !== null) return setError(problem);
    await onChanged();
  }

  return (
    <SignInFrame title="Ganti kata sandi" inDialog={inDialog}>
      <p class="muted">Anda masuk dengan kata sandi sementara. Buat kata sandi baru sebelum melanjutkan.</p>
      <SignInForm onSubmit={submit} error={error} submit="Simpan kata sandi">
        <NewPasswordFields />
      </SignInForm>
    </SignInFrame>
  );
}
