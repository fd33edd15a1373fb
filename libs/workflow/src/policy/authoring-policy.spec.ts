import { describe, expect, it } from '@jest/globals';
import { createRefusal, editRefusal, type AuthorFacts } from './authoring-policy.js';

const drafter: AuthorFacts = { username: 'paser.drafter', governmentCode: 'paser', unitCode: 'diskominfo', roles: ['DRAFTER'] };
const kadis: AuthorFacts = { username: 'paser.kadis', governmentCode: 'paser', unitCode: 'diskominfo', roles: ['UNIT_HEAD'] };
const document = { state: 'draft', governmentCode: 'paser', unitCode: 'diskominfo' };

describe('authoring policy', () => {
  it('lets a DRAFTER create documents of their own unit only', () => {
    expect(createRefusal(drafter)).toBeNull();
    expect(createRefusal(drafter, 'diskominfo')).toBeNull();
    expect(createRefusal(drafter, 'bappeda')).toMatchObject({ code: 'FORBIDDEN' });
    expect(createRefusal(kadis)).toEqual({ code: 'FORBIDDEN', reason: 'Only a DRAFTER (pemrakarsa) creates documents' });
  });

  it('lets a DRAFTER of the unit edit in draft or revision; the state is asked first', () => {
    expect(editRefusal(drafter, document)).toBeNull();
    expect(editRefusal(drafter, { ...document, state: 'revision' })).toBeNull();
    expect(editRefusal(drafter, { ...document, state: 'endorsement' })).toMatchObject({ code: 'NOT_EDITABLE' });
    expect(editRefusal(kadis, { ...document, state: 'endorsement' })).toMatchObject({ code: 'NOT_EDITABLE' });
    expect(editRefusal(kadis, document)).toMatchObject({ code: 'FORBIDDEN' });
    expect(editRefusal(drafter, { ...document, unitCode: 'bappeda' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(editRefusal(drafter, { ...document, governmentCode: 'berau' })).toMatchObject({ code: 'FORBIDDEN' });
  });
});
