import { createHmac, timingSafeEqual } from 'node:crypto';

/** What the callback needs from the sign-in it completes: kept in a short-lived, signed HttpOnly cookie. */
export interface OidcLoginState {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export const OIDC_STATE_COOKIE = 'alur_oidc';
export const OIDC_STATE_TTL_MS = 10 * 60_000;

function mac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(`oidc:${payload}`).digest('base64url');
}

/** The cookie value: the state as base64url JSON, a dot, and its HMAC (so a page cannot forge one). */
export function sealLoginState(value: OidcLoginState, secret: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...value, exp: now + OIDC_STATE_TTL_MS })).toString('base64url');
  return `${payload}.${mac(payload, secret)}`;
}

/** The state a sealed cookie holds, or null when it is missing, altered or expired. */
export function openLoginState(sealed: string | null, secret: string, now = Date.now()): OidcLoginState | null {
  const [payload, signature, extra] = (sealed ?? '').split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<OidcLoginState & { exp: number }>;
    if (typeof parsed.exp !== 'number' || parsed.exp < now) return null;
    if (typeof parsed.state !== 'string' || typeof parsed.nonce !== 'string' || typeof parsed.codeVerifier !== 'string') return null;
    return { state: parsed.state, nonce: parsed.nonce, codeVerifier: parsed.codeVerifier };
  } catch {
    return null;
  }
}

/**
 * The provider's claim naming the person, as the NIP or username it is matched with; null when absent
 * or not a string (an 18-digit NIP sent as a JSON number has already lost digits).
 */
export function claimedIdentity(claims: Record<string, unknown>, claim: string): string | null {
  const value = claims[claim];
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
