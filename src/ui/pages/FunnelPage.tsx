import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadCondition, LeadFilter } from '../../domain/leadFilter';
import { DEFAULT_PIPELINE } from '../../domain/pipeline';
import { useData } from '../data/DataContext';
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
  const props = { pipeline: DEFAULT_PIPELINE, openExplorer, clicks };
  return (
    <section aria-labelledby="page-title" className="page" data-cubes-ready={funnelCube !== null}>
      <header className="page-header">
        <h1 id="page-title">{t('funnel.heading')}</h1>
        <p>{t('funnel.intro')}</p>
      </header>
      <FilterBar />
      <div className="panels funnel-panels">
        <StageFunnelView {...props} rows={rows.funnel} />
        <SplitView {...props} rows={rows.split} />
        <CohortView {...props} rows={rows.cohorts} />
        <TrendView {...props} rows={rows.trend} />
        <VelocityView {...props} rows={rows.velocity} />
      </div>
      {explorer && <LeadExplorer filter={explorer.filter} title={explorer.title} onClose={() => setExplorer(null)} />}
    </section>
  );
}
