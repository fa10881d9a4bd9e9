import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CostAllocation } from '../../../domain/media';
import { COST_MAKEUP_SQL, costsWithoutLeadsSql } from '../../../sql/costShares';
import { useQuery } from '../../data/useQuery';
import { formatInteger, formatMoney } from '../../i18n/format';
import { useMediumLabel } from '../../i18n/useMediumLabel';

const SHOWN_WITHOUT_LEADS = 10;

/**
 * How the page turns the cost data into the media's costs, said under the table: the rule, how
 * many leads carry a cost, the costs per medium rather than per campaign, the costs over several
 * months and how they are allocated, and every cost that reached no lead (in no medium's figures).
 */
export function CostNotes(props: { allocation: CostAllocation; costedLeads: number; leads: number; currency: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const mediumLabel = useMediumLabel();
  const makeup = useQuery(useMemo(() => ({ sql: COST_MAKEUP_SQL, params: [] }), []));
  const without = useQuery(useMemo(() => ({ sql: costsWithoutLeadsSql(props.allocation), params: [] }), [props.allocation]));
  const m = makeup.status === 'ready' ? makeup.rows[0] : undefined;
  const count = (key: string) => Number(m?.[key] ?? 0);
  const unspent = without.status === 'ready' ? without.rows : [];
  const money = (value: unknown) => formatMoney(lang, Number(value), props.currency);
  // A period half given (a medium's cost that reaches no lead for it) shows its missing end as "…".
  const day = (value: unknown) => (value === null || value === undefined ? '…' : String(value));
  const when = (row: Record<string, unknown>) =>
    row.month ? String(row.month) : row.first_day || row.last_day ? (row.first_day === row.last_day ? day(row.first_day) : `${day(row.first_day)} – ${day(row.last_day)}`) : null;

  return (
    // Its lines come with their own queries, after the figures: `data-ready` says when the panel has stopped growing.
    <div className="cost-notes" data-testid="media-cost-notes" data-ready={makeup.status === 'ready' && without.status === 'ready'}>
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
