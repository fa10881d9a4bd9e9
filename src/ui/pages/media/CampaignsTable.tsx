import { createColumnHelper, flexRender, getCoreRowModel, getFilteredRowModel, getSortedRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadCondition } from '../../../domain/leadFilter';
import type { MediaFigures } from '../../../domain/media';
import { formatInteger, formatMoney, formatPercent } from '../../i18n/format';
import { useMediumLabel } from '../../i18n/useMediumLabel';
import { SortableHead } from '../../tables/SortableHeader';

export interface CampaignFigures extends MediaFigures {
  readonly name: string | null;
  readonly medium: string | null;
  /** Whether the campaigns table has the id. */
  readonly listed: boolean;
}

interface CampaignsTableProps {
  /** In the order to show before the user sorts: by medium (the guideline's order), then most leads. */
  readonly rows: readonly CampaignFigures[];
  readonly currency: string | null;
  readonly costs: boolean;
  readonly onOpen: (title: string, conditions: readonly LeadCondition[]) => void;
}

const column = createColumnHelper<CampaignFigures>();
/** Sorts unknown figures (null) below every known one, in both directions. */
const known = (value: number | null) => value ?? Number.NEGATIVE_INFINITY;

/** One row per campaign under its name: funnel, revenue, cost and return; sortable and searchable in memory (campaigns number hundreds, not millions). */
export function CampaignsTable({ rows, currency, costs, onOpen }: CampaignsTableProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const mediumLabel = useMediumLabel();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [search, setSearch] = useState('');
  const wonStep = (rows[0]?.reached.length ?? 1) - 1;
  const money = (value: number | null, cur: string | null) => (value === null ? '–' : formatMoney(lang, value, cur));
  /** A cost figure: "no cost data" where the campaign's cost is unknown, "–" where only its divisor is 0. */
  const costFigure = (value: number | null, row: CampaignFigures) => (value === null && row.cost === null && costs ? t('mediaPage.noCost') : money(value, currency));
  const title = (r: CampaignFigures) => (r.value === null ? t('mediaPage.campaigns.none') : (r.name ?? r.value));

  const columns = useMemo(
    () => [
      column.accessor((r) => `${r.name ?? ''} ${r.value ?? ''}`, {
        id: 'campaign',
        header: t('mediaPage.campaigns.campaign'),
        cell: (c) => {
          const r = c.row.original;
          return (
            <>
              <button type="button" className="link-button figure" onClick={() => onOpen(title(r), [{ kind: 'values', dimension: 'campaign_id', values: [r.value] }])}>
                {title(r)}
              </button>
              {r.value !== null && (
                <small className="muted block">
                  {r.value}
                  {!r.listed && costs ? ` · ${t('mediaPage.campaigns.notListed')}` : ''}
                </small>
              )}
            </>
          );
        },
      }),
      column.accessor((r) => (r.medium === null ? '' : mediumLabel(r.medium)), { id: 'medium', header: t('mediaPage.campaigns.medium') }),
      column.accessor('leads', { header: t('mediaPage.leads'), cell: (c) => formatInteger(lang, c.getValue()), meta: { numeric: true } }),
      column.accessor('won', { header: t('table.won'), cell: (c) => formatInteger(lang, c.getValue()), meta: { numeric: true } }),
      column.accessor((r) => known(r.reached[wonStep]?.value ?? null), { id: 'rate', header: t('table.rate'), cell: (c) => formatPercent(lang, c.row.original.reached[wonStep]?.value ?? null), meta: { numeric: true } }),
      column.accessor((r) => known(r.revenue), { id: 'revenue', header: t('mediaPage.revenue'), cell: (c) => money(c.row.original.revenue, c.row.original.currency), meta: { numeric: true } }),
      column.accessor((r) => known(r.cost), { id: 'cost', header: t('mediaPage.cost'), cell: (c) => costFigure(c.row.original.cost, c.row.original), meta: { numeric: true } }),
      column.accessor((r) => known(r.costPerLead), { id: 'cpl', header: t('mediaPage.costPerLead'), cell: (c) => costFigure(c.row.original.costPerLead, c.row.original), meta: { numeric: true } }),
      column.accessor((r) => known(r.costPerWon), { id: 'cpw', header: t('mediaPage.costPerWon'), cell: (c) => costFigure(c.row.original.costPerWon, c.row.original), meta: { numeric: true } }),
      column.accessor((r) => known(r.roi), { id: 'roi', header: t('mediaPage.roi'), cell: (c) => (c.row.original.roi === null ? '–' : formatPercent(lang, c.row.original.roi, 0)), meta: { numeric: true } }),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- money and title read only t, lang, costs and currency
    [t, lang, mediumLabel, wonStep, currency, costs, onOpen],
  );
  // TanStack's hook returns functions the React compiler cannot memoise; that is expected.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows as CampaignFigures[],
    columns,
    state: { sorting, globalFilter: search },
    onSortingChange: setSorting,
    onGlobalFilterChange: setSearch,
    globalFilterFn: (row, _column, needle: string) => `${row.original.name ?? ''} ${row.original.value ?? ''}`.toLocaleLowerCase(lang).includes(needle.trim().toLocaleLowerCase(lang)),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const shown = table.getRowModel().rows;

  return (
    <section className="panel wide" aria-labelledby="media-campaigns-title" data-testid="media-campaigns">
      <div className="panel-head">
        <h2 id="media-campaigns-title">{t('mediaPage.campaigns.title')}</h2>
        <label>
          <span className="visually-hidden">{t('mediaPage.campaigns.search')}</span>
          <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder={t('mediaPage.campaigns.search')} data-testid="media-campaigns-search" />
        </label>
      </div>
      <p className="muted small">
        {t('mediaPage.campaigns.intro')} {t('mediaPage.campaigns.shown', { shown: formatInteger(lang, shown.length), count: formatInteger(lang, rows.length) })}
      </p>
      <div className="table-scroll tall-scroll" role="region" aria-label={t('mediaPage.campaigns.label')} tabIndex={0}>
        <table className="data-table" data-testid="media-campaigns-table">
          <SortableHead table={table} hint={(name) => t('table.sortHint', { column: name })} />
          <tbody>
            {shown.map((row) => (
              <tr key={row.id} data-campaign={row.original.value ?? ''} data-leads={row.original.leads} data-cost={row.original.cost ?? ''}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cell.column.columnDef.meta?.numeric ? 'num' : undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p className="empty">{t('mediaPage.campaigns.empty')}</p>}
    </section>
  );
}
