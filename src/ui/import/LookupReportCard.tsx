import { useTranslation } from 'react-i18next';
import type { LookupReport } from '../../services/lookups';
import { formatInteger } from '../i18n/format';
import { addPageTexts } from '../i18n/pageTexts';
import { lookupReportDe } from '../i18n/lookupReport.de';
import { lookupReportEn } from '../i18n/lookupReport.en';

addPageTexts(lookupReportEn, lookupReportDe);

/** What a lookup added: its key, its columns that became lead dimensions, and how well it fits the leads. */
export function LookupReportCard({ report }: { report: LookupReport }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatInteger(i18n.language, value);
  return (
    <article className="panel report" data-testid="import-report" data-file={report.fileName} data-kind="lookup">
      <h3>
        {report.fileName} → <code>{t('review.kinds.lookup')}</code>
      </h3>
      <dl className="facts">
        <div className="wide"><dt>{t('lookupReport.key')}</dt><dd>{t('lookupReport.keyValue', { column: report.column, leadColumn: report.leadColumn })}</dd></div>
        <div><dt>{t('import.loaded')}</dt><dd data-testid="rows-loaded">{n(report.rowsLoaded)}</dd></div>
        <div className="wide"><dt>{t('lookupReport.columns')}</dt><dd data-testid="lookup-columns">{report.columns.join(', ')}</dd></div>
      </dl>
      <p className={report.unmatched ? 'notice-inline warning' : 'muted'} data-testid="lookup-fit">
        {report.unmatched
          ? t('lookupReport.unmatched', { count: report.unmatched, of: n(report.leadValues), column: report.leadColumn, examples: report.unmatchedExamples.join(', ') })
          : t('lookupReport.allMatched', { of: n(report.leadValues), column: report.leadColumn })}
      </p>
      {report.repeatedKeys > 0 && <p className="notice-inline warning">{t('lookupReport.repeated', { count: report.repeatedKeys })}</p>}
    </article>
  );
}
