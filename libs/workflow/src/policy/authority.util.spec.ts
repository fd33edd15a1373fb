import { describe, expect, it } from '@jest/globals';
import { creatorsOf, EDIT_ACTION } from './authority.util.js';
import type { DocumentFacts, PastAction } from './policy.types.js';

const documentBy = (createdBy: string, history: PastAction[]): DocumentFacts => ({
  kind: 'quick-win',
  state: 'endorsement',
  createdBy,
  governmentCode: 'berau',
  governmentLevel: 'REGENCY',
  parentGovernmentCode: 'kaltim',
  unitCode: 'diskominfo',
  history,
});

const created = (actor: string, onBehalfOf: string | null = null): PastAction => ({ action: 'CREATE', fromState: null, actor, onBehalfOf });
const edited = (actor: string, onBehalfOf: string | null = null): PastAction => ({ action: EDIT_ACTION, fromState: 'revision', actor, onBehalfOf });

describe('creatorsOf', () => {
  it('is the creator alone when they wrote it themselves', () => {
    expect(creatorsOf(documentBy('berau.drafter', [created('berau.drafter'), edited('berau.drafter')]))).toEqual(['berau.drafter']);
  });

  it('adds the delegate who created it for the creator', () => {
    expect(creatorsOf(documentBy('berau.drafter', [created('berau.plh', 'berau.drafter')]))).toEqual(['berau.drafter', 'berau.plh']);
  });

  it('adds every delegate who edited it for the creator, once each', () => {
    const history = [created('berau.drafter'), edited('berau.kadis', 'berau.drafter'), { action: 'RESUBMIT', fromState: 'revision', actor: 'berau.drafter', onBehalfOf: null }, edited('berau.kadis', 'berau.drafter')];
    expect(creatorsOf(documentBy('berau.drafter', history))).toEqual(['berau.drafter', 'berau.kadis']);
  });

  it('leaves out a colleague who edited it in their own right, and acts taken for the creator in other roles', () => {
    const history = [
      created('berau.drafter'),
      edited('berau.drafter2'),
      { action: 'ENDORSE', fromState: 'endorsement', actor: 'berau.plh', onBehalfOf: 'berau.drafter' },
    ];
    expect(creatorsOf(documentBy('berau.drafter', history))).toEqual(['berau.drafter']);
  });
});
