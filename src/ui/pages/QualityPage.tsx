import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PIPELINE } from '../../domain/pipeline';
import { rulePoints, rulesOnColumns, scoredDimensions } from '../../domain/quality/rules';
import { qualityLinkOf, settingsOfLink } from '../../domain/quality/settingsLink';
import { select, setQualityLink } from '../../state/viewState';
import { conversionStage, QUALITY_LEAD_COLUMNS, qualityFiguresSql, qualityLeadsSql } from '../../sql/qualityFigures';
import type { LeadFilter } from '../../domain/leadFilter';
import type { QualityRuleId } from '../../domain/quality/rules';
import { LazyLeadExplorer as LeadExplorer } from '../explorer/LazyLeadExplorer';
import type { ListedLeads } from '../explorer/LeadExplorer';
import { Chart } from '../charts/Chart';
import { spiralOption, type SpiralMonth } from '../charts/quality/spiralOption';
import { TableDisclosure } from '../tables/TableDisclosure';
import { useKeptQuery, useQuery } from '../data/useQuery';
import { FilterBar } from '../filters/FilterBar';
import { useFilterLabels } from '../filters/useFilterLabels';
import { formatDate, formatInteger, formatMonth, formatNumber, formatPercent } from '../i18n/format';
import { addPageTexts } from '../i18n/pageTexts';
import { qualityDe } from '../i18n/quality.de';
import { qualityEn } from '../i18n/quality.en';
import { useViewState } from '../state/ViewStateContext';
import { NeedsDates } from './NeedsDates';
import { AbsentColumnsNote } from './quality/AbsentColumnsNote';
import { DuplicatesPanel } from './quality/DuplicatesPanel';
import { FixListPanel } from './quality/FixListPanel';
import { GroupTable, type GroupChoice } from './quality/GroupTable';
import { qualityFigures } from '../../domain/quality/figures';
import { localDay } from '../../domain/today';
import { useQualityBuild } from './quality/useQualityBuild';
import { RulesTable } from './quality/RulesTable';
import { SettingsPanel } from './quality/SettingsPanel';
import { linkOfChosenRules, rulesInForce } from './quality/rulesInForce';
import { readSavedRules, saveRules } from './quality/savedRules';
import { useData } from '../data/DataContext';
import { SpiralTable } from './quality/SpiralTable';
import { ScoreBands } from './quality/ScoreBands';
import { QueryStatus } from './QueryStatus';

addPageTexts(qualityEn, qualityDe);

/** The stage whose reach the spiral sets beside the quality. */
const { stage: CONVERSION_STAGE } = conversionStage(DEFAULT_PIPELINE);

/**
 * How good the data is and where it goes wrong (the guideline: data quality makes about half of lead
 * generation's success): every lead scored by rules with a reason for every lost point, duplicates,
 * the quality per month beside volume and conversion, and fix lists.
 */
export function QualityPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { view, update, filterFor } = useViewState();
  // A group chosen in "Who loses most points" filters the rest of the page; the table itself keeps
  // every group (its own choice is not applied to it), as the Funnel's and Media's views do.
  const filter = filterFor(null);
  const groupFilter = filterFor('quality');
  const selection = view.selections.find((s) => s.source === 'quality')?.condition;
  // The rule settings are in the link with the filters: a sent link scores the same way.
  // Without rules in the link: a published dashboard's own, else the user's saved ones (savedRules.ts).
  const { origin, qualityLink: publishedRules } = useData();
  const [savedRules, setSavedRules] = useState(readSavedRules);
  const { starting: startingRules, rules: rulesLink, source: rulesSource } = rulesInForce({ link: view.quality, origin, published: publishedRules, saved: savedRules });
  const { settings: chosenSettings, ignored: linkIgnored } = useMemo(() => settingsOfLink(rulesLink), [rulesLink]);
  // The starting rules go into the link, so a link copied from here scores the same way.
  useEffect(() => {
    if (view.quality === undefined && startingRules && Object.keys(startingRules).length) update((v) => (v.quality === undefined ? setQualityLink(v, startingRules) : v));
  }, [view.quality, startingRules, update]);
  const [asOf] = useState(() => localDay());
  const [grouping, setGrouping] = useState<GroupChoice>('owner');
  const scoring = useQualityBuild(useMemo(() => ({ pipeline: DEFAULT_PIPELINE, settings: chosenSettings, asOf }), [chosenSettings, asOf]));
  const scores = scoring.status === 'ready' ? scoring.build.tables.scores : null;
  // The rules the leads were scored by: without those on columns the data does not have.
  const settings = scoring.status === 'ready' ? scoring.build.settings : chosenSettings;
  // Every figure reads the scored leads of the build (none before it is there).
  const options = useMemo(() => (scores ? { pipeline: DEFAULT_PIPELINE, settings, asOf, filter, scores } : null), [settings, asOf, filter, scores]);
  const total = useQuery(useMemo(() => options && qualityFiguresSql(options, 'total'), [options]));
  const months = useKeptQuery(useMemo(() => options && qualityFiguresSql(options, 'month'), [options])).shown;
  const groups = useKeptQuery(useMemo(() => options && qualityFiguresSql({ ...options, filter: groupFilter }, grouping), [options, groupFilter, grouping])).shown;
  const selectedGroups = selection?.kind === 'values' && selection.dimension === grouping ? selection.values : [];
  const { valueLabel: filterValueLabel, stageLabel } = useFilterLabels();
  const stageName = stageLabel(CONVERSION_STAGE);
  const mqlName = stageLabel(DEFAULT_PIPELINE.stages[1] ?? CONVERSION_STAGE);

  const figures = total.status === 'ready' && total.rows[0] ? qualityFigures(total.rows[0], settings) : null;
  // Every lead would score 100: said instead of shown as clean data.
  const nothingCounts = rulePoints(settings).length === 0;
  const spiralData = useMemo<{ rows: SpiralMonth[]; dimensions: string[] } | null>(() => {
    if (months.status !== 'ready') return null;
    const rows = months.rows
      .map((row) => qualityFigures(row, settings))
      .filter((m) => m.group !== null)
      .map((m) => ({ month: m.group!, leads: m.leads, score: m.score, dimensions: m.dimensions, conversion: m.leads ? m.qualified / m.leads : null, flagged: m.leads ? m.flagged / m.leads : null }));
    return { rows, dimensions: scoredDimensions(settings) };
  }, [months, settings]);
  const spiralRows = spiralData?.rows ?? null;
  const conversionLabel = t('qualityPage.conversion', { stage: stageName });
  const spiral = useMemo(() => {
    if (!spiralData) return null;
    return spiralOption(spiralData.rows, spiralData.dimensions, {
      month: (m) => formatMonth(lang, m),
      count: (n) => formatInteger(lang, n),
      percent: (p) => formatPercent(lang, p),
      score: t('qualityPage.score'),
      leads: t('qualityPage.leads'),
      conversion: t('qualityPage.conversion', { stage: stageLabel(CONVERSION_STAGE) }),
      flagged: t('qualityPage.flaggedShare'),
      dimension: (d) => t(`qualityPage.dimensions.${d}`),
    });
  }, [spiralData, lang, t, stageLabel]);

  const [explorer, setExplorer] = useState<{ rule: QualityRuleId | null; filter: LeadFilter; title: string } | null>(null);
  const listed = useMemo<ListedLeads | null>(
    () =>
      explorer && scores
        ? {
            from: qualityLeadsSql(scores, settings, explorer.rule, (rule) => t(`qualityPage.rules.${rule}`)),
            columns: QUALITY_LEAD_COLUMNS,
            labels: { _quality_reasons: t('qualityPage.columns.reasons'), _quality_score: t('qualityPage.columns.score') },
          }
        : null,
    [explorer, scores, settings, t],
  );
  const valueLabel = (g: GroupChoice, value: string | null) => (value === null ? t('qualityPage.blank') : filterValueLabel(g, value));
  const groupRows = groups.status === 'ready' ? groups.rows.map((row) => qualityFigures(row, settings)) : [];
  const duplicateLeads = figures?.failing.get('duplicate') ?? 0;

  return (
    <section aria-labelledby="page-title" className="page" data-testid="quality-page" data-ready={figures && months.status === 'ready' && groups.status === 'ready' ? 'true' : 'false'}>
      <header className="page-header">
        <h1 id="page-title">{t('qualityPage.heading')}</h1>
        <p>{t('qualityPage.intro')}</p>
      </header>
      <FilterBar />
      <p className="muted">{t('qualityPage.asOf', { date: formatDate(lang, asOf), days: settings.deadFileDays })}</p>
      {linkIgnored.length > 0 && (
        <p className="notice warning" role="status" data-testid="quality-link-ignored">
          {t('qualityPage.linkIgnored', { params: linkIgnored.join(', ') })}
        </p>
      )}
      <SettingsPanel
        settings={chosenSettings}
        source={rulesSource}
        onChange={(next) => {
          const link = linkOfChosenRules(qualityLinkOf(next), startingRules);
          if (origin !== 'published') {
            saveRules(link);
            setSavedRules(link);
          }
          update((v) => setQualityLink(v, link));
        }}
        absentRules={new Set(scoring.status === 'ready' ? rulesOnColumns(scoring.build.absentColumns).map((r) => r.id) : [])}
      />
      {scoring.status === 'ready' && figures !== null && figures.leads > 0 && <AbsentColumnsNote columns={scoring.build.absentColumns} className="notice" />}
      {scoring.status === 'loading' && (
        <p className="muted" role="status" aria-busy="true" data-testid="quality-scoring">
          {t('qualityPage.scoring')}
        </p>
      )}
      {scoring.status === 'error' && (
        <p className="error" role="alert">
          {t('error.query', { message: scoring.error })}
        </p>
      )}
      {scoring.status === 'ready' && <QueryStatus state={total} />}
      {figures && figures.leads === 0 && <p className="empty">{t('qualityPage.empty')}</p>}
      {figures && figures.leads > 0 && nothingCounts && (
        <p className="notice warning" role="alert" data-testid="quality-nothing-counts">
          {t('qualityPage.nothingCounts')}
        </p>
      )}
      {figures && figures.leads > 0 && !nothingCounts && (
        <>
          <dl className="kpis" data-testid="quality-kpis">
            <div className="kpi" data-kpi="score" data-value={figures.score ?? ''}>
              <dt>{t('qualityPage.kpi.score')}</dt>
              <dd>{figures.score === null ? '–' : formatNumber(lang, figures.score, 1, 1)}</dd>
              <dd className="kpi-note">
                <small>{t('qualityPage.kpi.scoreNote', { leads: formatInteger(lang, figures.leads) })}</small>
              </dd>
            </div>
            <div className="kpi" data-kpi="flagged" data-value={figures.flagged}>
              <dt>{t('qualityPage.kpi.flagged')}</dt>
              <dd>{formatInteger(lang, figures.flagged)}</dd>
              <dd className="kpi-note">
                <small>{t('qualityPage.kpi.flaggedNote', { share: formatPercent(lang, figures.flagged / figures.leads) })}</small>
              </dd>
            </div>
            <div className="kpi" data-kpi="duplicates" data-value={duplicateLeads}>
              <dt>{t('qualityPage.kpi.duplicates')}</dt>
              <dd>{formatInteger(lang, duplicateLeads)}</dd>
              <dd className="kpi-note">
                <small>{scoring.status === 'ready' ? t('qualityPage.kpi.duplicatesNote', { clusters: formatInteger(lang, scoring.build.clusterCount) }) : '…'}</small>
              </dd>
            </div>
            <div className="kpi" data-kpi="mql_uncontacted" data-value={figures.mqlUncontacted}>
              <dt>{t('qualityPage.kpi.uncontacted')}</dt>
              <dd>{formatInteger(lang, figures.mqlUncontacted)}</dd>
              <dd className="kpi-note">
                <small>{t('qualityPage.kpi.uncontactedNote', { stage: mqlName })}</small>
              </dd>
            </div>
          </dl>
          <ScoreBands figures={figures} />
          <div className="panels">
            <section className="panel wide" aria-labelledby="quality-spiral-title" data-testid="quality-spiral">
              <h2 id="quality-spiral-title">{t('qualityPage.spiralTitle')}</h2>
              <p className="muted">{t('qualityPage.spiralNote', { stage: stageName })}</p>
              <NeedsDates>
                <QueryStatus state={months} />
                {spiral && <Chart option={spiral} label={t('qualityPage.spiralLabel')} height={440} testId="quality-spiral-chart" />}
                {spiralRows && (
                  <TableDisclosure summary={t('qualityPage.spiralTable')} testId="quality-months-toggle">
                    {() => <SpiralTable rows={spiralRows} conversionLabel={conversionLabel} />}
                  </TableDisclosure>
                )}
              </NeedsDates>
            </section>
            <section className="panel wide" aria-labelledby="quality-rules-title">
              <h2 id="quality-rules-title">{t('qualityPage.rulesTitle')}</h2>
              <RulesTable figures={figures} settings={settings} onOpen={(rule) => setExplorer({ rule, filter, title: t('qualityPage.explorerRule', { rule: t(`qualityPage.rules.${rule}`) }) })} />
            </section>
            <section className="panel wide" aria-labelledby="quality-groups-title">
              <h2 id="quality-groups-title">{t('qualityPage.groupTitle')}</h2>
              <GroupTable
                grouping={grouping}
                onGrouping={setGrouping}
                state={groups}
                settings={settings}
                valueLabel={valueLabel}
                selected={selectedGroups}
                onSelect={(value) => update((v) => select(v, { source: 'quality', condition: { kind: 'values', dimension: grouping, values: [value] } }))}
                onOpen={(value, label) =>
                  setExplorer({ rule: null, filter: [...groupFilter, { kind: 'values', dimension: grouping, values: [value] }], title: t('qualityPage.explorerGroup', { what: t(`qualityPage.groupings.${grouping}`), value: label }) })
                }
              />
            </section>
            <section className="panel wide" aria-labelledby="quality-fix-title">
              <h2 id="quality-fix-title">{t('qualityPage.fixTitle')}</h2>
              <FixListPanel
                scores={scores!}
                filter={filter}
                groupFilter={groupFilter}
                settings={settings}
                asOf={asOf}
                grouping={grouping}
                groups={groupRows.filter((g) => g.flagged > 0).map((g) => ({ value: g.group, label: valueLabel(grouping, g.group), flagged: g.flagged }))}
                flaggedTotal={figures.flagged}
              />
            </section>
            <section className="panel wide" aria-labelledby="quality-duplicates-title">
              <h2 id="quality-duplicates-title">{t('qualityPage.duplicatesTitle')}</h2>
              {scoring.status === 'ready' && <DuplicatesPanel build={scoring.build} clusters={scoring.clusters} />}
            </section>
          </div>
        </>
      )}
      {explorer && listed && <LeadExplorer filter={explorer.filter} leads={listed} title={explorer.title} onClose={() => setExplorer(null)} />}
    </section>
  );
}
