import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadFilter } from '../../../domain/leadFilter';
import { DEFAULT_PIPELINE } from '../../../domain/pipeline';
import type { QualitySettings } from '../../../domain/quality/rules';
import { errorText } from '../../../domain/errorText';
import { toRows } from '../../../db/arrowRows';
import { toSafeCsv } from '../../../ingest/safeCsv';
import { fixListSql } from '../../../sql/qualityFigures';
import { useData } from '../../data/DataContext';
import { downloadBlob, downloadText } from '../../export/download';
import { workbookSink } from '../../export/xlsxSink';
import { formatInteger } from '../../i18n/format';
import { FIX_LIST_FIELDS, fixListRecords } from './fixList';
import type { GroupChoice } from './GroupTable';

type FixFormat = 'csv' | 'csv-de' | 'xlsx';

interface FixListPanelProps {
  /** The build's scored leads (useQualityBuild). */
  readonly scores: string;
  readonly filter: LeadFilter;
  /** The filters without the page's own group choice: a group's list is that group's, whichever is chosen. */
  readonly groupFilter: LeadFilter;
  readonly settings: QualitySettings;
  readonly asOf: string;
  readonly grouping: GroupChoice;
  /** The grouping's values with their flagged leads (from the group table), for the "for" choice. */
  readonly groups: readonly { readonly value: string | null; readonly label: string; readonly flagged: number }[];
  readonly flaggedTotal: number;
}

/** Per owner, source or any grouping of the page: the leads to correct with their reasons, as CSV (two dialects) or Excel. */
export function FixListPanel({ scores, filter, groupFilter, settings, asOf, grouping, groups, flaggedTotal }: FixListPanelProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { coordinator } = useData();
  // The chosen group's index in `groups` (-1: everyone under the filters); reset when the grouping changes.
  const [chosen, setChosen] = useState<{ grouping: GroupChoice; index: number }>({ grouping, index: -1 });
  const index = chosen.grouping === grouping && chosen.index < groups.length ? chosen.index : -1;
  const group = index >= 0 ? groups[index]! : null;
  const [state, setState] = useState<{ running: boolean; error: string | null }>({ running: false, error: null });

  const start = async (format: FixFormat) => {
    if (!coordinator || state.running) return;
    setState({ running: true, error: null });
    try {
      const listFilter: LeadFilter = group ? [...groupFilter, { kind: 'values', dimension: grouping, values: [group.value] }] : filter;
      const rows = toRows(await coordinator.db.query(fixListSql({ pipeline: DEFAULT_PIPELINE, settings, asOf, filter: listFilter, scores })));
      const records = fixListRecords(rows, settings, (rule) => t(`qualityPage.rules.${rule}`));
      const headers = FIX_LIST_FIELDS.map((f) => t(`qualityPage.columns.${f}`));
      const name = `fix-list-${asOf}${group ? `-${fileSafe(group.label)}` : ''}`;
      if (format === 'xlsx') {
        const sink = workbookSink(
          FIX_LIST_FIELDS.map((f, i) => ({ header: headers[i]!, kind: f === 'score' ? 'number' : f === '_line' ? 'integer' : 'text' })),
          t('qualityPage.fixTitle'),
        );
        try {
          sink.addCells(records.map((r) => FIX_LIST_FIELDS.map((f) => (r[f] ?? null) as string | number | null)));
          downloadBlob(`${name}.xlsx`, await sink.finish());
        } finally {
          sink.dispose();
        }
      } else {
        downloadText(`${name}.csv`, toSafeCsv(records, FIX_LIST_FIELDS, { headers, germanExcel: format === 'csv-de' }));
      }
      setState({ running: false, error: null });
    } catch (error) {
      setState({ running: false, error: errorText(error) });
    }
  };

  const count = group ? group.flagged : flaggedTotal;
  return (
    <div data-testid="quality-fix-list">
      <p className="muted">{t('qualityPage.fixNote')}</p>
      <div className="fix-toolbar">
        <label>
          {t('qualityPage.fixFor')}{' '}
          <select value={index} onChange={(e) => setChosen({ grouping, index: Number(e.target.value) })} data-testid="fix-list-for">
            <option value={-1}>{t('qualityPage.everyone')}</option>
            {groups.map((g, i) => (
              <option key={i} value={i}>
                {t(`qualityPage.groupings.${grouping}`)}: {g.label} ({formatInteger(lang, g.flagged)})
              </option>
            ))}
          </select>
        </label>
        <span data-testid="fix-list-count" data-value={count}>
          {t('qualityPage.fixCount', { count, formatted: formatInteger(lang, count) })}
        </span>
        <button type="button" onClick={() => void start('csv')} disabled={state.running || count === 0} data-testid="fix-list-csv">
          {t('qualityPage.csv')}
        </button>
        <button type="button" onClick={() => void start('csv-de')} disabled={state.running || count === 0} data-testid="fix-list-csv-de">
          {t('qualityPage.csvGerman')}
        </button>
        <button type="button" onClick={() => void start('xlsx')} disabled={state.running || count === 0} data-testid="fix-list-xlsx">
          {t('qualityPage.xlsx')}
        </button>
      </div>
      {state.running && (
        <p className="muted" role="status">
          {t('qualityPage.exporting')}
        </p>
      )}
      {state.error && (
        <p className="error" role="alert">
          {t('qualityPage.exportFailed', { message: state.error })}
        </p>
      )}
    </div>
  );
}

/** A group's name as part of a file name: letters, digits and dashes. */
const fileSafe = (text: string) => text.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'group';
