import { useTranslation } from 'react-i18next';
import { CANONICAL, type TableKind } from '../../domain/schema';
import { DATE_FORMAT_CHOICES, MONTH_FORMAT_CHOICES, dateRangeProblem, defaultDateRange, type DateRange, type ValueFormat } from '../../domain/valueFormat';
import type { ColumnMapping } from '../../ingest/headerMapping';
import type { TextEncoding } from '../../ingest/encoding';
import type { TextChoice } from '../../services/inspectImport';
import { DELIMITER_NAMES, readableDateFormat } from './formatLabels';
import { useImportLabels } from './useImportLabels';

const ENCODINGS: readonly TextEncoding[] = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'];
const DETECTED = '';

/**
 * The detected encoding, delimiter and number and date formats, each one a choice the user can
 * correct, with the rules the import reads numbers and dates by (grouping, two-digit years, the
 * plausible dates, time zones) and the plausible dates as a choice too.
 */
export function ReviewFormats(props: {
  kind: TableKind;
  mapping: ColumnMapping;
  encoding: TextEncoding;
  delimiter: string;
  /** Text formats apply to a CSV only (a workbook or Parquet file has none). */
  textFormats: boolean;
  detected: ValueFormat;
  chosen: Partial<ValueFormat>;
  onText(choice: TextChoice): void;
  onChange(chosen: Partial<ValueFormat>): void;
  /** The plausible dates the user set; null for the default (1990-01-01 … today + 1 year). */
  dateRange: DateRange | null;
  onDateRange(range: DateRange | null): void;
  /** Open from the start (a number column mixes decimal comma and point: the separator is to be chosen here). */
  open?: boolean;
}) {
  const { t } = useTranslation();
  const { columnLabel } = useImportLabels();
  const { kind, mapping, detected, chosen } = props;
  const dateColumns = CANONICAL[kind].filter((c) => c.type === 'DATE' && mapping[c.name] !== undefined);
  const detectedDates = (column: string) => (detected.dateFormats[column] ?? ['%Y-%m-%d']).map(readableDateFormat).join(', ');
  const range = props.dateRange ?? defaultDateRange(new Date());
  // A half-typed or reversed range is not passed on: the import keeps the last good one.
  const changeRange = (next: DateRange) => {
    if (dateRangeProblem(next) === null) props.onDateRange(next);
  };
  return (
    <details data-testid="review-formats" open={props.open}>
      <summary>{t('review.formats')}</summary>
      <div className="formats">
        {props.textFormats && (
          <>
            <label>
              {t('import.encoding')}{' '}
              <select value={props.encoding} onChange={(e) => props.onText({ encoding: e.target.value as TextEncoding, delimiter: props.delimiter })} data-testid="choose-encoding">
                {ENCODINGS.map((encoding) => (
                  <option key={encoding} value={encoding}>{encoding}</option>
                ))}
              </select>
            </label>
            <label>
              {t('import.delimiter')}{' '}
              <select value={props.delimiter} onChange={(e) => props.onText({ encoding: props.encoding, delimiter: e.target.value })} data-testid="choose-delimiter">
                {Object.entries(DELIMITER_NAMES).map(([value, name]) => (
                  <option key={value} value={value}>{name}</option>
                ))}
              </select>
            </label>
          </>
        )}
        <label>
          {t('import.decimal')}{' '}
          <select
            value={chosen.decimalSeparator ?? detected.decimalSeparator}
            onChange={(e) => props.onChange({ ...chosen, decimalSeparator: e.target.value as ValueFormat['decimalSeparator'] })}
            data-testid="choose-decimal"
          >
            <option value=",">{t('review.decimalComma')}</option>
            <option value=".">{t('review.decimalPoint')}</option>
          </select>
        </label>
        <small className="muted" data-testid="review-number-rule">{t('review.numberRule')}</small>
        {dateColumns.map((column) => (
          <label key={column.name}>
            {columnLabel(column.name)}{' '}
            <select
              value={chosen.dateFormats?.[column.name]?.[0] ?? DETECTED}
              onChange={(e) => {
                const dateFormats = { ...chosen.dateFormats };
                if (e.target.value === DETECTED) delete dateFormats[column.name];
                else dateFormats[column.name] = [e.target.value];
                props.onChange({ ...chosen, dateFormats });
              }}
              data-testid={`choose-date-${column.name}`}
            >
              <option value={DETECTED}>{t('review.detectedDates', { formats: detectedDates(column.name) })}</option>
              {[...DATE_FORMAT_CHOICES, ...(column.month ? MONTH_FORMAT_CHOICES : [])].map((format) => (
                <option key={format} value={format}>{readableDateFormat(format)}</option>
              ))}
            </select>
          </label>
        ))}
        {dateColumns.length > 0 && (
          <>
            <label>
              {t('review.dateRange')}{' '}
              <input type="date" value={range.from} onChange={(e) => changeRange({ ...range, from: e.target.value })} data-testid="date-range-from" />
              {' … '}
              <input type="date" value={range.to} onChange={(e) => changeRange({ ...range, to: e.target.value })} data-testid="date-range-to" />
            </label>
            <small className="muted" data-testid="review-date-rules">{t('review.dateRules', { from: range.from, to: range.to })}</small>
          </>
        )}
      </div>
    </details>
  );
}
