import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadCondition, LeadFilter } from '../../domain/leadFilter';
import { DEFAULT_PIPELINE } from '../../domain/pipeline';
import { useData } from '../data/DataContext';
import { usePreparedRows } from '../data/usePrepared';
import { LazyLeadExplorer as LeadExplorer } from '../explorer/LazyLeadExplorer';
import { FilterBar } from '../filters/FilterBar';
import { useFilterLabels } from '../filters/useFilterLabels';
import { CohortView } from './funnel/CohortView';
import { SplitView } from './funnel/SplitView';
import { StageFunnelView } from './funnel/StageFunnelView';
import { TrendView } from './funnel/TrendView';
import { VelocityView } from './funnel/VelocityView';
import { createClickIntent } from './funnel/clickIntent';
import { useFunnelPageRows } from './funnel/useFunnelPageRows';
import { FiltersWhenReady, PreparedFiguresNote } from './PreparedFigures';

/**
 * Where each lead stands, how fast it moves and where it gets stuck: five cross-filtered views
 * under the shared filters; a click filters the other views, a double click (or a figure in a
 * table) lists the leads behind it.
 */
export function FunnelPage() {
  const { t } = useTranslation();
  const { funnelCube } = useData();
  const [explorer, setExplorer] = useState<{ filter: LeadFilter; title: string } | null>(null);
  const { conditionLabel } = useFilterLabels();
  // The title names the figure's own conditions first, then the filters it stands under.
  const openExplorer = (viewFilter: LeadFilter, figure: readonly LeadCondition[]) =>
    setExplorer({ filter: [...viewFilter, ...figure], title: [...figure, ...viewFilter].map(conditionLabel).join(' · ') });
  const [clicks] = useState(createClickIntent);
  const rows = useFunnelPageRows(DEFAULT_PIPELINE);
  // Until the engine answers, the stage funnel of the default view shows the counts prepared for it;
  // its own state stays "loading" (data-ready false) until the live rows are there.
  const preparedStages = usePreparedRows('funnelStages');
  const preparedShown = useMemo(() => (preparedStages ? ({ status: 'ready', rows: preparedStages } as const) : null), [preparedStages]);
  const prepared = rows.funnel.shown.status === 'loading' && preparedShown !== null;
  const funnel = prepared ? { state: rows.funnel.state, shown: preparedShown } : rows.funnel;
  const props = { pipeline: DEFAULT_PIPELINE, openExplorer, clicks };
  return (
    <section aria-labelledby="page-title" className="page" data-cubes-ready={funnelCube !== null} data-figures={prepared ? 'prepared' : rows.funnel.state.status === 'ready' ? 'live' : 'none'}>
      <header className="page-header">
        <h1 id="page-title">{t('funnel.heading')}</h1>
        <p>{t('funnel.intro')}</p>
      </header>
      <FiltersWhenReady>
        <FilterBar />
      </FiltersWhenReady>
      <PreparedFiguresNote shown={prepared} />
      <div className="panels funnel-panels">
        <StageFunnelView {...props} rows={funnel} />
        <SplitView {...props} rows={rows.split} />
        <CohortView {...props} rows={rows.cohorts} />
        <TrendView {...props} rows={rows.trend} />
        <VelocityView {...props} rows={rows.velocity} />
      </div>
      {explorer && <LeadExplorer filter={explorer.filter} title={explorer.title} onClose={() => setExplorer(null)} />}
    </section>
  );
}
