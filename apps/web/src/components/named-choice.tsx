/** A code and the name a person knows it by (a unit, a government). */
export interface Named {
  code: string;
  name: string;
}

/**
 * A filter's choice among named codes, "Semua" first. A `selected` code that is not among `options`
 * (a URL's value) stays choosable under its code, so the filter shows what the page applies.
 */
export function NamedChoice({ label, name, options, selected }: { label: string; name: string; options: readonly Named[]; selected: string }) {
  const all = selected && !options.some((o) => o.code === selected) ? [...options, { code: selected, name: selected }] : options;
  return (
    <label>
      {label}
      <select name={name}>
        <option value="">Semua</option>
        {all.map((o) => (
          <option key={o.code} value={o.code} selected={o.code === selected}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
