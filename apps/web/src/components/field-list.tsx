import type { ComponentChildren } from 'preact';

/** Label and value rows as a definition list (`dl.fields`): a document's fields, a person's account, the services' state. */
export function FieldList({ rows }: { rows: ReadonlyArray<readonly [string, ComponentChildren]> }) {
  return (
    <dl class="fields">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
