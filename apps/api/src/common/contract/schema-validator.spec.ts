import { describe, expect, it } from '@jest/globals';
import Type from 'typebox';
import { AppException } from '../errors/app.exception.js';
import { parseWith } from './schema-validator.js';

const Query = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  ratio: Type.Optional(Type.Number({ minimum: 0 })),
});

function refusal(query: Record<string, unknown>): { code: string; message: string } {
  try {
    parseWith(Query, query, 'query');
  } catch (error) {
    if (error instanceof AppException) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(query)}`);
}

describe('parseWith, a query', () => {
  it('turns digits into numbers and checks their range', () => {
    expect(parseWith(Query, { limit: '20' }, 'query')).toEqual({ limit: 20 });
    expect(refusal({ limit: '1e3' })).toEqual({ code: 'VALIDATION_FAILED', message: 'limit must be from 1 to 100' });
  });

  it('refuses a number too large to be finite, which ajv would pass as Infinity', () => {
    expect(refusal({ limit: '1e400' })).toEqual({ code: 'VALIDATION_FAILED', message: 'limit must be a whole number' });
    expect(refusal({ limit: '-1e400' })).toEqual({ code: 'VALIDATION_FAILED', message: 'limit must be a whole number' });
    expect(refusal({ ratio: `1${'0'.repeat(400)}` })).toEqual({ code: 'VALIDATION_FAILED', message: 'ratio must be a number' });
  });
});
