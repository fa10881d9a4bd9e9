import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadDimension } from '../../domain/leadFilter';
import { setValues } from '../../state/viewState';
import { formatInteger } from '../i18n/format';
import { useViewState } from '../state/ViewStateContext';
import { useDimensionValues } from './useDimensionValues';
import { useFilterLabels } from './useFilterLabels';

/**
 * A drop-down of one dimension's values with their lead counts (under the other filters) to tick.
 * A <details> element: it opens with Enter or Space and closes with Escape or a click elsewhere.
 */
export function DimensionPicker({ dimension, initiallyOpen = false }: { dimension: LeadDimension; initiallyOpen?: boolean }) {
  const { t, i18n } = useTranslation();
  const { view, update, filterFor } = useViewState();
  const { dimensionLabel, valueLabel } = useFilterLabels();
  const [open, setOpen] = useState(initiallyOpen);
  const [search, setSearch] = useState('');
  const details = useRef<HTMLDetailsElement>(null);
  const chosen = useMemo(() => view.values[dimension] ?? [], [view.values, dimension]);

  // The counts under every other filter: ticking a value here must not hide the others.
  const others = filterFor(null).filter((c) => !(c.kind === 'values' && c.dimension === dimension));
  const values = useDimensionValues(dimension, others, open);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !details.current?.contains(event.target as Node)) {
        setOpen(false);
        if (event instanceof KeyboardEvent) details.current?.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const toggle = (value: string | null) =>
    update((v) => setValues(v, dimension, chosen.includes(value) ? chosen.filter((x) => x !== value) : [...chosen, value]));

  const rows = values.status === 'ready' ? values.rows.map((r) => ({ value: r.value === null ? null : String(r.value), leads: Number(r.leads) })) : [];
  const needle = search.trim().toLocaleLowerCase();
  const shown = needle ? rows.filter((r) => valueLabel(dimension, r.value).toLocaleLowerCase().includes(needle)) : rows;

  return (
    <details className="picker" ref={details} open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid={`picker-${dimension}`}>
      <summary aria-label={t('filters.pick', { dimension: dimensionLabel(dimension) })}>
        {dimensionLabel(dimension)}
        {chosen.length > 0 && <span className="count-badge">{chosen.length}</span>}
      </summary>
      {open && (
        <div className="picker-panel" role="group" aria-label={dimensionLabel(dimension)}>
          {rows.length > 8 && (
            <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('filters.search')} aria-label={t('filters.search')} autoFocus />
          )}
          {values.status === 'loading' && <p className="muted">{t('filters.loading')}</p>}
          {values.status === 'error' && <p className="error">{values.error}</p>}
          {values.status === 'ready' && shown.length === 0 && <p className="muted">{t('filters.noValues')}</p>}
          <ul>
            {shown.map(({ value, leads }) => (
              <li key={value ?? '\0'}>
                <label>
                  <input type="checkbox" checked={chosen.includes(value)} onChange={() => toggle(value)} />
                  <span className={value === null ? 'muted' : undefined}>{valueLabel(dimension, value)}</span>
                  <small>{formatInteger(i18n.language, leads)}</small>
                </label>
              </li>
            ))}
          </ul>
        </div>
      )}
    </details>
  );
}
