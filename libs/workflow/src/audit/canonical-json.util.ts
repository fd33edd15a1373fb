/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, Dates as ISO strings, properties
 * whose value is undefined left out (as JSON.stringify does), undefined in arrays as null.
 * Objects with a `toJSON` method (other than Date) are canonicalised through it.
 * Throws TypeError for values JSON cannot carry faithfully: non-finite numbers, bigint, functions,
 * symbols, and circular references.
 */
export function canonicalJson(value: unknown): string {
  return encode(value, new Set());
}

function encode(value: unknown, seen: Set<object>): string {
  if (value === null) {
    return 'null';
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      throw new TypeError('canonicalJson: invalid Date');
    }
    return JSON.stringify(value.toISOString());
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) {
        throw new TypeError(`canonicalJson: non-finite number ${value}`);
      }
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`canonicalJson: cannot encode a ${typeof value}`);
  }
  const object = value as object;
  if (seen.has(object)) {
    throw new TypeError('canonicalJson: circular reference');
  }
  seen.add(object);
  try {
    if (Array.isArray(object)) {
      return `[${object.map((item) => (item === undefined ? 'null' : encode(item, seen))).join(',')}]`;
    }
    const toJSON = (object as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') {
      return encode(toJSON.call(object), seen);
    }
    const record = object as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const item = record[key];
      if (item !== undefined) {
        parts.push(`${JSON.stringify(key)}:${encode(item, seen)}`);
      }
    }
    return `{${parts.join(',')}}`;
  } finally {
    seen.delete(object);
  }
}
