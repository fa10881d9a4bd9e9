import { useTranslation } from 'react-i18next';
import type { DuplicateCluster } from '../../../domain/quality/duplicates';
import type { QualityBuild } from '../../../services/qualityScores';
import { formatDate, formatInteger } from '../../i18n/format';

/** Duplicate clusters over all the data (a filter does not make a copy unique), the entry to keep first. */
export function DuplicatesPanel({ build, clusters }: { build: QualityBuild; clusters: readonly DuplicateCluster[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (build.clusterCount === 0) return <p className="muted" data-testid="quality-duplicates" data-clusters={0}>{t('qualityPage.duplicatesNone')}</p>;
  return (
    <div data-testid="quality-duplicates" data-clusters={build.clusterCount} data-entries={build.clusteredLeads}>
      <p className="muted">{t('qualityPage.duplicatesNote', { clusters: formatInteger(lang, build.clusterCount), leads: formatInteger(lang, build.clusteredLeads) })}</p>
      <p>{t('qualityPage.duplicatesShown', { shown: clusters.length })}</p>
      <div className="table-scroll capped" tabIndex={0} role="region" aria-label={t('qualityPage.duplicatesListLabel')}>
      <ol className="duplicate-clusters">
        {clusters.map((cluster) => (
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
