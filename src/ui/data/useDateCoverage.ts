import { dateCoverageSql } from '../../sql/overview';
import { useQuery } from './useQuery';

const COVERAGE = dateCoverageSql();

/**
 * Whether the loaded leads have creation dates: an export without a created column loads, and the
 * views by date (cohorts, trend, velocity, leads per month, the period filter) say what they miss
 * instead of showing nothing. Null while unknown.
 */
export function useDateCoverage(): { leads: number; dated: number } | null {
  const state = useQuery(COVERAGE);
  if (state.status !== 'ready') return null;
  return { leads: Number(state.rows[0]?.leads ?? 0), dated: Number(state.rows[0]?.dated ?? 0) };
}
