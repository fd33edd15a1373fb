import { describe, expect, it } from '@jest/globals';
import { computeEntryHash } from './audit-chain.util.js';
import { canonicalEntry, sealDocumentEntry, verifyDocumentChain, type AuditFields } from './document-audit.js';

const DOC = '0b7f3c1e-9d2a-4f57-8a61-2c9e4d1b7a30';

function fields(action: string, minute: number, extra: Partial<AuditFields> = {}): AuditFields {
  return {
    action,
    fromState: action === 'CREATE' ? null : 'draft',
    toState: 'endorsement',
    actor: 'kaltim.drafter',
    onBehalfOf: null,
    comment: null,
    data: null,
    contentVersion: 1,
    contentHash: 'a'.repeat(64),
    at: new Date(Date.UTC(2026, 11, 2, 1, minute)),
    ...extra,
  };
}

function chain(list: AuditFields[]) {
  const sealed: Array<AuditFields & { seq: number; hash: string }> = [];
  for (const f of list) {
    const last = sealed.at(-1);
    const entry = sealDocumentEntry(DOC, { seq: last?.seq ?? 0, hash: last?.hash ?? null }, f);
    sealed.push({ ...f, seq: entry.seq, hash: entry.hash });
  }
  return sealed;
}

describe('document audit chain', () => {
  const entries = chain([fields('CREATE', 0), fields('SUBMIT', 1), fields('ENDORSE', 2, { actor: 'kaltim.plh', onBehalfOf: 'kaltim.kadis', data: { n: 1 } })]);
  const head = { lastSeq: 3, lastHash: entries[2].hash };

  it('hashes the canonical entry (document id, seq, every field, time as ISO text) after the previous hash', () => {
    const sealed = sealDocumentEntry(DOC, { seq: 1, hash: entries[0].hash }, fields('SUBMIT', 1));
    expect(sealed.seq).toBe(2);
    expect(sealed.prevHash).toBe(entries[0].hash);
    expect(sealed.at).toBe('2026-12-02T01:01:00.000Z');
    expect(sealed.hash).toBe(computeEntryHash(entries[0].hash, canonicalEntry(DOC, 2, fields('SUBMIT', 1))));
    expect(sealed.hash).toBe(entries[1].hash);
  });

  it('accepts an untouched chain ending at the recorded head', () => {
    expect(verifyDocumentChain(DOC, entries, head)).toEqual({ valid: true, firstInvalidSeq: null, reason: null });
  });

  it('names the first entry whose fields changed', () => {
    const forged = entries.map((e) => (e.seq === 2 ? { ...e, actor: 'kaltim.sekda' } : e));
    expect(verifyDocumentChain(DOC, forged, head)).toMatchObject({ valid: false, firstInvalidSeq: 2 });
  });

  it('sees a deleted last entry, one appended outside the chain and a re-hashed head', () => {
    expect(verifyDocumentChain(DOC, entries.slice(0, 2), head)).toMatchObject({ valid: false, firstInvalidSeq: 3 });
    expect(verifyDocumentChain(DOC, entries, { lastSeq: 2, lastHash: entries[1].hash })).toMatchObject({ valid: false, firstInvalidSeq: 3 });
    const rehashed = chain([fields('CREATE', 0), fields('SUBMIT', 1), fields('ENDORSE', 2, { actor: 'kaltim.sekda' })]);
    expect(verifyDocumentChain(DOC, rehashed, head)).toMatchObject({ valid: false, firstInvalidSeq: 3 });
  });

  it('ties every entry to its document', () => {
    expect(verifyDocumentChain('5d0e2a44-1c1b-4f0e-9a57-7e0f5c2b9d11', entries, head)).toMatchObject({ valid: false, firstInvalidSeq: 1 });
  });
});
