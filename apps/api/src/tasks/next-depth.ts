/** The most one further read multiplies the depth by. */
const MAX_GROWTH = 4;

/**
 * How deep each place is read next, when reading `depth` deep settled only `tasks` of the `limit`
 * wanted: about as much deeper as the tasks found so far say is needed, a quarter more for good
 * measure, at least twice and at most four times as deep. A Kepala OPD whose implementation-stage
 * candidates wait for a progress report finds a third of a page at the first depth and reads four
 * times as deep at once instead of doubling twice (one round trip and one summary read fewer); having found none, four times at once.
 */
export function nextDepth(depth: number, limit: number, tasks: number): number {
  const wanted = tasks === 0 ? MAX_GROWTH : Math.ceil((1.25 * limit) / tasks);
  return depth * Math.min(MAX_GROWTH, Math.max(2, wanted));
}
