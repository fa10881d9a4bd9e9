import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canonicalValues, type Vocabulary } from '../../domain/vocabulary';
import type { MergeSuggestion, ReviewedValue, UnknownValue, ValueMapping, ValueReview } from '../../services/importCsv';
import { formatInteger } from '../i18n/format';
import { useMediumLabel } from '../i18n/useMediumLabel';
import { useImportLabels } from './useImportLabels';

/** The choice "keep the value as the export wrote it". */
const KEEP = '\u0000keep';

const keyOf = (column: string, value: string) => `${column}\u0000${value}`;

interface Props {
  readonly file: string;
  readonly unknown: readonly UnknownValue[];
  readonly review: ValueReview;
  onDone(mapping: ValueMapping): void;
  onCancel(): void;
}

/**
 * Before anything is replaced: the values of stage, medium, channel or outcome the app does not know
 * (map them, or keep them), every built-in grouping ("organic_search → Web", undoable), and spellings
 * of one value to merge ("google" → "Google"). A search narrows the lists; bulk actions apply to what
 * is shown.
 */
export function ValueMappingStep({ file, unknown, review, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const { columnLabel } = useImportLabels();
  const mediumLabel = useMediumLabel();
  const [search, setSearch] = useState('');
  // Per value: the canonical value to use, KEEP, or absent (the proposal stands).
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [merged, setMerged] = useState<ReadonlySet<number>>(new Set());
  const unknownKeys = useMemo(() => new Set(unknown.map((u) => keyOf(u.column, u.value))), [unknown]);
  const matches = (text: string) => text.toLowerCase().includes(search.trim().toLowerCase());
  const toReview = review.values.filter((v) => unknownKeys.has(keyOf(v.column, v.value)) && (matches(v.value) || matches(v.column)));
  const groupings = review.values.filter((v) => v.known && v.proposed !== v.value && (matches(v.value) || matches(v.proposed) || matches(v.column)));
  const merges = review.merges.map((m, i) => ({ ...m, index: i })).filter((m) => m.values.some((v) => matches(v.value)) || matches(m.column));
  const label = (vocabulary: Vocabulary, value: string) => (vocabulary === 'medium' ? mediumLabel(value) : value);
  const choose = (v: ReviewedValue, choice: string) => setChoices((c) => ({ ...c, [keyOf(v.column, v.value)]: choice }));
  const chosen = (v: ReviewedValue) => choices[keyOf(v.column, v.value)] ?? (v.known ? v.proposed : KEEP);

  function done() {
    const mapping: Record<string, Record<string, string>> = {};
    const set = (column: string, from: string, to: string) => (mapping[column] = { ...mapping[column], [from]: to });
    for (const v of review.values) {
      const choice = chosen(v);
      // Every value shown is answered (a kept one as itself), so a remembered layout is not asked about again.
      set(v.column, v.value, choice === KEEP ? v.value : choice);
    }
    for (const [i, m] of review.merges.entries()) {
      for (const { value } of m.values) {
        const to = merged.has(i) ? m.into : (mapping[m.column]?.[value] ?? value);
        set(m.column, value, to);
      }
    }
    onDone(mapping);
  }

  const valueSelect = (v: ReviewedValue) => (
    <select aria-label={t('values.mapToFor', { value: v.value })} value={chosen(v)} onChange={(e) => choose(v, e.target.value)}>
      <option value={KEEP}>{t(v.vocabulary === 'medium' ? 'values.keepMedium' : 'values.keep')}</option>
      {canonicalValues(v.vocabulary).map((c) => (
        <option key={c} value={c}>
          {label(v.vocabulary, c)}
        </option>
      ))}
    </select>
  );

  return (
    <article className="panel review" data-testid="value-mapping" aria-labelledby="values-title">
      <h2 id="values-title">{t('values.title', { file })}</h2>
      <p>{t('values.intro')}</p>
      <label className="search">
        {t('values.search')} <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} data-testid="values-search" />
      </label>
      {unknown.length > 0 && (
        <section aria-labelledby="values-unknown">
          <div className="row">
            <h3 id="values-unknown">{t('values.unknownTitle', { count: unknown.length })}</h3>
            <BulkChoice values={toReview} onApply={(choice) => setChoices((c) => ({ ...c, ...Object.fromEntries(toReview.map((v) => [keyOf(v.column, v.value), choice])) }))} label={label} />
          </div>
          <ValuesTable values={toReview} select={valueSelect} testId="unknown-values" />
        </section>
      )}
      {merges.length > 0 && (
        <section aria-labelledby="values-merges">
          <div className="row">
            <h3 id="values-merges">{t('values.mergesTitle')}</h3>
            <button type="button" onClick={() => setMerged(new Set(merges.map((m) => m.index)))} data-testid="merge-all">
              {t('values.mergeAll')}
            </button>
          </div>
          <ul className="merges" data-testid="value-merges">
            {merges.map((m) => (
              <li key={m.index} data-column={m.column} data-into={m.into}>
                <label>
                  <input type="checkbox" checked={merged.has(m.index)} onChange={(e) => setMerged((s) => toggled(s, m.index, e.target.checked))} />{' '}
                  {t('values.merge', { column: columnLabel(m.column), values: spellings(m), into: m.into })}
                </label>
              </li>
            ))}
          </ul>
        </section>
      )}
      {groupings.length > 0 && (
        <details open={unknown.length === 0}>
          <summary>{t('values.groupingsTitle', { count: groupings.length })}</summary>
          <p className="muted">{t('values.groupingsIntro')}</p>
          <ValuesTable values={groupings} select={valueSelect} testId="value-groupings" />
        </details>
      )}
      <div className="row">
        <button type="button" className="primary" onClick={done} data-testid="values-continue">
          {t('values.continue')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('progress.cancel')}
        </button>
      </div>
    </article>
  );
}

/** Values with their column, rows and the choice of what to use them as. */
function ValuesTable({ values, select, testId }: { values: readonly ReviewedValue[]; select(v: ReviewedValue): ReactNode; testId: string }) {
  const { t, i18n } = useTranslation();
  const { columnLabel } = useImportLabels();
  return (
    <table className="data-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('review.column')}</th>
          <th scope="col">{t('values.value')}</th>
          <th scope="col" className="num">{t('storage.rows')}</th>
          <th scope="col">{t('values.mapTo')}</th>
        </tr>
      </thead>
      <tbody>
        {values.map((v) => (
          <tr key={keyOf(v.column, v.value)} data-column={v.column} data-value={v.value}>
            <td>{columnLabel(v.column)}</td>
            <td>{v.value}</td>
            <td className="num">{formatInteger(i18n.language, v.rows)}</td>
            <td>{select(v)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const spellings = (m: MergeSuggestion) => m.values.map((v) => `“${v.value}” (${v.rows})`).join(', ');

function toggled(set: ReadonlySet<number>, index: number, on: boolean): ReadonlySet<number> {
  const next = new Set(set);
  if (on) next.add(index);
  else next.delete(index);
  return next;
}

/** "Use … for all shown": one choice for every value the search left, of one vocabulary. */
function BulkChoice({ values, onApply, label }: { values: readonly ReviewedValue[]; onApply(choice: string): void; label(vocabulary: Vocabulary, value: string): string }) {
  const { t } = useTranslation();
  const vocabularies = [...new Set(values.map((v) => v.vocabulary))];
  const vocabulary = vocabularies.length === 1 ? vocabularies[0]! : null;
  return (
    <label>
      {t('values.bulk', { count: values.length })}{' '}
      <select value="" onChange={(e) => e.target.value && onApply(e.target.value)} data-testid="values-bulk">
        <option value="">…</option>
        <option value={KEEP}>{t('values.keep')}</option>
        {vocabulary &&
          canonicalValues(vocabulary).map((c) => (
            <option key={c} value={c}>
              {label(vocabulary, c)}
            </option>
          ))}
      </select>
    </label>
  );
}
