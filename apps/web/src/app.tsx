import { useEffect, useState } from 'preact/hooks';
import { api, ok, onSessionLost } from './api/client';
import type { Me } from './api/views';
import { Layout } from './components/layout';
import { Loading } from './components/async';
import { LoginPage } from './pages/login';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/password-reset';
import { routeFor } from './routes';
import { navigate, useLocation } from './router';
import { SessionContext, type Session } from './session';

/** Signed in: the layout and the page of the URL. Signed out: the sign-in page, then back to the URL. */
export function App() {
  const location = useLocation();
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  const loadMe = () =>
    ok<Me>(api.GET('/api/me'), { quiet401: true }).then(
      (user) => setMe(user),
      () => setMe(null),
    );
  useEffect(() => {
    void loadMe();
    return onSessionLost(() => setMe(null));
  }, []);

  // the pages of a password reset by e-mail need no session
  if (location.pathname === '/lupa-kata-sandi') return <ForgotPasswordPage />;
  if (location.pathname === '/atur-kata-sandi') return <ResetPasswordPage token={location.searchParams.get('token') ?? ''} />;
  if (me === undefined) return <Loading />;
  if (me === null || location.pathname === '/masuk') {
    return (
      <LoginPage
        onSignedIn={async () => {
          await loadMe();
          const next = new URLSearchParams(location.search).get('ke');
          navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : location.pathname === '/masuk' ? '/' : location.pathname + location.search, { replace: true });
        }}
      />
    );
  }

  const session: Session = {
    me,
    async signOut() {
      await ok(api.POST('/api/auth/logout'), { quiet401: true }).catch(() => undefined);
      setMe(null);
      navigate('/masuk', { replace: true });
    },
  };
  const { Page, params } = routeFor(location.pathname);
  return (
    <SessionContext.Provider value={session}>
      <Layout>
        <Page params={params} query={location.searchParams} />
      </Layout>
    </SessionContext.Provider>
  );
}
