import { useEffect, useState } from 'preact/hooks';
import { api, ok, onSessionLost } from './api/client';
import type { Me } from './api/views';
import { Layout } from './components/layout';
import { Loading } from './components/async';
import { SignInAgain } from './components/sign-in-again';
import { LoginPage } from './pages/login';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/password-reset';
import { routeFor } from './routes';
import { navigate, useLocation } from './router';
import { SessionContext, type Session } from './session';

/** Signed in: the layout and the page of the URL. Signed out: the sign-in page, then back to the URL. */
export function App() {
  const location = useLocation();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  /**
   * The session ended under an open page (it expired, or "Keluar" in another tab): the sign-in form
   * shows over the page, which stays as it was, so what was typed into a form or an action dialog is
   * still there after signing in again as the same person (another person gets fresh pages).
   */
  const [sessionLost, setSessionLost] = useState(false);

  const loadMe = () =>
    ok<Me>(api.GET('/api/me'), { quiet401: true }).then(
      (user) => {
        setMe(user);
        setSessionLost(false);
      },
      () => setMe(null),
    );
  useEffect(() => {
    void loadMe();
    return onSessionLost(() => setSessionLost(true));
  }, []);

  // the pages of a password reset by e-mail need no session
  if (location.pathname === '/lupa-kata-sandi') return <ForgotPasswordPage />;
  if (location.pathname === '/atur-kata-sandi') return <ResetPasswordPage token={location.searchParams.get('token') ?? ''} />;
  if (me === undefined) return <Loading />;
  const signIn = (again: boolean) => (
    <LoginPage
      again={again}
      onSignedIn={async () => {
        await loadMe();
        const next = new URLSearchParams(location.search).get('ke');
        navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : location.pathname === '/masuk' ? '/' : location.pathname + location.search, { replace: true });
      }}
    />
  );
  if (me === null || location.pathname === '/masuk') return signIn(false);

  const session: Session = {
    me,
    // the caller's government's zone: the times a page shows and reads (WIB, WITA or WIT), whatever the browser's clock says
    timeZone: me.timeZone,
    async signOut() {
      await ok(api.POST('/api/auth/logout'), { quiet401: true }).catch(() => undefined);
      setMe(null);
      navigate('/masuk', { replace: true });
    },
  };
  const { Page, params } = routeFor(location.pathname);
  return (
    <>
      {sessionLost && <SignInAgain>{signIn(true)}</SignInAgain>}
      <div key={me.username}>
        <SessionContext.Provider value={session}>
          <Layout>
            <Page params={params} query={location.searchParams} />
          </Layout>
        </SessionContext.Provider>
      </div>
    </>
  );
}
