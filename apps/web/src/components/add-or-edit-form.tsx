import type { ComponentChildren } from 'preact';
import { FormFeedback, type Feedback } from './form-feedback';

/**
 * The form under an administration table: it adds a row, or edits the one whose "Ubah" was clicked
 * (`editing` names it). Give it `key` of the row edited, so its fields start from that row's values.
 */
export function AddOrEditForm(props: {
  id: string;
  addLabel: string;
  editing: string | null;
  feedback: Feedback;
  onSubmit: (event: Event) => void;
  onCancel: () => void;
  children: ComponentChildren;
}) {
  const { id, addLabel, editing, feedback } = props;
  return (
    <form onSubmit={props.onSubmit} noValidate class="doc-form" aria-labelledby={id}>
      <h2 id={id}>{editing === null ? addLabel : `Ubah ${editing}`}</h2>
      {props.children}
      <FormFeedback {...feedback} />
      <div class="buttons">
        <button type="submit" class="primary">
          {editing === null ? addLabel : 'Simpan'}
        </button>
        {editing !== null && (
          <button type="button" onClick={props.onCancel}>
            Batal
          </button>
        )}
      </div>
    </form>
  );
}
