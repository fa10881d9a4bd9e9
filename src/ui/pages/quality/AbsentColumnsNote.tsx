import { useTranslation } from 'react-i18next';

/** Says which rules' columns the data has no value in, so their rules were left out (none: nothing). */
export function AbsentColumnsNote({ columns, className }: { columns: readonly string[]; className: string }) {
  const { t } = useTranslation();
  if (columns.length === 0) return null;
  return (
    <p className={className} data-testid="quality-absent">
      {t('qualityPage.absent', { columns: columns.map((c) => t(`qualityPage.fields.${c}`)).join(', ') })}
    </p>
  );
}
