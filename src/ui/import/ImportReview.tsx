import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CANONICAL, TABLE_KINDS, VOCABULARY_COLUMNS, type TableKind } from '../../domain/schema';
import type { DateRange, ValueFormat } from '../../domain/valueFormat';
import { missingRequired, unusedHeaders, type ColumnConstants, type ColumnMapping } from '../../ingest/headerMapping';
import { suggestLookupKey } from '../../ingest/lookupKey';
import { dateWarnings, numberStyleWarnings, placeholderCount, vocabularyWarnings } from '../../ingest/mappingWarnings';
import { DEFAULT_PLACEHOLDERS, parsePlaceholders } from '../../ingest/placeholders';
import type { Inspection, TextChoice } from '../../services/inspectImport';
import type { LookupKey } from '../../services/lookups';
import type { ImportMode } from '../../sql/importMerge';
import { tableColumnsSql } from '../../sql/importMerge';
import { useQuery } from '../data/useQuery';
import { formatDateTime, formatInteger } from '../i18n/format';
import { ColumnMappingTable } from './ColumnMappingTable';
import { DELIMITER_NAMES } from './formatLabels';
import { LookupKeyPicker } from './LookupKeyPicker';
import type { RememberedMapping } from './rememberedMappings';
import { ReviewFormats } from './ReviewFormats';
import { previewRows } from './previewRows';
import { useImportLabels } from './useImportLabels';

const PREVIEW_ROWS = 8;
/** Currencies offered first; any other ISO code can be typed. */
const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'DKK', 'NOK', 'PLN', 'CZK', 'JPY', 'CAD', 'AUD'];

export type ReviewKind = TableKind | 'lookup';

export interface ReviewChoice {
  readonly kind: ReviewKind;
  readonly mapping: ColumnMapping;
  readonly mode: ImportMode;
  /** Only what the user corrected; the import detects the rest on more rows. */
  readonly decimalSeparator?: ValueFormat['decimalSeparator'];
  readonly dateFormats?: ValueFormat['dateFormats'];
  /** The plausible dates, when the user changed them. */
  readonly dateRange?: DateRange;
  readonly constants?: ColumnConstants;
  readonly placeholders?: readonly string[];
  readonly currency?: string;
  readonly lookupKey?: LookupKey;
}

interface Props {
  readonly inspection: Inspection;
  readonly remembered: RememberedMapping | null;
  /** Kinds already holding the user's data: for those, "update by id" is offered. */
  readonly loadedKinds: readonly ReviewKind[];
  /** Files after this one in the batch. */
  readonly queued: number;
  onImport(choice: ReviewChoice): void;
  onSkip(): void;
  /** Reads the head again with another encoding or delimiter. */
  onReinspect(choice: TextChoice): void;
  /** Why the last re-read failed, if it did. */
  readonly problem: string | null;
}

/**
 * Before a file is imported: its table (or a lookup of the leads), the column mapping with
 * constants, the values that mean "not filled", the amounts' currency, the first rows, replace or
 * update. A file the headers do not recognise is never pre-set to update the leads.
 */
export function ImportReview({ inspection, remembered, loadedKinds, queued, onImport, onSkip, onReinspect, problem }: Props) {
  const { t, i18n } = useTranslation();
  const { columnLabel, valueLabel } = useImportLabels();
  const n = (value: number) => formatInteger(i18n.language, value);
  const initialKind: ReviewKind = remembered?.kind ?? inspection.detectedKind ?? 'leads';
  const [kind, setKind] = useState<ReviewKind>(initialKind);
  const [mapping, setMapping] = useState<ColumnMapping>(remembered?.mapping ?? (initialKind === 'lookup' ? {} : inspection.suggest(initialKind)));
  const [constants, setConstants] = useState<ColumnConstants>(remembered?.constants ?? {});
  const [placeholderText, setPlaceholderText] = useState((remembered?.placeholders ?? DEFAULT_PLACEHOLDERS).join(', '));
  const [currency, setCurrency] = useState(remembered?.currency ?? '');
  const [chosenKey, setChosenKey] = useState<LookupKey | null>(remembered?.lookupKey ?? null);
  // A recognised file (or a layout the user mapped before) updates by id; one nobody recognised replaces, so a wrong guess never merges into the leads.
  const [mode, setMode] = useState<ImportMode>(inspection.detectedKind || remembered ? 'upsert' : 'replace');
  const [formats, setFormats] = useState<Partial<ValueFormat>>({});
  const [dateRange, setDateRange] = useState<DateRange | null>(null);
  const { headers } = inspection;
  const leadColumnsQuery = useQuery(kind === 'lookup' && loadedKinds.includes('leads') ? tableColumnsSql('leads') : null);
  const leadColumns = leadColumnsQuery.status === 'ready' ? leadColumnsQuery.rows.map((r) => String(r.name)).filter((c) => c !== '_source' && c !== '_line') : [];
  const lookupKey = chosenKey ?? (leadColumns.length ? suggestLookupKey(headers, leadColumns) : null);
  const table = kind === 'lookup' ? null : kind;
  const filledConstants = Object.fromEntries(Object.entries(constants).filter(([, v]) => v.trim() !== ''));
  const missing = table ? missingRequired(table, mapping, filledConstants) : lookupKey ? [] : ['key'];
  const preview = inspection.rows.slice(0, PREVIEW_ROWS);
  const valuesOf = (header: string) => inspection.rows.map((row) => row[headers.indexOf(header)] ?? '');
  const firstValue = (header: string | undefined) => (header === undefined ? '' : (preview[0]?.[headers.indexOf(header)] ?? ''));
  const mapped = useMemo(() => (table ? CANONICAL[table].filter((c) => mapping[c.name] !== undefined) : []), [table, mapping]);
  const placeholders = parsePlaceholders(placeholderText);
  // The preview shows what the load will make of the first rows: constants included.
  const previewColumns = table ? CANONICAL[table].filter((c) => mapping[c.name] !== undefined || filledConstants[c.name] !== undefined).map((c) => c.name) : [];
  const previewValues = table
    ? previewRows({ headers, rows: preview, columns: previewColumns, mapping, constants: filledConstants, placeholders, vocabularies: VOCABULARY_COLUMNS[table], values: remembered?.kind === table ? remembered.values : {} })
    : [];
  const warnings = table ? vocabularyWarnings(table, mapping, valuesOf) : [];
  const notDates = table ? dateWarnings(table, mapping, valuesOf) : [];
  const mixedDecimals = table ? numberStyleWarnings(table, mapping, valuesOf) : [];
  const amountsWithoutCurrency = (table === 'leads' || table === 'deals') && (mapping.amount !== undefined || constants.amount !== undefined) && mapping.currency === undefined;
  const unused = table ? unusedHeaders(headers, mapping, constants) : [];

  function changeKind(next: ReviewKind) {
    setKind(next);
    setConstants(remembered?.kind === next ? (remembered.constants ?? {}) : {});
    setMapping(next === 'lookup' ? {} : remembered?.kind === next ? remembered.mapping : inspection.suggest(next));
  }
  function changeColumn(column: string, header: string) {
    // One column of the file feeds one canonical column, as in the suggestion; a header replaces a constant.
    const next: Record<string, string> = Object.fromEntries(Object.entries(mapping).filter(([c, h]) => c !== column && h !== header));
    if (header !== '') next[column] = header;
    setMapping(next);
    setConstants(Object.fromEntries(Object.entries(constants).filter(([c]) => c !== column)));
  }
  function changeConstant(column: string, value: string | null) {
    setMapping(Object.fromEntries(Object.entries(mapping).filter(([c]) => c !== column)));
    setConstants(value === null ? Object.fromEntries(Object.entries(constants).filter(([c]) => c !== column)) : { ...constants, [column]: value });
  }
  function submit() {
    onImport({
      kind,
      mapping,
      mode,
      ...formats,
      ...(dateRange ? { dateRange } : {}),
      ...(Object.keys(filledConstants).length ? { constants: filledConstants } : {}),
      placeholders,
      ...(amountsWithoutCurrency && currency.trim() ? { currency: currency.trim().toUpperCase() } : {}),
      ...(kind === 'lookup' && lookupKey ? { lookupKey } : {}),
    });
  }

  return (
    <article className="panel review" data-testid="import-review" data-file={inspection.input.fileName} aria-labelledby="review-title">
      <h2 id="review-title">{t('review.title', { file: inspection.input.fileName })}</h2>
      <p className="muted">
        {inspection.input.workbook ? t('review.sheet', { sheet: inspection.input.workbook.summary.name }) : t('review.detected', { encoding: inspection.encoding, delimiter: DELIMITER_NAMES[inspection.delimiter] ?? inspection.delimiter })}
        {queued > 0 && ` ${t('review.queued', { count: queued })}`}
      </p>
      {!inspection.detectedKind && !remembered && (
        <p className="notice-inline" data-testid="review-unrecognised">
          {t('review.unrecognised')}
        </p>
      )}
      {remembered && (
        <p className="notice-inline" data-testid="review-remembered">
          {t('review.remembered', { when: formatDateTime(i18n.language, remembered.savedAt) })}
        </p>
      )}
      <div className="review-controls">
        <label>
          {t('review.kind')}{' '}
          <select value={kind} onChange={(e) => changeKind(e.target.value as ReviewKind)} data-testid="review-kind">
            {[...TABLE_KINDS, 'lookup' as const].map((k) => (
              <option key={k} value={k}>
                {t(`review.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {table && (
          <ReviewFormats
            kind={table}
            mapping={mapping}
            encoding={inspection.encoding}
            delimiter={inspection.delimiter}
            textFormats={inspection.isText}
            detected={inspection.detectFormat(table, mapping)}
            chosen={formats}
            onText={onReinspect}
            onChange={setFormats}
            dateRange={dateRange}
            onDateRange={setDateRange}
            open={mixedDecimals.length > 0}
          />
        )}
        {table && loadedKinds.includes(table) && (
          <fieldset className="mode">
            <legend>{t('review.modeLegend', { kind: t(`review.kinds.${table}`) })}</legend>
            <label>
              <input type="radio" name="mode" checked={mode === 'upsert'} onChange={() => setMode('upsert')} data-testid="mode-upsert" /> {t('review.upsert')}
            </label>
            <label>
              <input type="radio" name="mode" checked={mode === 'replace'} onChange={() => setMode('replace')} data-testid="mode-replace" /> {t('review.replace')}
            </label>
          </fieldset>
        )}
      </div>
      {kind === 'lookup' ? (
        <LookupKeyPicker leadColumns={leadColumns} headers={headers} value={lookupKey} onChange={setChosenKey} />
      ) : (
        table && (
          <details open={!remembered && (missing.length > 0 || !inspection.detectedKind || warnings.length > 0 || notDates.length > 0)}>
            <summary>{t('review.mappingSummary', { mapped: mapped.length + Object.keys(filledConstants).length, total: CANONICAL[table].length })}</summary>
            <ColumnMappingTable kind={table} headers={headers} mapping={mapping} constants={constants} firstValue={firstValue} onColumn={changeColumn} onConstant={changeConstant} />
            {unused.length > 0 && <p className="muted" data-testid="review-extras">{t('review.extras', { columns: unused.join(', ') })}</p>}
          </details>
        )
      )}
      {notDates.map((w) => (
        <p key={w.column} className="notice-inline warning" role="alert" data-testid="review-warning" data-column={w.column}>
          {t('review.notDates', { header: w.header, column: columnLabel(w.column), values: n(w.values), rows: n(w.rows) })}
        </p>
      ))}
      {mixedDecimals.map((w) => (
        <p key={w.column} className="notice-inline warning" role="alert" data-testid="review-warning" data-column={w.column}>
          {t('review.mixedDecimals', { header: w.header, column: columnLabel(w.column), comma: n(w.comma), point: n(w.point) })}
        </p>
      ))}
      {warnings.map((w) => (
        <p key={w.column} className="notice-inline warning" role="alert" data-testid="review-warning" data-column={w.column}>
          {t('review.tooManyValues', { header: w.header, column: columnLabel(w.column), values: n(w.values), rows: n(w.rows) })}
        </p>
      ))}
      <div className="review-controls">
        <label className="placeholders">
          {t('review.placeholders')}{' '}
          <input value={placeholderText} onChange={(e) => setPlaceholderText(e.target.value)} data-testid="review-placeholders" />
          <small className="muted" data-testid="placeholder-count">
            {' '}
            {t('review.placeholderCount', { count: placeholderCount(inspection.rows, placeholders), rows: n(inspection.rows.length) })}
          </small>
        </label>
        {amountsWithoutCurrency && (
          <label>
            {t('review.currency')}{' '}
            <input list="review-currencies" value={currency} placeholder={t('review.currencyUnknown')} onChange={(e) => setCurrency(e.target.value)} size={6} data-testid="review-currency" />
            <datalist id="review-currencies">
              {CURRENCIES.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
          </label>
        )}
      </div>
      {table && (
        <details>
          <summary>{t('review.preview', { count: preview.length })}</summary>
          <div className="table-scroll">
            <table className="data-table" data-testid="preview-table">
              <thead>
                <tr>
                  {previewColumns.map((column) => (
                    <th key={column} scope="col" data-column={column}>
                      {columnLabel(column)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {previewValues.map((row, i) => (
                  <tr key={i}>
                    {row.map((value, j) => (
                      <td key={previewColumns[j]} data-column={previewColumns[j]}>
                        {value === null ? '' : valueLabel(previewColumns[j]!, value)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {table && missing.length > 0 && (
        <p className="error" role="alert" data-testid="review-missing">
          {t('review.missing', { columns: missing.map((m) => (m === 'key' ? t('review.lookupLegend') : columnLabel(m))).join(', ') })}
        </p>
      )}
      <div className="row">
        <button type="button" className="primary" disabled={missing.length > 0} onClick={submit} data-testid="review-import">
          {t('review.import')}
        </button>
        <button type="button" onClick={onSkip} data-testid="review-skip">
          {t('review.skip')}
        </button>
      </div>
    </article>
  );
}
