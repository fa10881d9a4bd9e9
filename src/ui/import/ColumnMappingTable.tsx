import { useTranslation } from 'react-i18next';
import { CANONICAL, VOCABULARY_COLUMNS, type TableKind } from '../../domain/schema';
import { canonicalValues } from '../../domain/vocabulary';
import type { ColumnConstants, ColumnMapping } from '../../ingest/headerMapping';
import { useImportLabels } from './useImportLabels';

/** The select's value for "the same value for every row" (no header can contain a NUL). */
export const CONSTANT = '\u0000constant';

interface Props {
  readonly kind: TableKind;
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping;
  readonly constants: ColumnConstants;
  firstValue(header: string | undefined): string;
  onColumn(column: string, header: string): void;
  onConstant(column: string, value: string | null): void;
}

/**
 * Every canonical column with the file column it is read from — or a constant every row gets (a
 * file of MQLs: stage = "mql"; a closed-won export: outcome = "won") — and the first value.
 */
export function ColumnMappingTable({ kind, headers, mapping, constants, firstValue, onColumn, onConstant }: Props) {
  const { t } = useTranslation();
  const { columnLabel } = useImportLabels();
  const vocabularies = VOCABULARY_COLUMNS[kind];
  return (
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
          {CANONICAL[kind].map((column) => {
            const constant = constants[column.name];
            const vocabulary = vocabularies[column.name];
            const listId = `constant-values-${column.name}`;
            return (
              <tr key={column.name} data-column={column.name}>
                <th scope="row">
                  {columnLabel(column.name)}
                  {column.required && <abbr title={t('review.required')}> *</abbr>}
                  {/* The code a mapping file names the column by, as a quiet hint. */}
                  <code className="column-code" title={t('importColumns.codeHint', { code: column.name })}>
                    {column.name}
                  </code>
                </th>
                <td>
                  <select
                    aria-label={t('review.headerFor', { column: columnLabel(column.name) })}
                    value={constant !== undefined ? CONSTANT : (mapping[column.name] ?? '')}
                    onChange={(e) => (e.target.value === CONSTANT ? onConstant(column.name, '') : onColumn(column.name, e.target.value))}
                  >
                    <option value="">{t('review.notInFile')}</option>
                    <option value={CONSTANT}>{t('review.constant')}</option>
                    {headers.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                  {constant !== undefined && (
                    <>
                      {' '}
                      <input
                        className="constant"
                        aria-label={t('review.constantFor', { column: columnLabel(column.name) })}
                        value={constant}
                        placeholder={vocabulary ? canonicalValues(vocabulary).join(', ') : ''}
                        list={vocabulary ? listId : undefined}
                        onChange={(e) => onConstant(column.name, e.target.value)}
                        data-testid={`constant-${column.name}`}
                      />
                      {vocabulary && (
                        <datalist id={listId}>
                          {canonicalValues(vocabulary).map((v) => (
                            <option key={v} value={v} />
                          ))}
                        </datalist>
                      )}
                    </>
                  )}
                </td>
                <td className="muted">{constant !== undefined ? t('review.everyRow', { value: constant }) : firstValue(mapping[column.name])}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
