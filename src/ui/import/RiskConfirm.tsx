import { useTranslation } from 'react-i18next';
import type { ImportRisk } from '../../services/importRisks';
import { formatInteger } from '../i18n/format';
import { useImportLabels } from './useImportLabels';

/**
 * An import that would reject much of its file, load nothing or empty most of a column: asked
 * before it replaces anything. "Do not import" keeps the data loaded before.
 */
export function RiskConfirm({ file, risks, onAnswer }: { file: string; risks: readonly ImportRisk[]; onAnswer(goOn: boolean): void }) {
  const { t, i18n } = useTranslation();
  const { columnLabel } = useImportLabels();
  const n = (value: number) => formatInteger(i18n.language, value);
  const text = (risk: ImportRisk) => {
    switch (risk.kind) {
      case 'rejected':
        return t('risks.rejected', { rows: n(risk.rows), of: n(risk.of), percent: Math.round((100 * risk.rows) / Math.max(1, risk.of)) });
      case 'empty':
        return t('risks.empty');
      case 'cleared':
        return t('risks.cleared', { column: columnLabel(risk.column), cells: n(risk.cells), of: n(risk.of), percent: Math.round((100 * risk.cells) / Math.max(1, risk.of)) });
    }
  };
  return (
    <article className="panel review risk" role="alertdialog" aria-labelledby="risk-title" aria-describedby="risk-list" data-testid="risk-confirm">
      <h2 id="risk-title">{t('risks.title', { file })}</h2>
      <ul id="risk-list">
        {risks.map((risk, i) => (
          <li key={i} data-risk={risk.kind}>
            {text(risk)}
          </li>
        ))}
      </ul>
      <p>{t('risks.question')}</p>
      <div className="row">
        <button type="button" onClick={() => onAnswer(false)} autoFocus data-testid="risk-stop">
          {t('risks.stop')}
        </button>
        <button type="button" className="danger" onClick={() => onAnswer(true)} data-testid="risk-go-on">
          {t('risks.goOn')}
        </button>
      </div>
    </article>
  );
}
