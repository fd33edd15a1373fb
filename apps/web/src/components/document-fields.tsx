import type { DocumentView } from '../api/views';
import { fieldRows } from '../i18n/document-field-rows';
import { FieldList } from './field-list';

export function DocumentFields({ doc }: { doc: DocumentView }) {
  return <FieldList rows={fieldRows(doc)} />;
}
