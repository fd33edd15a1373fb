import { useState } from 'preact/hooks';
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
    <main id="isi" class="login">
      <h1>Lupa kata sandi</h1>
      {sent ? (
        <p role="status" data-testid="reset-requested">
          Bila akun tersebut terdaftar dan memiliki alamat e-mail, tautan untuk membuat kata sandi baru telah dikirim ke e-mailnya. Tautan berlaku 30 menit dan hanya dapat dipakai sekali.
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <p class="muted">Masukkan nama pengguna atau alamat e-mail Anda. Kami akan mengirim tautan untuk membuat kata sandi baru.</p>
          <label for="username">Nama pengguna atau e-mail</label>
          <input id="username" name="username" autocomplete="username" required />
          {error && (
            <p class="alert" role="alert">
              {error}
            </p>
          )}
          <button type="submit" class="primary" disabled={busy}>
            Kirim tautan
          </button>
        </form>
      )}
      <p>
        <Link href="/masuk">Kembali ke halaman masuk</Link>
      </p>
    </main>
  );
}

/** The page the e-mailed link opens: a new password, typed twice, set with the link's one-time token. */
export function ResetPasswordPage({ token }: { token: string }) {
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const newPassword = String(form.get('newPassword') ?? '');
    if (newPassword.length < 12) return setError('Kata sandi baru paling sedikit 12 karakter.');
    if (newPassword !== String(form.get('repeat') ?? '')) return setError('Kedua isian kata sandi baru tidak sama.');
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
    <main id="isi" class="login">
      <h1>Buat kata sandi baru</h1>
      {done ? (
        <p role="status" data-testid="password-reset-done">
          Kata sandi baru Anda telah disimpan. <Link href="/masuk">Masuk</Link> dengan kata sandi tersebut.
        </p>
      ) : !token ? (
        <p class="alert" role="alert">
          Tautan tidak lengkap. Buka tautan dari e-mail Anda, atau <Link href="/lupa-kata-sandi">minta tautan baru</Link>.
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <label for="new-password">Kata sandi baru</label>
          <input id="new-password" name="newPassword" type="password" autocomplete="new-password" required minLength={12} />
          <label for="repeat-password">Ulangi kata sandi baru</label>
          <input id="repeat-password" name="repeat" type="password" autocomplete="new-password" required />
          {error && (
            <p class="alert" role="alert">
              {error} {error.startsWith('Tautan') && <Link href="/lupa-kata-sandi">Minta tautan baru</Link>}
            </p>
          )}
          <button type="submit" class="primary" disabled={busy}>
            Simpan kata sandi
          </button>
        </form>
      )}
    </main>
  );
}
