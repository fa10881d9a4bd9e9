import { useEffect, useState } from 'react';
import { toRows, type Row } from '../../db/arrowRows';
import type { LeadFilter } from '../../domain/leadFilter';
import { DEFAULT_PIPELINE } from '../../domain/pipeline';
import type { SqlQuery } from '../../domain/sqlQuery';
import { explorerCountSql, explorerPageSql, type ExplorerSort } from '../../sql/explorer';
import { useData } from '../data/DataContext';
import { useQuery } from '../data/useQuery';
import { errorText } from '../../domain/errorText';

export interface LeadPageRequest {
  readonly filter: LeadFilter;
  readonly columns: readonly string[];
  /** The extra and lookup columns lead_facts has: the only names beyond the canonical ones the queries accept. */
  readonly extraColumns: readonly string[];
  readonly sort: readonly ExplorerSort[];
  readonly pageIndex: number;
  readonly pageSize: number;
  /** The leads to list from, where not lead_facts (ExplorerFilterOptions.from). */
  readonly from?: SqlQuery;
}

export interface LeadPage {
  /** Leads the filter lists; null until counted. */
  readonly count: number | null;
  /** The rows shown: the asked page, or the previous page while it loads (see `stale`). */
  readonly rows: readonly Row[] | null;
  /** The rows shown are not yet those asked for. */
  readonly stale: boolean;
  readonly error: string | null;
}


/**
 * One page of the explorer, sorted and cut by DuckDB, and the count of all. When a page arrives the
 * next one is asked for too; the coordinator caches it, so "Next" shows it at once. Until a page
 * arrives the previous rows stay up (marked stale) instead of a flash of "loading".
 */
export function useLeadPage({ filter, columns, extraColumns, sort, pageIndex, pageSize, from }: LeadPageRequest): LeadPage {
  const { coordinator, dataVersion } = useData();
  const pageQuery = (index: number) => explorerPageSql({ filter, pipeline: DEFAULT_PIPELINE, columns, extraColumns, sort, limit: pageSize, offset: index * pageSize, from });
  // The key stands for the request's content; the objects may be new on every render.
  const key = JSON.stringify([dataVersion, filter, columns, extraColumns, sort, pageIndex, pageSize, from ?? null]);
  // useQuery keys by the query's text and values, so a new object each render costs nothing.
  const counted = useQuery(explorerCountSql({ filter, pipeline: DEFAULT_PIPELINE, from }));
  const count = counted.status === 'ready' ? Number(counted.rows[0]?.n ?? 0) : null;

  const [shown, setShown] = useState<{ key: string; rows: readonly Row[] | null; error: string | null }>({ key: '', rows: null, error: null });
  useEffect(() => {
    if (!coordinator) return;
    let current = true;
    coordinator.query(pageQuery(pageIndex)).then(
      (table) => {
        if (!current) return;
        const rows = toRows(table);
        setShown({ key, rows, error: null });
        // A full page may have a next one: fetch it now, while the user reads this one.
        if (rows.length === pageSize) coordinator.query(pageQuery(pageIndex + 1)).catch(() => undefined);
      },
      (error: unknown) => current && setShown((s) => ({ ...s, key, error: errorText(error) })),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [coordinator, key]);

  return {
    count,
    rows: shown.rows,
    stale: shown.key !== key,
    error: counted.status === 'error' ? counted.error : shown.key === key ? shown.error : null,
  };
}
