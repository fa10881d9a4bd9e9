import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadCondition, LeadFilter } from '../../domain/leadFilter';
import { compareByGuideline, mediaFigures, orderByGuideline, rankAgainstBest } from '../../domain/media';
import { mediaRowsFromCube } from '../../domain/mediaCube';
import { DEFAULT_PIPELINE } from '../../domain/pipeline';
import type { CostAllocation } from '../../domain/media';
import { campaignFiguresSql, mediaFiguresSql, type MediaGrouping } from '../../sql/media';
import { useData } from '../data/DataContext';
import { useCellsOrQuery } from '../data/useCubeOrQuery';
import { LazyLeadExplorer as LeadExplorer } from '../explorer/LazyLeadExplorer';
import { FilterBar } from '../filters/FilterBar';
import { useFilterLabels } from '../filters/useFilterLabels';
import { mediaDe } from '../i18n/media.de';
import { mediaEn } from '../i18n/media.en';
import { addPageTexts } from '../i18n/pageTexts';
import { select, setMediaSettings } from '../../state/viewState';
import { useViewState } from '../state/ViewStateContext';
import { AttributionPanel, useCredits } from './media/AttributionPanel';
import { CampaignsTable, type CampaignFigures } from './media/CampaignsTable';
import { CostNotes, useCostNoteQueries } from './media/CostNotes';
import { RadioChoice } from './media/RadioChoice';
import { useMediaCube } from './media/useMediaCube';
import { GuidelineOrderPanel } from './media/GuidelineOrderPanel';
import { FunnelShapes } from './media/FunnelShapes';
import { MediaCharts } from './media/MediaCharts';
import { MonthlyPanel, useMonthlyRows } from './media/MonthlyPanel';
import { MediaFiguresTable } from './media/MediaFiguresTable';
import { QueryStatus } from './QueryStatus';

addPageTexts(mediaEn, mediaDe);

/**
 * Which media bring qualified leads, revenue and return (the guideline's comparison of media by
 * qualification depth): one row per medium or raw source under the shared filters, each figure
 * opening the leads behind it.
 */
export function MediaPage() {
  const { t } = useTranslation();
  const { tables } = useData();
  const { view, update, filterFor } = useViewState();
  // Grouping and margin are in the link with the filters: a sent link shows the same table.
  const grouping: MediaGrouping = view.mediaBySource ? 'source' : 'medium';
  const margin = view.margin ?? 1;
  const setGrouping = (next: MediaGrouping) => update((v) => setMediaSettings(v, { bySource: next === 'source' }));
  const setMargin = (next: number) => update((v) => setMediaSettings(v, { margin: next }));
  const allocation: CostAllocation = view.costByDays ? 'days' : 'leads';
  const setAllocation = (next: CostAllocation) => update((v) => setMediaSettings(v, { costByDays: next === 'days' }));
  // The media table, its charts and the guideline's order keep every medium while one is selected
  // (their own selection is not applied to them); the campaigns and the explorer follow it.
  const filter = filterFor(null);
  const mediaFilter = filterFor('media');
  const selection = view.selections.find((s) => s.source === 'media')?.condition;
  const selected = selection?.kind === 'values' ? selection : null;
  const onSelect = (dimension: MediaGrouping | 'campaign_id', value: string | null) =>
    update((v) => select(v, { source: 'media', condition: { kind: 'values', dimension, values: [value] } }));
  const { conditionLabel, valueLabel } = useFilterLabels();
  const [explorer, setExplorer] = useState<{ filter: LeadFilter; title: string } | null>(null);
  const costs = tables.some((table) => table.kind === 'campaigns');
  const cube = useMediaCube();
  // From the in-memory cells when they cover the filter, else SQL (the same figures: mediaCube.test.ts).
  const figures = useCellsOrQuery(
    cube,
    JSON.stringify(['media', grouping, mediaFilter, costs, allocation]),
    (cells) => mediaRowsFromCube(cells, { groupBy: grouping, filter: mediaFilter, allocation, campaigns: costs }),
    () => mediaFiguresSql({ pipeline: DEFAULT_PIPELINE, groupBy: grouping, filter: mediaFilter, campaigns: costs, allocation }),
  );
  const state = figures.shown;
  const campaignFigures = useCellsOrQuery(
    cube,
    JSON.stringify(['campaigns', filter, costs, allocation]),
    (cells) => mediaRowsFromCube(cells, { groupBy: 'campaign_id', filter, allocation, campaigns: costs }),
    () => campaignFiguresSql({ pipeline: DEFAULT_PIPELINE, filter, campaigns: costs, allocation }),
  );
  const campaignState = campaignFigures.shown;
  // Every panel's rows are asked for here, before any panel renders: a filter change computes all answers first.
  const months = useMonthlyRows(cube, filter, costs, allocation);
  const touches = tables.some((table) => table.kind === 'touches');
  const creditsBy = view.attributionPerCampaign ? 'campaign_id' : 'medium';
  const credits = useCredits(cube, mediaFilter, creditsBy, touches, costs);
  const costNotes = useCostNoteQueries(costs, allocation);

  const rows = useMemo(() => {
    if (state.status !== 'ready' || !costNotes.settled) return null;
    const figures = state.rows.map((row) => mediaFigures(row, DEFAULT_PIPELINE, margin));
    return rankAgainstBest(grouping === 'medium' ? orderByGuideline(figures) : figures);
  }, [state, costNotes.settled, margin, grouping]);
  // This filter's own figures are in (`rows` may still be the last filter's, kept on screen meanwhile).
  const figuresReady = figures.state.status === 'ready' && costNotes.settled;
  const campaignRows = useMemo(() => {
    if (campaignState.status !== 'ready') return null;
    const figures = campaignState.rows.map(
      (row): CampaignFigures => ({
        ...mediaFigures(row, DEFAULT_PIPELINE, margin),
        name: row.name === null || row.name === undefined ? null : String(row.name),
        medium: row.campaign_medium === null || row.campaign_medium === undefined ? null : String(row.campaign_medium),
        listed: row.listed === true,
      }),
    );
    // Grouped by medium in the guideline's order; a stable sort keeps the most leads first within one.
    return figures.sort((a, b) => compareByGuideline(a.medium, b.medium));
  }, [campaignState, margin]);
  const currency = rows?.find((r) => r.currency !== null)?.currency ?? null;
  const totals = rows && { leads: rows.reduce((s, r) => s + r.leads, 0), costed: rows.reduce((s, r) => s + r.costedLeads, 0) };
  const open = (title: string, conditions: readonly LeadCondition[]) => setExplorer({ filter: [...filter, ...conditions], title: [title, ...filter.map(conditionLabel)].join(' · ') });

  return (
    <section aria-labelledby="page-title" className="page media-page" data-testid="media-page" data-ready={figuresReady} data-cells={cube ? 'ready' : 'building'}>
      <header className="page-header">
        <h1 id="page-title">{t('mediaPage.heading')}</h1>
        <p>{t('mediaPage.intro')}</p>
      </header>
      <FilterBar />
      <section className="panel wide" aria-labelledby="media-table-title" data-view="media" data-ready={figuresReady}>
        <div className="panel-head">
          <h2 id="media-table-title">{t('mediaPage.panelTitle')}</h2>
          <div className="inputs-options">
            <RadioChoice
              legend={t('mediaPage.groupBy')}
              name="media-group"
              options={[
                { value: 'medium', label: t('mediaPage.byMedium') },
                { value: 'source', label: t('mediaPage.bySource') },
              ]}
              value={grouping}
              onChange={setGrouping}
            />
            <label title={t('mediaPage.marginHint')}>
              {t('mediaPage.margin')}{' '}
              <input
                type="number"
                min={0}
                max={10}
                step={0.05}
                defaultValue={margin}
                className="cap-input"
                onChange={(event) => {
                  const value = Number(event.target.value);
                  if (event.target.value.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= 10) setMargin(value);
                }}
                data-testid="media-margin"
              />
            </label>
            {costs && (
              <RadioChoice
                legend={t('mediaPage.allocation')}
                title={t('mediaPage.allocationHint')}
                name="media-allocation"
                options={[
                  { value: 'leads', label: t('mediaPage.allocationLeads') },
                  { value: 'days', label: t('mediaPage.allocationDays') },
                ]}
                value={allocation}
                onChange={setAllocation}
              />
            )}
          </div>
        </div>
        <QueryStatus state={state} />
        {rows?.length === 0 && <p className="empty">{t('mediaPage.empty')}</p>}
        {rows && rows.length > 0 && <MediaFiguresTable
            rows={rows}
            grouping={grouping}
            pipeline={DEFAULT_PIPELINE}
            currency={currency}
            costs={costs}
            onOpen={open}
            selected={selected?.dimension === grouping ? selected.values : []}
            onSelect={(value) => onSelect(grouping, value)}
          />}
        {rows && rows.length > 0 && <p className="muted small">{t('mediaPage.rankNote')}</p>}
        {!rows || rows.length === 0 ? null : costs ? (
          totals && <CostNotes allocation={allocation} costedLeads={totals.costed} leads={totals.leads} currency={currency} queries={costNotes} />
        ) : (
          <p className="notice-inline short" data-testid="media-no-campaigns">
            {t('mediaPage.noCampaigns')}
          </p>
        )}
      </section>
      {grouping === 'medium' && rows && rows.length > 0 && <GuidelineOrderPanel rows={rows} pipeline={DEFAULT_PIPELINE} />}
      {rows && rows.length > 0 && (
        <MediaCharts rows={rows} campaigns={campaignRows} grouping={grouping} selected={selected?.values ?? []} selectedDimension={selected?.dimension ?? null} currency={currency} onSelect={onSelect} />
      )}
      {rows && rows.length > 0 && <FunnelShapes rows={rows} grouping={grouping} pipeline={DEFAULT_PIPELINE} />}
      {rows && rows.length > 0 && <MonthlyPanel months={months} currency={currency} what={selected ? selected.values.map((v) => valueLabel(selected.dimension, v)).join(', ') : null} />}
      {rows && rows.length > 0 && <AttributionPanel credits={credits} by={creditsBy} touches={touches} currency={currency} />}
      {campaignRows && campaignRows.some((r) => r.value !== null) && (
        <div data-view="campaigns" data-ready={campaignFigures.state.status === 'ready'}>
          <CampaignsTable rows={campaignRows} currency={currency} costs={costs} onOpen={open} />
        </div>
      )}
      {explorer && <LeadExplorer filter={explorer.filter} title={explorer.title} onClose={() => setExplorer(null)} />}
    </section>
  );
}
