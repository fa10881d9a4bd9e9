import { useTranslation } from 'react-i18next';
import { xlsxRowLimit } from '../export/exportSink';
import { formatInteger } from '../i18n/format';
import type { ExportFormat, ExportState } from './useLeadExport';

interface ExportBarProps {
  readonly count: number | null;
  /** How many columns are exported: an Excel workbook is limited in cells, not only rows. */
  readonly columns: number;
  readonly exportState: ExportState;
  onExport(format: ExportFormat): void;
  onCancel(): void;
}

/** The two export buttons, and the progress of a running export with its cancel. */
export function ExportBar({ count, columns, exportState, onExport, onCancel }: ExportBarProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const running = exportState.state === 'running';
  const xlsxMax = xlsxRowLimit(columns);
  const tooManyForXlsx = count !== null && count > xlsxMax;
  return (
    <div className="export-bar">
      <button type="button" onClick={() => onExport('csv')} disabled={running || !count} data-testid="explorer-export-csv" aria-describedby="explorer-export-hint">
        {t('explorer.exportCsv')}
      </button>
      <button
        type="button"
        onClick={() => onExport('xlsx')}
        disabled={running || !count || tooManyForXlsx}
        title={tooManyForXlsx ? t('explorer.tooManyForXlsx', { max: formatInteger(lang, xlsxMax) }) : undefined}
        data-testid="explorer-export-xlsx"
        aria-describedby="explorer-export-hint"
      >
        {t('explorer.exportXlsx')}
      </button>
      {running ? (
        <span className="progress" role="status" data-testid="explorer-export-progress">
          <progress max={count ?? 1} value={exportState.done} />
          {t('explorer.exporting', { done: formatInteger(lang, exportState.done), total: formatInteger(lang, count ?? 0) })}
          <button type="button" onClick={onCancel}>
            {t('explorer.cancelExport')}
          </button>
        </span>
      ) : (
        <small id="explorer-export-hint" className="muted">
          {t('explorer.exportHint', { n: formatInteger(lang, count ?? 0) })}
        </small>
      )}
      {tooManyForXlsx && !running && (
        <small className="muted" data-testid="explorer-xlsx-limit">
          {t('explorer.tooManyForXlsx', { max: formatInteger(lang, xlsxMax) })}
        </small>
      )}
      {exportState.state === 'failed' && (
        <p className="error" role="alert">
          {t('explorer.exportFailed', { message: exportState.message })}
        </p>
      )}
    </div>
  );
}
