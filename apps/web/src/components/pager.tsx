import { number } from '../i18n/words';

/** Under a paged list: "Sebelumnya", where the list is ("Halaman 2 dari 5"), "Berikutnya". */
export function Pager({ page, pages, onGo }: { page: number; pages: number; onGo(page: number): void }) {
  return (
    <nav class="pager" aria-label="Halaman">
      <button type="button" disabled={page <= 1} onClick={() => onGo(page - 1)}>
        Sebelumnya
      </button>
      <span>
        Halaman {number(page)} dari {number(pages)}
      </span>
      <button type="button" disabled={page >= pages} onClick={() => onGo(page + 1)}>
        Berikutnya
      </button>
    </nav>
  );
}
