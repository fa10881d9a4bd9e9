import { dateCoverageSql } from '../../sql/overview';
import { useQueryOrPrepared } from './usePrepared';

const COVERAGE = dateCoverageSql();

/**
 * Whether the loaded leads have creation dates: an export without a created column loads, and the
 * views by date (cohorts, trend, velocity, leads per month, the period filter) say what they miss
 * instead of showing nothing. Null while unknown.
 */
export function useDateCoverage(): { leads: number; dated: number; lastCreated: string | null } | null {
  // Before the engine is ready, the coverage prepared with the default view's figures.
  const { state } = useQueryOrPrepared(COVERAGE, 'dateCoverage');
  if (state.status !== 'ready') return null;
  const last = state.rows[0]?.last_created;
  return { leads: Number(state.rows[0]?.leads ?? 0), dated: Number(state.rows[0]?.dated ?? 0), lastCreated: typeof last === 'string' ? last : null };
}
