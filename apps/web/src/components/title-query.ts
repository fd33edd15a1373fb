/** The most words and characters the API's `q` takes (`TitleWords`). */
const MAX_WORDS = 8;
const MAX_LENGTH = 200;

/**
 * The words typed into a title search, as the API's `q` takes them: the first eight, lower case, or null
 * when there are none or they are longer than `q` may be (the page then filters only what it has loaded).
 */
export function titleQuery(typed: string): string | null {
  const query = searchWords(typed).slice(0, MAX_WORDS).join(' ');
  return query === '' || query.length > MAX_LENGTH || /[\x00-\x1f\x7f]/.test(query) ? null : query;
}

/** The words typed into a title search, lower case: a title passes when it holds every one. */
export function searchWords(typed: string): string[] {
  return typed.toLowerCase().split(/\s+/).filter(Boolean);
}
