import { api, ok } from '../api/client';
import type { UnitName } from '../api/views';
import { useLoad } from './async';

/** The units a filter offers, by name: those of `governmentCode` (the caller's own when empty). */
export function useUnitChoices(governmentCode = ''): UnitName[] {
  const units = useLoad(
    () => ok<{ items: UnitName[] }>(api.GET('/api/units', { params: { query: governmentCode ? { governmentCode } : {} } })),
    [governmentCode],
  );
  return units.data?.items ?? [];
}
