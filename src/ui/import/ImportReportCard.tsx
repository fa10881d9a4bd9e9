import { useTranslation } from 'react-i18next';
import type { Row } from '../../db/arrowRows';
import type { CsvImportReport } from '../../services/importCsv';
import { downloadBlob } from '../export/download';
import { formatInteger } from '../i18n/format';
import { DELIMITER_NAMES, readableDateFormat } from './formatLabels';
import { useRejectReason } from './useRejectReason';
import { rejectsCsv } from './rejectsCsv';
import { useImportLabels } from './useImportLabels';

const SHOWN_REJECTS = 50;

/** Constants, extra columns, the currency, placeholders read as empty and optional cells emptied: nothing changed silently. */
function ReportNotes({ report }: { report: CsvImportReport }) {
  const { t, i18n } = useTranslation();
  const { columnLabel, valueLabel } = useImportLabels();
  const n = (value: number) => formatInteger(i18n.language, value);
  const constants = Object.entries(report.constants ?? {});
  const cleared = report.cleared ?? [];
  const placeholders = report.placeholders ?? [];
  const extras = report.extras ?? [];
  const plausibility = report.plausibility ?? [];
  const afterwards = report.afterwards ?? [];
  if (!constants.length && !cleared.length && !placeholders.length && !extras.length && !report.currency && !plausibility.length && !afterwards.length) return null;
  return (
    <ul className="report-notes" data-testid="report-notes">
      {constants.map(([column, value]) => (
        <li key={`c:${column}`} data-note="constant">{t('import.constant', { column: columnLabel(column), value: valueLabel(column, value) })}</li>
      ))}
      {report.currency && <li data-note="currency">{t('import.currency', { currency: report.currency })}</li>}
      {extras.length > 0 && <li data-note="extras">{t('import.extras', { columns: extras.map((e) => e.name).join(', ') })}</li>}
      {placeholders.map((p) => (
        <li key={`p:${p.column}`} data-note="placeholders" data-column={p.column}>
          {t('import.placeholders', { count: p.cells, cells: n(p.cells), column: columnLabel(p.column), values: report.placeholderValues.join(', ') })}
        </li>
      ))}
      {afterwards.map((step) => (
        <li key={`a:${step}`} data-note="afterwards" className="warning">
          {t('import.afterwards', { step })}
        </li>
      ))}
      {plausibility.map((w) => (
        <li key={`w:${w.check}`} data-note="plausibility" data-check={w.check} className="warning">
          {t(w.check === 'closed before created' ? 'import.closedBeforeCreated' : 'import.wonWithoutAmount', { count: w.count, leads: n(w.count), examples: w.examples.slice(0, 5).map((e) => e.leadId).join(', ') })}
        </li>
      ))}
      {cleared.length > 0 && (
        <li data-note="cleared">
          <details>
            <summary>{t('import.cleared', { count: cleared.length, cells: n(cleared.length) })}</summary>
            <table className="data-table" data-testid="cleared-table">
              <thead>
                <tr>
                  <th className="num">{t(report.sheet ? 'import.row' : 'import.line')}</th>
                  <th>{t('import.column')}</th>
                  <th>{t('import.value')}</th>
                </tr>
              </thead>
              <tbody>
                {cleared.slice(0, SHOWN_REJECTS).map((r, i) => (
                  <tr key={i}>
                    <td className="num">{String(r.line ?? '')}</td>
                    <td>{columnLabel(String(r.column_name ?? ''))}</td>
                    <td className="cell-value">{String(r.value ?? '')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {cleared.length > SHOWN_REJECTS && <p className="muted">{t('import.more', { count: cleared.length - SHOWN_REJECTS })}</p>}
          </details>
        </li>
      )}
    </ul>
  );
}

/** What happened to one file: detection, counts, repairs, and the rejected lines (downloadable). */
export function ImportReportCard({ report }: { report: CsvImportReport }) {
  const { t, i18n } = useTranslation();
  const { columnLabel, valueLabel } = useImportLabels();
  const n = (value: number) => formatInteger(i18n.language, value);
  const reasonText = useRejectReason();
  const dates = Object.entries(report.format.dateFormats);
  const { sheet } = report;
  const cleared = report.cleared ?? [];
  // Rejected lines and emptied cells, by line: everything the import did not load as written.
  // Rejected lines and emptied cells, by line: everything the import did not load as written. The
  // download says what the page says, in the user's language; in German also as German Excel reads CSV.
  const rejectRows = () =>
    [
      ...report.rejects.map((r): Row => ({ ...r, reason: reasonText(String(r.reason ?? '')) })),
      ...cleared.map((r): Row => ({ ...r, reason: `${reasonText(String(r.reason ?? ''))} (${t('import.emptiedNote')})` })),
    ].sort((a, b) => Number(a.line ?? 0) - Number(b.line ?? 0));
  const baseName = report.fileName.replace(/\.[^.]*$/, '');
  const download = (germanExcel: boolean) => {
    const german = germanExcel ? { headers: [t(sheet ? 'import.row' : 'import.line'), t('import.column'), t('import.value'), t('import.reason')], columnLabel } : undefined;
    downloadBlob(`${baseName}-${germanExcel ? 'abgelehnt-excel' : 'rejected'}.csv`, new Blob([rejectsCsv(rejectRows(), german)], { type: 'text/csv;charset=utf-8' }));
  };
  const downloads = (
    <span className="downloads">
      <button type="button" onClick={() => download(false)} data-testid="download-rejects">
        {t('import.download')}
      </button>
      {i18n.language === 'de' && (
        <button type="button" onClick={() => download(true)} data-testid="download-rejects-excel">
          {t('rejectsDownload.germanExcel')}
        </button>
      )}
    </span>
  );
  return (
    <article className="panel report" data-testid="import-report" data-file={report.fileName}>
      <h3>
        {report.fileName} → {t(`review.kinds.${report.kind}` as 'review.kinds.leads')}
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
      <ReportNotes report={report} />
      {report.repairs.length > 0 && (
        <details>
          <summary>{t('import.repairs', { count: report.repairs.length })}</summary>
          <ul className="repairs">
            {report.repairs.map((r) => (
              <li key={`${r.column}:${r.from}`}>
                {t('import.repair', { column: columnLabel(r.column), from: r.from, to: valueLabel(r.column, r.to), rows: n(r.rows) })}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.rejects.length === 0 && cleared.length > 0 && downloads}
      {report.rejects.length > 0 && (
        <section aria-label={t('import.rejectsTitle')}>
          <div className="row">
            <h4>{t('import.rejectsTitle')}</h4>
            {downloads}
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
                    <td>{columnLabel(String(r.column_name ?? ''))}</td>
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
