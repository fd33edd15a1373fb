import type { ComponentChildren } from 'preact';
import { api, ok } from '../api/client';
import { adminProblem } from './admin-problem';
import { toApiError } from './async';

/**
 * The frame of the pages around signing in (Masuk, Ganti kata sandi, Lupa kata sandi, Buat kata sandi baru);
 * `inDialog`: the same inside the dialog that asks to sign in again over an open page (its heading names the dialog).
 */
export function SignInFrame({ title, children, inDialog = false }: { title: string; children: ComponentChildren; inDialog?: boolean }) {
  if (inDialog) {
    return (
      <div class="login">
        <h2 id="sign-in-again-title">{title}</h2>
        {children}
      </div>
    );
  }
  return (
    <main id="isi" class="login">
      <h1>{title}</h1>
      {children}
    </main>
  );
}

/** A form of those pages: its fields, the problem (an alert) when there is one, the submit button, then `after`. */
export function SignInForm(props: { onSubmit(event: Event): void; error: ComponentChildren; busy?: boolean; submit: string; children: ComponentChildren; after?: ComponentChildren }) {
  return (
    <form onSubmit={props.onSubmit} noValidate>
      {props.children}
      {props.error && (
        <p class="alert" role="alert">
          {props.error}
        </p>
      )}
      <div class="buttons">
        <button type="submit" class="primary" disabled={props.busy ?? false}>
          {props.submit}
        </button>
      </div>
      {props.after}
    </form>
  );
}

/** A new password, typed twice (fields `newPassword` and `repeat`; read them with readNewPassword). */
export function NewPasswordFields() {
  return (
    <>
      <label for="new-password">Kata sandi baru</label>
      <input id="new-password" name="newPassword" type="password" autocomplete="new-password" required minLength={12} />
      <label for="repeat-password">Ulangi kata sandi baru</label>
      <input id="repeat-password" name="repeat" type="password" autocomplete="new-password" required />
    </>
  );
}

/** The new password of a form with NewPasswordFields, or what is wrong with it (at least 12 characters, the same twice). */
export function readNewPassword(event: Event): { newPassword: string; problem: null } | { newPassword: null; problem: string } {
  const form = new FormData(event.currentTarget as HTMLFormElement);
  const newPassword = String(form.get('newPassword') ?? '');
  if (newPassword.length < 12) return { newPassword: null, problem: 'Kata sandi baru paling sedikit 12 karakter.' };
  if (newPassword !== String(form.get('repeat') ?? '')) return { newPassword: null, problem: 'Kedua isian kata sandi baru tidak sama.' };
  return { newPassword, problem: null };
}

/**
 * The caller's own password change from a form with NewPasswordFields (`POST /api/me/password`): null once it
 * went through, else what is wrong in words; `replaced` names the password it replaces ("sementara", "sekarang").
 */
export async function changeOwnPassword(event: Event, currentPassword: string, replaced: string, options: { quiet401?: boolean } = {}): Promise<string | null> {
  const { newPassword, problem } = readNewPassword(event);
  if (problem !== null) return problem;
  if (newPassword === currentPassword) return `Kata sandi baru harus berbeda dari kata sandi ${replaced}.`;
  try {
    await ok(api.POST('/api/me/password', { body: { currentPassword, newPassword } }), options);
    return null;
  } catch (error) {
    return adminProblem(toApiError(error));
  }
}
