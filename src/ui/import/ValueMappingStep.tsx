import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canonicalValues } from '../../domain/vocabulary';
import type { UnknownValue, ValueMapping } from '../../services/importCsv';
import { formatInteger } from '../i18n/format';
import { useMediumLabel } from '../i18n/useMediumLabel';

const KEEP = '';

/** Values of stage, medium, channel or outcome that match nothing known: map them, or keep them as they are. */
export function ValueMappingStep({ file, unknown, onDone, onCancel }: { file: string; unknown: readonly UnknownValue[]; onDone(mapping: ValueMapping): void; onCancel(): void }) {
  const { t, i18n } = useTranslation();
  const mediumLabel = useMediumLabel();
  const [choices, setChoices] = useState<Record<string, string>>({});
  const key = (u: UnknownValue) => `${u.column}\u0000${u.value}`;

  function done() {
    const mapping: Record<string, Record<string, string>> = {};
    for (const u of unknown) {
      const choice = choices[key(u)] ?? KEEP;
      // "Keep" is remembered too (value → itself), so the same value is not asked about again.
      mapping[u.column] = { ...mapping[u.column], [u.value]: choice === KEEP ? u.value : choice };
    }
    onDone(mapping);
  }

  return (
    <article className="panel review" data-testid="value-mapping" aria-labelledby="values-title">
      <h2 id="values-title">{t('values.title', { file })}</h2>
      <p>{t('values.intro')}</p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('review.column')}</th>
            <th scope="col">{t('values.value')}</th>
            <th scope="col" className="num">{t('storage.rows')}</th>
            <th scope="col">{t('values.mapTo')}</th>
          </tr>
        </thead>
        <tbody>
          {unknown.map((u) => (
            <tr key={key(u)} data-value={u.value}>
              <td><code>{u.column}</code></td>
              <td>{u.value}</td>
              <td className="num">{formatInteger(i18n.language, u.rows)}</td>
              <td>
                <select aria-label={t('values.mapToFor', { value: u.value })} value={choices[key(u)] ?? KEEP} onChange={(e) => setChoices({ ...choices, [key(u)]: e.target.value })}>
                  <option value={KEEP}>{t(u.vocabulary === 'medium' ? 'values.keepMedium' : 'values.keep')}</option>
                  {canonicalValues(u.vocabulary).map((v) => (
                    <option key={v} value={v}>
                      {u.vocabulary === 'medium' ? mediumLabel(v) : v}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
