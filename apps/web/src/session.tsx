import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me } from './api/views';
import { actingRoles } from './components/acting-roles';

export interface Session {
  me: Me;
  /** The IANA zone of the caller's government (Asia/Makassar: WITA), in which pages show and read times. */
  timeZone: string;
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

/**
 * The caller may act in `role` now: their own, or received as Plt/Plh (the API lets a drafter's Plt/Plh
 * create the principal's documents, for instance).
 */
export const holdsRole = (me: Me, role: string) => actingRoles(me).has(role);

/** Only a DRAFTER (pemrakarsa), or their Plt/Plh, creates documents: the API refuses anyone else (403). */
export const canDraft = (me: Me) => holdsRole(me, 'DRAFTER');
