import { api, ok } from '../api/client';
import type { UnitName } from '../api/views';
import { useLoad } from './async';

/**
 * The units a filter offers, by name: those of `governmentCode` (the caller's own when empty). A code
 * in the URL that is not one of them stays choosable, so the filter shows what the page applies.
 */
export function useUnitChoices(current: string, governmentCode = ''): UnitName[] {
  const units = useLoad(
    () => ok<{ items: UnitName[] }>(api.GET('/api/units', { params: { query: governmentCode ? { governmentCode } : {} } })),
    [governmentCode],
  );
  const items = units.data?.items ?? [];
  return current && !items.some((u) => u.code === current) ? [...items, { code: current, name: current }] : items;
}
