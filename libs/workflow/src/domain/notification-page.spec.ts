import { describe, expect, it } from '@jest/globals';
import { notificationPagePath } from './notification-page.js';

const ID = '6f1e5d1c-2b1a-4c3d-9e8f-0a1b2c3d4e5f';

describe('notificationPagePath', () => {
  it("leads to the document's page when the notification is about one", () => {
    expect(notificationPagePath({ type: 'ASSIGNED', documentKind: 'quick-win', documentId: ID })).toBe(`/quick-wins/${ID}`);
    expect(notificationPagePath({ type: 'REMINDER', documentKind: 'regulation', documentId: ID })).toBe(`/regulations/${ID}`);
  });

  it('leads about no document to the delegations or the holiday settings, else nowhere', () => {
    expect(notificationPagePath({ type: 'DELEGATION_GRANTED', documentKind: null, documentId: null })).toBe('/pendelegasian');
    expect(notificationPagePath({ type: 'DELEGATION_REVOKED', documentKind: null, documentId: null })).toBe('/pendelegasian');
    expect(notificationPagePath({ type: 'HOLIDAYS_MISSING', documentKind: null, documentId: null })).toBe('/pengaturan#libur');
    expect(notificationPagePath({ type: 'WEEKLY_DIGEST', documentKind: null, documentId: null })).toBeNull();
    expect(notificationPagePath({ type: 'SOMETHING_ELSE', documentKind: null, documentId: null })).toBeNull();
  });
});
