import { useTranslation } from 'react-i18next';
import { XLSX_MAX_ROWS } from '../export/exportSink';
import { formatInteger } from '../i18n/format';
import type { ExportFormat, ExportState } from './useLeadExport';

interface ExportBarProps {
  readonly count: number | null;
  readonly exportState: ExportState;
  onExport(format: ExportFormat): void;
  onCancel(): void;
}

/** The two export buttons, and the progress of a running export with its cancel. */
export function ExportBar({ count, exportState, onExport, onCancel }: ExportBarProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const running = exportState.state === 'running';
  const tooManyForXlsx = count !== null && count > XLSX_MAX_ROWS;
  return (
    <div className="export-bar">
      <button type="button" onClick={() => onExport('csv')} disabled={running || !count} data-testid="explorer-export-csv" aria-describedby="explorer-export-hint">
        {t('explorer.exportCsv')}
      </button>
      <button
        type="button"
        onClick={() => onExport('xlsx')}
        disabled={running || !count || tooManyForXlsx}
        title={tooManyForXlsx ? t('explorer.tooManyForXlsx', { max: formatInteger(lang, XLSX_MAX_ROWS) }) : undefined}
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
      {exportState.state === 'failed' && (
        <p className="error" role="alert">
          {t('explorer.exportFailed', { message: exportState.message })}
        </p>
      )}
    </div>
  );
}
