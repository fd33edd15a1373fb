import { useEffect, useState } from 'preact/hooks';
import type { ListGovernment } from '../api/views';

/**
 * The governments a filter offers, as the API's last answer named them (a list's, the inbox's): kept while
 * the next answer loads, and when the API refuses a filter.
 */
export function useGovernmentChoices(answer: { governments: ListGovernment[] } | null): ListGovernment[] {
  const [known, setKnown] = useState<ListGovernment[]>([]);
  useEffect(() => {
    if (answer) setKnown(answer.governments);
  }, [answer]);
  return known;
}
