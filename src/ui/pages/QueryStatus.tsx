import { useTranslation } from 'react-i18next';
import type { QueryState } from '../data/useQuery';

/** Loading and error line for one query; renders nothing once the data is there. */
export function QueryStatus({ state }: { state: QueryState }) {
  const { t } = useTranslation();
  if (state.status === 'loading') return <p className="muted" role="status">{t('overview.loadingFigures')}</p>;
  if (state.status === 'error') return <p className="error" role="alert">{t('error.query', { message: state.error })}</p>;
  return null;
}
