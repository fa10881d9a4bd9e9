import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CANONICAL, TABLE_KINDS, type TableKind } from '../../domain/schema';
import { missingRequired, type ColumnMapping } from '../../ingest/headerMapping';
import type { ImportMode } from '../../sql/importMerge';
import type { ValueFormat } from '../../domain/valueFormat';
import type { Inspection, TextChoice } from '../../services/inspectImport';
import { formatDateTime } from '../i18n/format';
import { DELIMITER_NAMES } from './formatLabels';
import type { RememberedMapping } from './rememberedMappings';
import { ReviewFormats } from './ReviewFormats';

const PREVIEW_ROWS = 8;

export interface ReviewChoice {
  readonly kind: TableKind;
  readonly mapping: ColumnMapping;
  readonly mode: ImportMode;
  /** Only what the user corrected; the import detects the rest on more rows. */
  readonly decimalSeparator?: ValueFormat['decimalSeparator'];
  readonly dateFormats?: ValueFormat['dateFormats'];
}

interface Props {
  readonly inspection: Inspection;
  readonly remembered: RememberedMapping | null;
  /** Kinds already holding the user's data: for those, "update by id" is offered. */
  readonly loadedKinds: readonly TableKind[];
  /** Files after this one in the batch. */
  readonly queued: number;
  onImport(choice: ReviewChoice): void;
  onSkip(): void;
  /** Reads the head again with another encoding or delimiter. */
  onReinspect(choice: TextChoice): void;
  /** Why the last re-read failed, if it did. */
  readonly problem: string | null;
}

/** Before a file is imported: its table, the column mapping (editable), the first rows, replace or update. */
export function ImportReview({ inspection, remembered, loadedKinds, queued, onImport, onSkip, onReinspect, problem }: Props) {
  const { t, i18n } = useTranslation();
  const initialKind = remembered?.kind ?? inspection.detectedKind ?? 'leads';
  const [kind, setKind] = useState<TableKind>(initialKind);
  const [mapping, setMapping] = useState<ColumnMapping>(remembered?.mapping ?? inspection.suggest(initialKind));
  const [mode, setMode] = useState<ImportMode>('upsert');
  const [formats, setFormats] = useState<Partial<ValueFormat>>({});
  const missing = missingRequired(kind, mapping);
  const { headers } = inspection;
  const preview = inspection.rows.slice(0, PREVIEW_ROWS);
  const firstValue = (header: string | undefined) => (header === undefined ? '' : (preview[0]?.[headers.indexOf(header)] ?? ''));
  const mapped = useMemo(() => CANONICAL[kind].filter((c) => mapping[c.name] !== undefined), [kind, mapping]);

  function changeKind(next: TableKind) {
    setKind(next);
    setMapping(remembered?.kind === next ? remembered.mapping : inspection.suggest(next));
  }
  function changeColumn(column: string, header: string) {
    // One column of the file feeds one canonical column, as in the suggestion.
    const next: Record<string, string> = Object.fromEntries(Object.entries(mapping).filter(([c, h]) => c !== column && h !== header));
    if (header !== '') next[column] = header;
    setMapping(next);
  }

  return (
    <article className="panel review" data-testid="import-review" data-file={inspection.input.fileName} aria-labelledby="review-title">
      <h2 id="review-title">{t('review.title', { file: inspection.input.fileName })}</h2>
      <p className="muted">
        {inspection.input.workbook ? t('review.sheet', { sheet: inspection.input.workbook.summary.name }) : t('review.detected', { encoding: inspection.encoding, delimiter: DELIMITER_NAMES[inspection.delimiter] ?? inspection.delimiter })}
        {queued > 0 && ` ${t('review.queued', { count: queued })}`}
      </p>
      {remembered && (
        <p className="notice-inline" data-testid="review-remembered">
          {t('review.remembered', { when: formatDateTime(i18n.language, remembered.savedAt) })}
        </p>
      )}
      <div className="review-controls">
        <label>
          {t('review.kind')}{' '}
          <select value={kind} onChange={(e) => changeKind(e.target.value as TableKind)} data-testid="review-kind">
            {TABLE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`review.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <ReviewFormats
          kind={kind}
          mapping={mapping}
          encoding={inspection.encoding}
          delimiter={inspection.delimiter}
          textFormats={inspection.isText}
          detected={inspection.detectFormat(kind, mapping)}
          chosen={formats}
          onText={onReinspect}
          onChange={setFormats}
        />
        {loadedKinds.includes(kind) && (
          <fieldset className="mode">
            <legend>{t('review.modeLegend', { kind: t(`review.kinds.${kind}`) })}</legend>
            <label>
              <input type="radio" name="mode" checked={mode === 'upsert'} onChange={() => setMode('upsert')} data-testid="mode-upsert" /> {t('review.upsert')}
            </label>
            <label>
              <input type="radio" name="mode" checked={mode === 'replace'} onChange={() => setMode('replace')} data-testid="mode-replace" /> {t('review.replace')}
            </label>
          </fieldset>
        )}
      </div>
      <details open={!remembered && (missing.length > 0 || !inspection.detectedKind)}>
        <summary>{t('review.mappingSummary', { mapped: mapped.length, total: CANONICAL[kind].length })}</summary>
        <div className="table-scroll">
          <table className="data-table" data-testid="mapping-table">
            <thead>
              <tr>
                <th scope="col">{t('review.column')}</th>
                <th scope="col">{t('review.header')}</th>
                <th scope="col">{t('review.example')}</th>
              </tr>
            </thead>
            <tbody>
              {CANONICAL[kind].map((column) => (
                <tr key={column.name} data-column={column.name}>
                  <th scope="row">
                    <code>{column.name}</code>
                    {column.required && <abbr title={t('review.required')}> *</abbr>}
                  </th>
                  <td>
                    <select aria-label={t('review.headerFor', { column: column.name })} value={mapping[column.name] ?? ''} onChange={(e) => changeColumn(column.name, e.target.value)}>
                      <option value="">{t('review.notInFile')}</option>
                      {headers.map((h) => (
                        <option key={h} value={h}>
                          {h}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="muted">{firstValue(mapping[column.name])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <details>
        <summary>{t('review.preview', { count: preview.length })}</summary>
        <div className="table-scroll">
          <table className="data-table" data-testid="preview-table">
            <thead>
              <tr>
                {mapped.map((c) => (
                  <th key={c.name} scope="col">
                    {c.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.map((row, i) => (
                <tr key={i}>
                  {mapped.map((c) => (
                    <td key={c.name}>{row[headers.indexOf(mapping[c.name] ?? '')] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {missing.length > 0 && (
        <p className="error" role="alert" data-testid="review-missing">
          {t('review.missing', { columns: missing.join(', ') })}
        </p>
      )}
      <div className="row">
        <button type="button" className="primary" disabled={missing.length > 0} onClick={() => onImport({ kind, mapping, mode, ...formats })} data-testid="review-import">
          {t('review.import')}
        </button>
        <button type="button" onClick={onSkip} data-testid="review-skip">
          {t('review.skip')}
        </button>
      </div>
    </article>
  );
}
