import { useTranslation } from 'react-i18next';
import type { CsvImportReport } from '../../services/importCsv';
import { toSafeCsv } from '../../ingest/safeCsv';
import { downloadText } from '../export/download';
import { formatInteger } from '../i18n/format';
import { DELIMITER_NAMES, readableDateFormat } from './formatLabels';
import { useRejectReason } from './useRejectReason';

const SHOWN_REJECTS = 50;

/** What happened to one file: detection, counts, repairs, and the rejected lines (downloadable). */
export function ImportReportCard({ report }: { report: CsvImportReport }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatInteger(i18n.language, value);
  const reasonText = useRejectReason();
  const dates = Object.entries(report.format.dateFormats);
  const { sheet } = report;
  const download = () =>
    downloadText(
      `${report.fileName.replace(/\.[^.]*$/, '')}-rejected.csv`,
      // The download says what the page says, in the user's language.
      toSafeCsv(report.rejects.map((r) => ({ ...r, reason: reasonText(String(r.reason ?? '')) })), ['line', 'column_name', 'value', 'reason']),
    );
  return (
    <article className="panel report" data-testid="import-report" data-file={report.fileName}>
      <h3>
        {report.fileName} → <code>{report.kind}</code>
      </h3>
      <dl className="facts">
        {sheet ? (
          // A workbook was read through a CSV of its sheet: that CSV's encoding and delimiter mean nothing to the user.
          <div className="wide"><dt>{t('import.sheet')}</dt><dd data-testid="sheet">{t('import.sheetRead', { name: sheet.name, row: n(sheet.headerRow) })}</dd></div>
        ) : (
          <>
            <div><dt>{t('import.encoding')}</dt><dd>{report.encoding}</dd></div>
            <div><dt>{t('import.delimiter')}</dt><dd>{DELIMITER_NAMES[report.delimiter] ?? report.delimiter}</dd></div>
          </>
        )}
        <div><dt>{t('import.decimal')}</dt><dd>{report.format.decimalSeparator}</dd></div>
        <div><dt>{t('import.dates')}</dt><dd>{dates.length ? [...new Set(dates.flatMap(([, formats]) => formats.map(readableDateFormat)))].join(', ') : '–'}</dd></div>
        <div><dt>{t('import.read')}</dt><dd data-testid="rows-read">{n(report.rowsRead)}</dd></div>
        <div><dt>{t('import.loaded')}</dt><dd data-testid="rows-loaded">{n(report.rowsLoaded)}</dd></div>
        <div><dt>{t('import.rejected')}</dt><dd data-testid="rows-rejected" className={report.rowsRejected ? 'error' : undefined}>{n(report.rowsRejected)}</dd></div>
      </dl>
      {sheet && (sheet.otherSheets.length > 0 || sheet.notes.length > 0) && (
        <ul className="sheet-notes" data-testid="sheet-notes">
          {sheet.otherSheets.length > 0 && <li>{t('import.otherSheets', { sheets: sheet.otherSheets.map((name) => `“${name}”`).join(', ') })}</li>}
          {sheet.notes.map((note) => (
            <li key={note.kind}>{t(`import.sheetNote.${note.kind}`, { count: note.count, examples: note.examples.join('; ') + (note.count > note.examples.length ? ' …' : '') })}</li>
          ))}
        </ul>
      )}
      {report.repairs.length > 0 && (
        <details>
          <summary>{t('import.repairs', { count: report.repairs.length })}</summary>
          <ul className="repairs">
            {report.repairs.map((r) => (
              <li key={`${r.column}:${r.from}`}>
                {t('import.repair', { column: r.column, from: r.from, to: r.to, rows: n(r.rows) })}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.rejects.length > 0 && (
        <section aria-label={t('import.rejectsTitle')}>
          <div className="row">
            <h4>{t('import.rejectsTitle')}</h4>
            <button type="button" onClick={download} data-testid="download-rejects">
              {t('import.download')}
            </button>
          </div>
          <div className="table-scroll">
            <table className="data-table" data-testid="rejects-table">
              <thead>
                <tr>
                  <th className="num">{t(sheet ? 'import.row' : 'import.line')}</th>
                  <th>{t('import.column')}</th>
                  <th>{t('import.value')}</th>
                  <th>{t('import.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rejects.slice(0, SHOWN_REJECTS).map((r, i) => (
                  <tr key={i}>
                    <td className="num">{String(r.line ?? '')}</td>
                    <td>{String(r.column_name ?? '')}</td>
                    <td className="cell-value">{String(r.value ?? '')}</td>
                    <td>{reasonText(String(r.reason ?? ''))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.rejects.length > SHOWN_REJECTS && <p className="muted">{t('import.more', { count: report.rejects.length - SHOWN_REJECTS })}</p>}
        </section>
      )}
    </article>
  );
}
