import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * Signing in again over the open page when the session ended under it (expired, or "Keluar" in another
 * tab): a modal dialog on top of everything, also of an action dialog that was open, so the page and
 * what was typed into it stay as they were, behind it. It cannot be dismissed: the page needs a session.
 */
export function SignInAgain({ children }: { children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog ref={ref} class="sign-in-again" aria-labelledby="sign-in-again-title" onCancel={(event) => event.preventDefault()}>
      {children}
    </dialog>
  );
}
