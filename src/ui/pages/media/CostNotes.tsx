import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CostAllocation } from '../../../domain/media';
import { COST_MAKEUP_SQL, costsWithoutLeadsSql } from '../../../sql/costShares';
import { useKeptQuery, type QueryState } from '../../data/useQuery';
import { formatInteger, formatMoney } from '../../i18n/format';
import { useMediumLabel } from '../../i18n/useMediumLabel';

const SHOWN_WITHOUT_LEADS = 10;

/**
 * How the page turns the cost data into the media's costs, said under the table: the rule, how
 * many leads carry a cost, the costs per medium rather than per campaign, the costs over several
 * months and how they are allocated, and every cost that reached no lead (in no medium's figures).
 */
export interface CostNoteQueries {
  readonly makeup: QueryState;
  readonly without: QueryState;
  /** Both answered (or failed): the notes have all their lines. */
  readonly settled: boolean;
}

/**
 * The notes' own queries, asked by the page together with its figures (none when there are no
 * costs): the page shows its table once these are in too, so the notes do not grow under the table
 * and push the charts down ~30 px after they are shown, where a click aimed at a bar hit its
 * neighbour. A later change of the allocation keeps the lines shown until the new ones are in.
 */
export function useCostNoteQueries(costs: boolean, allocation: CostAllocation): CostNoteQueries {
  const makeup = useKeptQuery(useMemo(() => (costs ? { sql: COST_MAKEUP_SQL, params: [] } : null), [costs])).shown;
  const without = useKeptQuery(useMemo(() => (costs ? { sql: costsWithoutLeadsSql(allocation), params: [] } : null), [costs, allocation])).shown;
  const settled = !costs || (makeup.status !== 'loading' && without.status !== 'loading');
  return { makeup, without, settled };
}

export function CostNotes(props: { allocation: CostAllocation; costedLeads: number; leads: number; currency: string | null; queries: CostNoteQueries }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const mediumLabel = useMediumLabel();
  const { makeup, without } = props.queries;
  const m = makeup.status === 'ready' ? makeup.rows[0] : undefined;
  const count = (key: string) => Number(m?.[key] ?? 0);
  const unspent = without.status === 'ready' ? without.rows : [];
  const money = (value: unknown) => formatMoney(lang, Number(value), props.currency);
  // A period half given (a medium's cost that reaches no lead for it) shows its missing end as "…".
  const day = (value: unknown) => (value === null || value === undefined ? '…' : String(value));
  const when = (row: Record<string, unknown>) =>
    row.month ? String(row.month) : row.first_day || row.last_day ? (row.first_day === row.last_day ? day(row.first_day) : `${day(row.first_day)} – ${day(row.last_day)}`) : null;

  return (
    <div className="cost-notes" data-testid="media-cost-notes" data-ready={props.queries.settled}>
      <p className="muted small">{t('mediaPage.costNote')}</p>
      <p className="muted small" data-testid="media-cost-coverage">
        {t('mediaPage.costCoverage', { costed: formatInteger(lang, props.costedLeads), leads: formatInteger(lang, props.leads) })}
      </p>
      {count('medium_costs') > 0 && <p className="muted small" data-testid="media-medium-costs">{t('mediaPage.mediumCosts', { count: count('medium_costs') })}</p>}
      {count('spanning') > 0 && (
        <p className="muted small" data-testid="media-spanning-costs">
          {t(props.allocation === 'days' ? 'mediaPage.spanningDays' : 'mediaPage.spanningLeads', { count: count('spanning') })}
        </p>
      )}
      {props.allocation === 'days' && count('undated') > 0 && <p className="muted small">{t('mediaPage.undated', { count: count('undated') })}</p>}
      {count('unusable') > 0 && <p className="notice-inline short" data-testid="media-unusable-costs">{t('mediaPage.unusable', { count: count('unusable') })}</p>}
      {unspent.length > 0 && (
        <div className="notice-inline" data-testid="media-campaigns-without-leads">
          <p>{t('mediaPage.withoutLeads', { count: unspent.length, cost: money(unspent.reduce((s, c) => s + Number(c.cost ?? 0), 0)) })}</p>
          <ul>
            {unspent.slice(0, SHOWN_WITHOUT_LEADS).map((c, i) => (
              <li key={i}>
                {[c.campaign_id === null ? null : String(c.name ?? c.campaign_id), mediumLabel(c.medium === null ? null : String(c.medium)), when(c), money(c.cost)].filter((x) => x !== null).join(', ')}
              </li>
            ))}
            {unspent.length > SHOWN_WITHOUT_LEADS && <li>{t('mediaPage.withoutLeadsMore', { count: unspent.length - SHOWN_WITHOUT_LEADS })}</li>}
          </ul>
        </div>
      )}
    </div>
  );
}
