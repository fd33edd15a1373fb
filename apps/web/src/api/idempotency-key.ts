import { useState } from 'preact/hooks';

/**
 * A key for one intended action (api.md: `Idempotency-Key`): when its answer is lost on the way and
 * the person sends again, the API answers with the first result instead of refusing the document's
 * new version as someone else's change. Made with getRandomValues, which, unlike crypto.randomUUID,
 * also exists on an intranet served over plain HTTP.
 */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The key of a form that makes something: the same until it is made, so "Simpan" again after a lost
 * answer gets the first answer instead of a second row or a 409; `renew` after success.
 */
export function useIdempotencyKey(): { header: { 'Idempotency-Key': string }; renew: () => void } {
  const [key, setKey] = useState(newIdempotencyKey);
  return { header: { 'Idempotency-Key': key }, renew: () => setKey(newIdempotencyKey()) };
}
