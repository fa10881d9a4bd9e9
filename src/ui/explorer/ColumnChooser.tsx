import { useTranslation } from 'react-i18next';
import { useColumnLabel } from './useColumnLabel';

/**
 * Checkboxes for the columns shown (and exported), in a disclosure so the table keeps the room:
 * `offered` are the canonical columns and the data's extra and lookup columns.
 */
export function ColumnChooser({ chosen, offered, onToggle }: { chosen: readonly string[]; offered: readonly string[]; onToggle(column: string): void }) {
  const { t } = useTranslation();
  const columnLabel = useColumnLabel();
  return (
    <details className="column-chooser" data-testid="column-chooser">
      <summary>
        {t('explorer.columns')} ({chosen.length}/{offered.length})
      </summary>
      <fieldset>
        <legend>{t('explorer.columnsLegend')}</legend>
        {offered.map((name) => {
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
              {columnLabel(name)}
            </label>
          );
        })}
      </fieldset>
    </details>
  );
}
