import { useTranslation } from 'react-i18next';
import { EXPLORER_COLUMNS } from './explorerColumns';

/** Checkboxes for the columns shown (and exported), in a disclosure so the table keeps the room. */
export function ColumnChooser({ chosen, onToggle }: { chosen: readonly string[]; onToggle(column: string): void }) {
  const { t } = useTranslation();
  return (
    <details className="column-chooser" data-testid="column-chooser">
      <summary>
        {t('explorer.columns')} ({chosen.length}/{EXPLORER_COLUMNS.length})
      </summary>
      <fieldset>
        <legend>{t('explorer.columnsLegend')}</legend>
        {EXPLORER_COLUMNS.map((name) => {
          const checked = chosen.includes(name);
          return (
            <label key={name}>
              <input
                type="checkbox"
                checked={checked}
                // The last column stays: a list of no columns shows nothing.
                disabled={checked && chosen.length === 1}
                onChange={() => onToggle(name)}
                data-column={name}
              />
              {t(`columns.${name}`, { defaultValue: name })}
            </label>
          );
        })}
      </fieldset>
    </details>
  );
}
