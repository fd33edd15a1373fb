import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me } from './api/views';

export interface Session {
  me: Me;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user (pages below the layout only render with one). */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}

export const hasRole = (me: Me, role: string) => (me.roles as readonly string[]).includes(role);
