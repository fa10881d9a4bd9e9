import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGES, type PageId } from './pages';

/**
 * The pages' navigation: a sidebar on wide screens; on phones and tablets (CSS, ≤ 900 px) a
 * "Menu" button that shows the links below it. Opening moves focus to the current page's link,
 * Escape closes and gives focus back to the button, choosing a page closes it.
 */
export function AppNav({ page, query }: { page: PageId; query: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const listId = useId();

  useEffect(() => {
    if (open) list.current?.querySelector<HTMLAnchorElement>('a[aria-current="page"], a')?.focus();
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    setOpen(false);
    button.current?.focus();
  };

  return (
    <nav className={`app-nav${open ? ' open' : ''}`} aria-label={t('nav.label')} onKeyDown={onKeyDown}>
      <button ref={button} type="button" className="nav-menu" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)} data-testid="nav-menu">
        <span aria-hidden="true">{open ? '✕' : '☰'}</span> {t('navMenu.button')}
      </button>
      <ul id={listId} ref={list}>
        {PAGES.map((id) => (
          <li key={id}>
            <a
              href={`#/${id}${query ? `?${query}` : ''}`}
              aria-current={page === id ? 'page' : undefined}
              onClick={() => setOpen(false)}
              data-testid={`nav-${id}`}
            >
              {t(`nav.${id}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
