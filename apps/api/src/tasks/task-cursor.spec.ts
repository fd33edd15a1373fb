import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decodeTaskCursor, encodeTaskCursor, TASK_CURSOR_PATTERN } from './task-cursor.js';

describe('task cursor', () => {
  const position = fc.record({
    dueAt: fc.option(fc.nat({ max: Number.MAX_SAFE_INTEGER }), { nil: null }),
    createdAt: fc.nat({ max: Number.MAX_SAFE_INTEGER }),
    id: fc.uuid(),
  });

  it('gives back every position it wrote, in the shape the schema admits', () => {
    fc.assert(
      fc.property(position, (p) => {
        const cursor = encodeTaskCursor(p);
        expect(cursor).toMatch(new RegExp(TASK_CURSOR_PATTERN));
        expect(decodeTaskCursor(cursor)).toEqual(p);
      }),
    );
  });

  it('refuses a time beyond what a number holds exactly', () => {
    expect(() => decodeTaskCursor('9007199254740992.1.3f9c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f')).toThrow('after must be');
    expect(() => decodeTaskCursor('-.9999999999999999.3f9c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f')).toThrow('after must be');
  });
});
