/** An ISO 8601 date and time with an explicit offset (`Z` or `+08:00`), as api.md writes times. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

export function isDateTimeWithOffset(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s = '00', , oh = '00', om = '00'] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const validDay = day.getUTCFullYear() === Number(y) && day.getUTCMonth() === Number(mo) - 1 && day.getUTCDate() === Number(d);
  const validTime = Number(h) < 24 && Number(mi) < 60 && Number(s) < 60 && Number(oh) < 15 && Number(om) < 60;
  return validDay && validTime && !Number.isNaN(Date.parse(value));
}
