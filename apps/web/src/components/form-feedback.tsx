/** What a form says after a save: the problem as an alert, the success as a status line (each only when set). */
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
