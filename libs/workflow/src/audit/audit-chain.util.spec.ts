import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { canonicalJson } from './canonical-json.util.js';
import { computeEntryHash, sealEntry, verifyChain, type HashedAuditEntry } from './audit-chain.util.js';

type Entry = Record<string, unknown> & { seq: number };

function entries(): Entry[] {
  const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 1, minute));
  const base = { documentKind: 'quick-win', documentId: '7f0c', comment: null, data: null, contentVersion: 1, contentHash: 'a'.repeat(64) };
  return [
    { ...base, seq: 1, action: 'SUBMIT', fromState: 'draft', toState: 'endorsement', actor: 'paser.drafter', onBehalfOf: null, at: at(0) },
    { ...base, seq: 2, action: 'RETURN', fromState: 'endorsement', toState: 'revision', actor: 'paser.kadis', onBehalfOf: null, comment: 'Lengkapi indikator', at: at(5) },
    { ...base, seq: 3, action: 'RESUBMIT', fromState: 'revision', toState: 'endorsement', actor: 'paser.drafter', onBehalfOf: null, contentVersion: 2, at: at(9) },
    { ...base, seq: 4, action: 'ENDORSE', fromState: 'endorsement', toState: 'verification', actor: 'paser.plt', onBehalfOf: 'paser.kadis', data: { note: 'ok', n: 1 }, at: at(12) },
  ];
}

function chain(list: Entry[]): HashedAuditEntry[] {
  const sealed: HashedAuditEntry[] = [];
  for (const entry of list) {
    sealed.push(sealEntry(sealed.at(-1)?.hash ?? null, entry));
  }
  return sealed;
}

describe('audit hash chain', () => {
  it('hashes the previous hash followed by the canonical JSON of the entry', () => {
    const [first, second] = entries() as [Entry, Entry];
    const h1 = computeEntryHash(null, first);
    expect(h1).toBe(createHash('sha256').update(canonicalJson(first)).digest('hex'));
    expect(computeEntryHash(h1, second)).toBe(createHash('sha256').update(h1 + canonicalJson(second)).digest('hex'));
    expect(() => computeEntryHash(null, { ...first, hash: 'x' })).toThrow(TypeError);
  });

  it('accepts an intact chain, also after a JSON (database) round trip, and an empty one', () => {
    const sealed = chain(entries());
    expect(verifyChain(sealed)).toEqual({ valid: true, firstInvalidSeq: null, reason: null });
    const roundTripped = JSON.parse(JSON.stringify(sealed)) as HashedAuditEntry[];
    expect(verifyChain(roundTripped).valid).toBe(true);
    expect(verifyChain([])).toEqual({ valid: true, firstInvalidSeq: null, reason: null });
  });

  it.each([1, 2, 3, 4])('names entry %i when its content is tampered with', (seq) => {
    const sealed = chain(entries());
    const tampered = sealed.map((entry) => (entry.seq === seq ? { ...entry, actor: 'someone.else' } : entry));
    expect(verifyChain(tampered)).toMatchObject({ valid: false, firstInvalidSeq: seq, reason: expect.stringContaining(`${seq}`) });
  });

  it('names the entry whose stored hash was rewritten', () => {
    const sealed = chain(entries());
    const rewritten = sealed.map((entry) => (entry.seq === 2 ? { ...entry, hash: 'f'.repeat(64) } : entry));
    expect(verifyChain(rewritten)).toMatchObject({ valid: false, firstInvalidSeq: 2 });
  });

  it('detects a re-sealed tampered entry at the next entry', () => {
    const sealed = chain(entries());
    const forged = { ...sealed[1]!, comment: 'diubah' };
    const { hash: _ignored, ...body } = forged;
    const reSealed = [sealed[0]!, { ...body, hash: computeEntryHash(sealed[0]!.hash, body) } as HashedAuditEntry, sealed[2]!, sealed[3]!];
    expect(verifyChain(reSealed)).toMatchObject({ valid: false, firstInvalidSeq: 3 });
  });

  it('detects deleted and reordered entries', () => {
    const sealed = chain(entries());
    expect(verifyChain([sealed[0]!, sealed[2]!, sealed[3]!])).toMatchObject({ valid: false, firstInvalidSeq: 3, reason: expect.stringContaining('expected seq 2') });
    expect(verifyChain([sealed[1]!, sealed[0]!])).toMatchObject({ valid: false, firstInvalidSeq: 2 });
    expect(verifyChain(sealed.slice(0, 3)).valid).toBe(true);
  });
});
