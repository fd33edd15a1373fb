/**
 * Characters that change how the text around them reads without being seen: C0/C1 controls, bidi
 * overrides, embeddings, isolates and marks, zero-width characters, the BOM, a lone surrogate. The
 * API refuses them in new text; documents, names and notifications stored before may still hold them.
 */
const HIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uD800-\uDFFF]/gu;

const codePoint = (c: string) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`;

/** Hidden characters shown as `[U+202E]`, so that `abc\u202Egnp.exe` reads as what it is. Idempotent. */
export function revealHidden(text: string): string {
  return text.replace(HIDDEN, codePoint);
}

/**
 * A value written by someone else, as a notification or e-mail quotes it: hidden characters shown,
 * line breaks and tabs as spaces (a quote cannot start a paragraph of its own), `"` escaped (it
 * cannot close the quote around it).
 */
export function quoted(value: string): string {
  return revealHidden(value).replace(/[\r\n\t]+/g, ' ').replace(/"/g, '\\"');
}
