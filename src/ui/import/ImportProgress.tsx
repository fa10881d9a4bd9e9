import { useTranslation } from 'react-i18next';
import { formatInteger } from '../i18n/format';
import type { Running } from './useImportFlow';

const megabytes = (bytes: number) => (bytes / 1024 ** 2).toFixed(bytes < 10 * 1024 ** 2 ? 1 : 0);

/** Which step of which file, how far the read is (bytes and estimated rows), and the way out. */
export function ImportProgress({ running, onCancel }: { running: Running; onCancel(): void }) {
  const { t, i18n } = useTranslation();
  const { file, bytes, bytesPerRow, step, fraction } = running;
  const reading = step === 'reading' && fraction !== undefined;
  const label = reading
    ? t('progress.reading', {
        file,
        percent: Math.round((fraction ?? 0) * 100),
        read: megabytes((fraction ?? 0) * bytes),
        total: megabytes(bytes),
        rows: formatInteger(i18n.language, Math.round(((fraction ?? 0) * bytes) / bytesPerRow)),
      })
    : t(`progress.${step === 'mapping values' ? 'mapping' : step}`, { file });
  return (
    <div className="progress panel" role="status" aria-live="polite" data-testid="import-progress" data-step={step}>
      <span>{label}</span>
      {reading ? <progress max={1} value={fraction} aria-label={label} /> : <progress aria-label={label} />}
      <button type="button" onClick={onCancel} data-testid="import-cancel">
        {t('progress.cancel')}
      </button>
    </div>
  );
}
