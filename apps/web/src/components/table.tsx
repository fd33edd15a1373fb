import type { ComponentChildren } from 'preact';

/**
 * A table in a region of its own that scrolls sideways on a narrow screen, so the page never does:
 * focusable, so a keyboard can scroll it, and named for screen readers.
 */
export function TableRegion({ label, tableClass, children }: { label: string; tableClass?: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table class={tableClass}>{children}</table>
    </div>
  );
}

/**
 * A cell's column name, shown only where a `stacked` table lays each row out as a card (narrow
 * screens); screen readers have the column header already, so it is hidden from them.
 */
export function CellLabel({ children }: { children: ComponentChildren }) {
  return (
    <span class="cell-label" aria-hidden="true">
      {children}
    </span>
  );
}

/** The header of a column of row buttons: read out, not shown. */
export function ActionsHeader() {
  return (
    <th scope="col">
      <span class="visually-hidden">Tindakan</span>
    </th>
  );
}

/** A row's "Ubah" button; `label` names what it edits for a screen reader ("Ubah Dinas Kesehatan"). */
export function RowEditButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" aria-label={label} onClick={onClick}>
      Ubah
    </button>
  );
}
