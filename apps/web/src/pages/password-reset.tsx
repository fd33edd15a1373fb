import { useState } from 'preact/hooks';
import { NewPasswordFields, readNewPassword, SignInForm, SignInFrame } from '../components/sign-in-form';
import { Link } from '../router';

/** The public endpoints of a password reset by e-mail (no session: plain requests to the public API). */
async function post(path: string, body: unknown): Promise<Response> {
  return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin', cache: 'no-store' });
}

/** "Lupa kata sandi": asks for a link by e-mail; the answer is the same whether the account exists or not. */
export function ForgotPasswordPage() {
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const username = String(new FormData(event.currentTarget as HTMLFormElement).get('username') ?? '').trim();
    if (!username) return setError('Isi nama pengguna atau alamat e-mail.');
    setBusy(true);
    setError(null);
    try {
      const res = await post('/api/auth/password-reset/request', { username });
      if (res.status === 202) setSent(true);
      else setError(res.status === 429 ? 'Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.' : 'Permintaan tidak dapat diproses saat ini. Coba lagi.');
    } catch {
      setError('Permintaan tidak dapat diproses saat ini. Coba lagi.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <SignInFrame title="Lupa kata sandi">
      {sent ? (
        <p role="status" data-testid="reset-requested">
          Bila akun tersebut terdaftar dan memiliki alamat e-mail, tautan untuk membuat kata sandi baru telah dikirim ke e-mailnya. Tautan berlaku 30 menit dan hanya dapat dipakai sekali.
        </p>
      ) : (
        <SignInForm onSubmit={submit} error={error} busy={busy} submit="Kirim tautan">
          <p class="muted">Masukkan nama pengguna atau alamat e-mail Anda. Kami akan mengirim tautan untuk membuat kata sandi baru.</p>
          <label for="username">Nama pengguna atau e-mail</label>
          <input id="username" name="username" autocomplete="username" required />
        </SignInForm>
      )}
      <p>
        <Link href="/masuk">Kembali ke halaman masuk</Link>
      </p>
    </SignInFrame>
  );
}

/** The page the e-mailed link opens: a new password, typed twice, set with the link's one-time token. */
export function ResetPasswordPage({ token }: { token: string }) {
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const { newPassword, problem } = readNewPassword(event);
    if (problem !== null) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      const res = await post('/api/auth/password-reset', { token, newPassword });
      if (res.status === 204) setDone(true);
      else
        setError(
          res.status === 400
            ? 'Tautan ini tidak berlaku lagi (sudah dipakai, kedaluwarsa, atau bukan tautan terbaru). Minta tautan baru.'
            : res.status === 429
              ? 'Terlalu banyak percobaan. Tunggu sebentar lalu coba lagi.'
              : 'Kata sandi tidak dapat disimpan saat ini. Coba lagi.',
        );
    } catch {
      setError('Kata sandi tidak dapat disimpan saat ini. Coba lagi.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <SignInFrame title="Buat kata sandi baru">
      {done ? (
        <p role="status" data-testid="password-reset-done">
          Kata sandi baru Anda telah disimpan. <Link href="/masuk">Masuk</Link> dengan kata sandi tersebut.
        </p>
      ) : !token ? (
        <p class="alert" role="alert">
          Tautan tidak lengkap. Buka tautan dari e-mail Anda, atau <Link href="/lupa-kata-sandi">minta tautan baru</Link>.
        </p>
      ) : (
        <SignInForm
          onSubmit={submit}
          error={error && <>{error} {error.startsWith('Tautan') && <Link href="/lupa-kata-sandi">Minta tautan baru</Link>}</>}
          busy={busy}
          submit="Simpan kata sandi"
        >
          <NewPasswordFields />
        </SignInForm>
      )}
    </SignInFrame>
  );
}
