import { api, ok } from '../api/client';
import type { UnitName } from '../api/views';
import { useLoad } from './async';

/**
 * The units a filter offers, by name: those of `governmentCode` (the caller's own when empty; none, and
 * nothing asked, when null). Only units of the government asked for: while another's load, none.
 */
export function useUnitChoices(governmentCode: string | null = ''): UnitName[] {
  const units = useLoad(async () => {
    if (governmentCode === null) return { of: governmentCode, items: [] };
    const answer = await ok<{ items: UnitName[] }>(api.GET('/api/units', { params: { query: governmentCode ? { governmentCode } : {} } }));
    return { of: governmentCode, items: answer.items };
  }, [governmentCode]);
  return units.data?.of === governmentCode ? units.data.items : [];
}
