import { useTranslation } from 'react-i18next';
import type { QualitySettings } from '../../../domain/quality/rules';
import type { QualityGrouping } from '../../../sql/qualityFigures';
import type { QueryState } from '../../data/useQuery';
import { formatInteger, formatNumber, formatPercent } from '../../i18n/format';
import { QueryStatus } from '../QueryStatus';
import { qualityFigures, topProblem } from '../../../domain/quality/figures';

export const GROUP_CHOICES = ['_source', 'medium', 'campaign_id', 'owner', 'sales_unit'] as const satisfies readonly QualityGrouping[];
export type GroupChoice = (typeof GROUP_CHOICES)[number];

interface GroupTableProps {
  readonly grouping: GroupChoice;
  readonly onGrouping: (next: GroupChoice) => void;
  readonly state: QueryState;
  readonly settings: QualitySettings;
  readonly valueLabel: (grouping: GroupChoice, value: string | null) => string;
  /** The groups chosen to filter the rest of the page (of this grouping). */
  readonly selected: readonly (string | null)[];
  /** Chooses a group to filter the page by, or clears the choice when it is the one chosen. */
  readonly onSelect: (value: string | null) => void;
  /** Lists a group's leads that lose points. */
  readonly onOpen: (value: string | null, label: string) => void;
}

/** The quality per source file, medium, campaign, owner or unit, weakest first: who loses most points. */
export function GroupTable({ grouping, onGrouping, state, settings, valueLabel, selected, onSelect, onOpen }: GroupTableProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const what = t(`qualityPage.groupings.${grouping}`);
  const rows =
    state.status === 'ready'
      ? state.rows.map((row) => qualityFigures(row, settings)).sort((a, b) => (a.score ?? 100) - (b.score ?? 100) || b.leads - a.leads)
      : [];
  return (
    <>
      <label className="inline-choice">
        {t('qualityPage.groupBy')}{' '}
        <select value={grouping} onChange={(e) => onGrouping(e.target.value as GroupChoice)} data-testid="quality-grouping">
          {GROUP_CHOICES.map((g) => (
            <option key={g} value={g}>
              {t(`qualityPage.groupings.${g}`)}
            </option>
          ))}
        </select>
      </label>
      <QueryStatus state={state} />
      {rows.length > 0 && (
        // Scrolls inside the panel: focusable, so the keyboard can scroll it too.
        <div className="table-scroll capped" tabIndex={0} role="region" aria-label={t('qualityPage.groupLabel', { what })}>
          <table className="data-table" aria-label={t('qualityPage.groupLabel', { what })} data-testid="quality-groups">
            <thead>
              <tr>
                <th scope="col">{what}</th>
                <th scope="col" className="num">{t('qualityPage.leads')}</th>
                <th scope="col" className="num">{t('qualityPage.score')}</th>
                <th scope="col" className="num">{t('qualityPage.flaggedShare')}</th>
                <th scope="col">{t('qualityPage.topProblem')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const top = topProblem(row);
                const chosen = selected.includes(row.group);
                return (
                  <tr key={row.group ?? '\u0000'} data-group={row.group ?? ''} data-score={row.score ?? ''} data-selected={chosen} className={chosen ? 'selected' : undefined}>
                    <th scope="row">
                      <button
                        type="button"
                        className="link-button"
                        aria-pressed={chosen}
                        title={t(chosen ? 'qualityPage.groupUnfilter' : 'qualityPage.groupFilter')}
                        onClick={() => onSelect(row.group)}
                        data-testid="quality-group-select"
                      >
                        {valueLabel(grouping, row.group)}
                      </button>
                    </th>
                    <td className="num">{formatInteger(lang, row.leads)}</td>
                    <td className="num">{row.score === null ? '–' : formatNumber(lang, row.score, 1, 1)}</td>
                    <td className="num">
                      {row.flagged > 0 ? (
                        <button type="button" className="figure" onClick={() => onOpen(row.group, valueLabel(grouping, row.group))} aria-label={t('qualityPage.openGroup', { share: formatPercent(lang, row.flagged / row.leads), value: valueLabel(grouping, row.group) })}>
                          {formatPercent(lang, row.flagged / row.leads)}
                        </button>
                      ) : (
                        formatPercent(lang, row.leads ? 0 : null)
                      )}
                    </td>
                    <td>{top ? `${t(`qualityPage.rules.${top.rule}`)} (${formatInteger(lang, top.leads)})` : t('qualityPage.none')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
