import Type, { type TSchema } from 'typebox';

/**
 * What a text field refuses: C0 and C1 control characters but tab and newline, bidirectional
 * overrides, embeddings, isolates and marks (a title `abc\u202Egnp.exe` reads `abcexe.png`),
 * zero-width characters, the byte-order mark, and a UTF-16 surrogate without its other half
 * (PostgreSQL cannot store it; in a `u` pattern a paired surrogate is one code point and passes).
 */
export const TEXT_PATTERN =
  '^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF\\uD800-\\uDFFF]*$';

/** TEXT_PATTERN, and at least one character that is not white space. */
export const NON_BLANK_TEXT_PATTERN = `^(?=[\\s\\S]*\\S)${TEXT_PATTERN.slice(1)}`;

const TEXT_RE = new RegExp(TEXT_PATTERN, 'u');
export const isCleanText = (value: string): boolean => TEXT_RE.test(value);

interface TextOptions {
  min?: number;
  /** Refuse text of white space only. */
  nonBlank?: boolean;
  max: number;
  description?: string;
  example?: string;
}

/** Free text people write: 1..max characters (code points), no hidden or control characters. */
export function Text({ min = 1, max, nonBlank = false, description, example }: TextOptions) {
  return Type.String({ minLength: min, maxLength: max, pattern: nonBlank ? NON_BLANK_TEXT_PATTERN : TEXT_PATTERN, ...(description ? { description } : {}), ...(example !== undefined ? { examples: [example] } : {}) });
}

/** A string with a fixed shape; `shape` says it to people when it does not match (`must be ${shape}`). */
export function Pattern(pattern: string, shape: string, extra: { description?: string; example?: string; maxLength?: number } = {}) {
  const { example, ...rest } = extra;
  return Type.String({ pattern, 'x-shape': shape, ...rest, ...(example !== undefined ? { examples: [example] } : {}) });
}

/** A workflow state's name, nested ones dotted (`approval`, `coordination.assistant`): a list's or an inbox's filter. */
export const StateName = (description: string, example = 'approval') =>
  Pattern('^[a-z_]{1,40}(\\.[a-z_]{1,40})?$', 'a state name such as approval or coordination.assistant', { description, example });

export const DateOnly = (example?: string, description?: string) =>
  Type.String({ format: 'date', ...(description ? { description } : {}), ...(example ? { examples: [example] } : {}) });

export const DateTime = (example?: string, description?: string) =>
  Type.String({ format: 'date-time', ...(description ? { description } : {}), ...(example ? { examples: [example] } : {}) });

export const Uuid = (description?: string) => Type.String({ format: 'uuid', ...(description ? { description } : {}) });

export const Username = (description?: string, example?: string) =>
  Pattern('^[a-z0-9._-]{1,100}$', 'a username such as kaltim.sekda', { description, example });

/** A government's code (`kaltim`, `paser`): 2-40 lowercase letters, digits or hyphens, as the governments table checks. */
export const GOVERNMENT_CODE_PATTERN = '^[a-z0-9-]{2,40}$';
export const GovernmentCode = (description: string, example = 'paser') => Pattern(GOVERNMENT_CODE_PATTERN, '2-40 lowercase letters, digits or hyphens', { description, example });
/** A title search (`q`): one to eight words, each a run of printable characters. */
export const TitleWords = (description: string, example = 'perizinan daring') =>
  Pattern('^\\s*[^\\s\\x00-\\x1f\\x7f]+(\\s+[^\\s\\x00-\\x1f\\x7f]+){0,7}\\s*$', 'one to eight words', { maxLength: 200, description, example });
/** The words of a `TitleWords` value. */
export const titleWordsOf = (q: string): string[] => q.trim().split(/\s+/);

export const UNIT_CODE_PATTERN = '^[a-z0-9-]{1,60}$';
export const UnitCode = (description: string, example = 'diskominfo') => Pattern(UNIT_CODE_PATTERN, `a unit code such as ${example}`, { description, example });

export const Nullable = <T extends TSchema>(schema: T, options: { description?: string; examples?: unknown[] } = {}) => Type.Union([schema, Type.Null()], options);

/** One of fixed strings, documented as an enum. */
export const OneOf = <const V extends readonly string[]>(values: V, extra: { description?: string; example?: V[number] } = {}) =>
  Type.Unsafe<V[number]>({
    type: 'string',
    enum: [...values],
    ...(extra.description ? { description: extra.description } : {}),
    ...(extra.example ? { examples: [extra.example] } : {}),
  });

/** Query-string numbers: ajv coerces `?page=2` to 2 for query schemas only. */
export const QueryInt = (minimum: number, maximum: number, description: string, defaultValue?: number) =>
  Type.Integer({ minimum, maximum, description, ...(defaultValue !== undefined ? { default: defaultValue } : {}) });

/** `page` (from 1) and `limit` (1 to `maxLimit`) of a paged list's query string, to spread into `Closed({...})`. */
export const PageQuery = (maxLimit: number, defaultLimit: number) => ({
  page: Type.Optional(QueryInt(1, 999_999, 'Page, from 1', 1)),
  limit: Type.Optional(QueryInt(1, maxLimit, 'Items per page', defaultLimit)),
});

/** One page of a list, closed: `items`, `total` (what `totalDescription` says), the fields of `more`, `page` and `limit`. */
export const PageOf = <I extends TSchema, M extends Record<string, TSchema> = {}>(item: I, more: M = {} as M, totalDescription?: string) =>
  Type.Object(
    {
      items: Type.Array(item),
      total: Type.Integer({ minimum: 0, ...(totalDescription ? { description: totalDescription } : {}) }),
      ...more,
      page: Type.Integer({ minimum: 1 }),
      limit: Type.Integer({ minimum: 1 }),
    },
    { additionalProperties: false },
  );

/** A closed object: unknown fields are refused (every request schema is one). */
export const Closed = <P extends Record<string, TSchema>>(properties: P, extra: { description?: string; minProperties?: number } = {}) =>
  Type.Object(properties, { additionalProperties: false, ...extra });
