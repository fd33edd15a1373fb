import { useMemo, useState } from 'preact/hooks';

export interface Feedback {
  problem: string | null;
  notice: string | null;
  /** Shows the success; an earlier problem goes. */
  succeed(notice: string): void;
  /** Shows the problem; an earlier success goes, so the page never says both. */
  fail(problem: string): void;
  clear(): void;
}

/** What a form or a table says after its last save: a problem or a success, never both. */
export function useFeedback(): Feedback {
  const [said, setSaid] = useState<{ problem: string | null; notice: string | null }>({ problem: null, notice: null });
  return useMemo(
    () => ({
      ...said,
      succeed: (notice: string) => setSaid({ problem: null, notice }),
      fail: (problem: string) => setSaid({ problem, notice: null }),
      clear: () => setSaid({ problem: null, notice: null }),
    }),
    [said],
  );
}

/** What a form says after a save (a `Feedback`, or just a problem): the problem as an alert, the success as a status line, each only when set. */
export function FormFeedback({ problem, notice }: { problem?: string | null; notice?: string | null }) {
  return (
    <>
      {problem && (
        <p class="alert" role="alert">
          {problem}
        </p>
      )}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
    </>
  );
}
