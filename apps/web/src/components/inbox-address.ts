/** Where the inbox's filtered address is kept for this tab, per person (another signing in here starts unfiltered). */
const keyOf = (username: string) => `alur.kotak-masuk.${username}`;

/** Keeps the inbox's filters (its query, without "?") as last shown in this tab. */
export function rememberInboxAddress(username: string, query: string): void {
  try {
    if (query) sessionStorage.setItem(keyOf(username), query);
    else sessionStorage.removeItem(keyOf(username));
  } catch {
    // storage refused (a private window's quota): "Kembali ke Kotak Masuk" opens it unfiltered
  }
}

/** The inbox as `username` last filtered it in this tab: "/" when unfiltered or not known. */
export function inboxAddress(username: string): string {
  try {
    const query = sessionStorage.getItem(keyOf(username));
    return query ? `/?${new URLSearchParams(query)}` : '/';
  } catch {
    return '/';
  }
}
