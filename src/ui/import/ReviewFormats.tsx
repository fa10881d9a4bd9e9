import { useTranslation } from 'react-i18next';
import { CANONICAL, type TableKind } from '../../domain/schema';
import { DATE_FORMAT_CHOICES, type ValueFormat } from '../../domain/valueFormat';
import type { ColumnMapping } from '../../ingest/headerMapping';
import type { TextEncoding } from '../../ingest/encoding';
import type { TextChoice } from '../../services/inspectImport';
import { DELIMITER_NAMES, readableDateFormat } from './formatLabels';

const ENCODINGS: readonly TextEncoding[] = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'];
const DETECTED = '';

/** The detected encoding, delimiter and number and date formats, each one a choice the user can correct. */
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
}) {
  const { t } = useTranslation();
  const { kind, mapping, detected, chosen } = props;
  const dateColumns = CANONICAL[kind].filter((c) => c.type === 'DATE' && mapping[c.name] !== undefined);
  const detectedDates = (column: string) => (detected.dateFormats[column] ?? ['%Y-%m-%d']).map(readableDateFormat).join(', ');
  return (
    <details data-testid="review-formats">
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
        {dateColumns.map((column) => (
          <label key={column.name}>
            <code>{column.name}</code>{' '}
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
              {DATE_FORMAT_CHOICES.map((format) => (
                <option key={format} value={format}>{readableDateFormat(format)}</option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </details>
  );
}
