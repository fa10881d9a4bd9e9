import { useTranslation } from 'react-i18next';
import type { DuplicateCluster } from '../../../domain/quality/duplicates';
import type { QueryState } from '../../data/useQuery';
import { formatDate, formatInteger } from '../../i18n/format';
import { QueryStatus } from '../QueryStatus';

/** Clusters listed in full; the rest counted. */
const SHOWN_CLUSTERS = 12;

/** Duplicate clusters over all the data (a filter does not make a copy unique), the entry to keep first. */
export function DuplicatesPanel({ state, clusters }: { state: QueryState; clusters: readonly DuplicateCluster[] | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (!clusters) return <QueryStatus state={state} />;
  if (clusters.length === 0) return <p className="muted">{t('qualityPage.duplicatesNone')}</p>;
  const entries = clusters.reduce((sum, c) => sum + c.members.length, 0);
  const shown = clusters.slice(0, SHOWN_CLUSTERS);
  return (
    <div data-testid="quality-duplicates" data-clusters={clusters.length} data-entries={entries}>
      <p className="muted">{t('qualityPage.duplicatesNote', { clusters: formatInteger(lang, clusters.length), leads: formatInteger(lang, entries) })}</p>
      <p>{t('qualityPage.duplicatesShown', { shown: shown.length })}</p>
      <div className="table-scroll capped" tabIndex={0} role="region" aria-label={t('qualityPage.duplicatesListLabel')}>
      <ol className="duplicate-clusters">
        {shown.map((cluster) => (
          <li key={`${cluster.members[0]!._source}:${cluster.members[0]!._line}`}>
            <p className="muted">
              {t('qualityPage.matchedBy')}: {cluster.matches.map((m) => t(`qualityPage.matches.${m}`)).join(', ')}
            </p>
            <ul>
              {cluster.members.map((m, i) => (
                <li key={`${m._source}:${m._line}`} className={i === 0 ? 'survivor' : undefined}>
                  <strong>{m.lead_id}</strong> · {m.company ?? '–'} · {m.contact_name ?? '–'} · {m.email ?? '–'} · {t('qualityPage.created')} {m.created_at ? formatDate(lang, m.created_at) : '–'}
                  {i === 0 && <em> — {t(`qualityPage.keepWhy.${cluster.survivorReason}`)}</em>}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      </div>
    </div>
  );
}
