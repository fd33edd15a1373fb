/**
 * A key for one intended action (api.md: `Idempotency-Key`): when its answer is lost on the way and
 * the person sends again, the API answers with the first result instead of refusing the document's
 * new version as someone else's change. Made with getRandomValues, which, unlike crypto.randomUUID,
 * also exists on an intranet served over plain HTTP.
 */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
