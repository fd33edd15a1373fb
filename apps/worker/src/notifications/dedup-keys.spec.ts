import { describe, expect, it } from '@jest/globals';
import { deadlineDedupKey, messageIdFor, outboxDedupKey, targetDateDedupKey } from './dedup-keys.js';

const ID = '0b6f0f9e-5b8a-4f7e-9d57-3c1a2f6c9e11';

describe('deduplication keys and Message-IDs', () => {
  it('name the fact and the recipient, not the generation', () => {
    expect(deadlineDedupKey(ID, 'ESCALATION', 2, 'kaltim.sekda')).toBe(`deadline:${ID}:ESCALATION:2:kaltim.sekda`);
    expect(outboxDedupKey('42', 'paser.drafter')).toBe('outbox:42:paser.drafter');
    expect(targetDateDedupKey(ID, '2026-12-31', 7, 'kaltim.drafter')).toBe(`target:${ID}:2026-12-31:7d:kaltim.drafter`);
  });

  it('make a valid, stable Message-ID: <dedup-key@alur> with what a dot-atom cannot hold replaced', () => {
    const id = messageIdFor(deadlineDedupKey(ID, 'REMINDER', 1, 'kaltim.kadis'));
    expect(id).toBe(`<deadline.${ID}.REMINDER.1.kaltim.kadis@alur>`);
    expect(id).toMatch(/^<[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@alur>$/);
    expect(messageIdFor('a::b <c>@d"e')).toBe('<a.b.c.d.e@alur>');
    expect(messageIdFor(':::')).toBe('<notification@alur>');
  });
});
