import { useState } from 'preact/hooks';
import { api, ApiError, ok } from '../api/client';
import type { SignInResult } from '../api/views';

export function LoginPage({ onSignedIn }: { onSignedIn(): Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!username || !password) return setError('Isi nama pengguna dan kata sandi.');
    setBusy(true);
    setError(null);
    try {
      await ok<SignInResult>(api.POST('/api/auth/session', { body: { username, password } }), { quiet401: true });
      await onSignedIn();
    } catch (e) {
      const status = e instanceof ApiError ? e.status : 0;
      setError(
        status === 401
          ? 'Nama pengguna atau kata sandi salah.'
          : status === 429
            ? 'Terlalu banyak percobaan masuk. Tunggu sebentar lalu coba lagi.'
            : 'Tidak dapat masuk saat ini. Coba lagi.',
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="isi" class="login">
      <h1>Masuk ke alur</h1>
      <p class="muted">Alur kerja Quick Win dan Peraturan Kepala Daerah tentang sistem kerja.</p>
      <form onSubmit={submit} noValidate>
        <label for="username">Nama pengguna</label>
        <input id="username" name="username" autocomplete="username" required />
        <label for="password">Kata sandi</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        {error && (
          <p class="alert" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          Masuk
        </button>
      </form>
    </main>
  );
}
