import type { DocumentView } from '../api/views';
import { fieldRows } from '../i18n/document-field-rows';

export function DocumentFields({ doc }: { doc: DocumentView }) {
  return (
    <dl class="fields">
      {fieldRows(doc).map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
