/** A code and the name a person knows it by (a unit, a government). */
export interface Named {
  code: string;
  name: string;
}

/**
 * A filter's choice among named codes, "Semua" first. A `selected` code that is not among `options`
 * (a URL's value) stays choosable under its code, so the filter shows what the page applies. In a form
 * applied by its button the choice is the field `name`; `onChoose` applies each choice as it is made.
 */
export function NamedChoice({ label, name, options, selected, onChoose }: { label: string; name?: string; options: readonly Named[]; selected: string; onChoose?: (code: string) => void }) {
  const all = selected && !options.some((o) => o.code === selected) ? [...options, { code: selected, name: selected }] : options;
  return (
    <label>
      {label}
      <select name={name} onChange={onChoose && ((e) => onChoose(e.currentTarget.value))}>
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
