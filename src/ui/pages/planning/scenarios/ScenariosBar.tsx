import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanEdits } from '../../../../domain/planning/edits';
import type { PlanningHistory } from '../../../../domain/planning/history';
import type { Plan } from '../../../../domain/planning/plan';
import {
  compareScenarios,
  COMPARED_FIGURES,
  decodeScenario,
  duplicateScenario,
  encodeScenario,
  historyFingerprint,
  scenarioDefaults,
  type ComparedFigure,
  type Comparison,
  type ScenarioDecodeError,
  type ScenarioFigures,
  type ScenarioOptions,
  type Scenario,
} from '../../../../domain/planning/scenario';
import { errorText } from '../../../../domain/errorText';
import { setScenario } from '../../../../state/viewState';
import { downloadBlob } from '../../../export/download';
import { formatDateTime, formatMoney, formatPercent } from '../../../i18n/format';
import { useMediumLabel } from '../../../i18n/useMediumLabel';
import { useViewState } from '../../../state/ViewStateContext';
import { comparisonCsv, comparisonXlsx, type ComparisonHeaders } from './comparisonExport';
import { loadScenarios, newScenarioId, removeScenario, renameScenario, saveScenarios, uniqueName, type StoreNotice } from './scenarioStore';
import { isUnchanged, linkWithScenario, openingNotice, type OpeningNotice } from './scenariosModel';

export interface ScenariosBarProps {
  /** The planner's edits on screen. */
  readonly edits: PlanEdits;
  /** The options the page's defaults are made with. */
  readonly options: ScenarioOptions;
  /** The loaded data's history (its fingerprint is stored with every scenario). */
  readonly history: PlanningHistory;
  /** Show these edits and options (a saved scenario or a link opened). */
  onOpen(edits: PlanEdits, options: ScenarioOptions): void;
  /**
   * The figures of a scenario on the loaded data (probability null where it has not been simulated).
   * Keep it stable (useCallback): the comparison is recomputed when it changes.
   */
  readonly figures: (edits: PlanEdits, options: ScenarioOptions) => ScenarioFigures;
}

/** How long the edits must rest before the address bar follows them. */
const LINK_DELAY_MS = 400;

const browserStorage = (): Storage | null => {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
};

type Notice =
  | { readonly kind: 'opened'; readonly name: string | null; readonly details: OpeningNotice | null }
  | { readonly kind: 'invalid'; readonly reason: ScenarioDecodeError }
  | { readonly kind: 'deleted'; readonly name: string };

type CopyState = { readonly status: 'copied' } | { readonly status: 'failed'; readonly link: string } | null;

/**
 * Saved scenarios of the Planning page: save the plan on screen under a name, rename, duplicate,
 * delete, open, compare two or more side by side (and export that as CSV or XLSX), copy a link. It
 * also keeps the plan on screen in the address bar (`sc=` of the view state), so a reload or a sent
 * link opens the same plan; opening such a link says when it was made on other data. Mount it
 * whenever the page shows a plan: it is what reads a link's scenario.
 */
export function ScenariosBar({ edits, options, history, onOpen, figures }: ScenariosBarProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const mediumLabel = useMediumLabel();
  const { view, update } = useViewState();
  const fingerprint = useMemo(() => historyFingerprint(history), [history]);
  const currency = history.currency;

  const [loaded] = useState(() => loadScenarios(browserStorage()));
  const [scenarios, setScenarios] = useState<readonly Scenario[]>(loaded.scenarios);
  const [storeNotice, setStoreNotice] = useState<StoreNotice>(loaded.notice);
  const [saveFailed, setSaveFailed] = useState(false);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ readonly id: string; readonly text: string } | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice | null>(null);
  const [copy, setCopy] = useState<CopyState>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const renameInput = useRef<HTMLInputElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  const commit = (next: readonly Scenario[]) => {
    setScenarios(next);
    setSaveFailed(!saveScenarios(browserStorage(), next));
    // A list saved anew replaces what could not be read.
    if (storeNotice === 'corrupt' || storeNotice === 'dropped') setStoreNotice(null);
  };

  const defaultsFor = useCallback((o: ScenarioOptions): Plan | null => scenarioDefaults(history, o)?.plan ?? null, [history]);

  // --- The link: open the scenario it carries; keep it in step with the plan on screen. ---
  /** The sc= text last opened or written here: the address bar changing to it is no news. */
  const known = useRef<string | undefined>(undefined);
  useEffect(() => {
    const text = view.scenario;
    if (text === undefined || text === known.current) return;
    known.current = text;
    const decoded = decodeScenario(text);
    const s = decoded.ok ? decoded.scenario : null;
    if (s) onOpen(s.edits, s.options);
    // The address bar is outside React: what its new scenario did is told once, when it arrives.
    setNotice(
      s ? { kind: 'opened', name: s.name, details: openingNotice(s, fingerprint, defaultsFor(s.options)) } : { kind: 'invalid', reason: decoded.ok ? 'shape' : decoded.error },
    );
    // Opening a link is the page's business, not a dependency: only a new sc= text opens one.
  }, [view.scenario]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const timer = setTimeout(() => {
      const text = isUnchanged(edits, options) ? undefined : encodeScenario({ name: null, edits, options, dataFingerprint: fingerprint });
      if (text === known.current) return;
      known.current = text;
      update((v) => setScenario(v, text ?? null));
    }, LINK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [edits, options, fingerprint, update]);

  // --- Actions ---
  const save = (event: FormEvent) => {
    event.preventDefault();
    const scenario: Scenario = {
      id: newScenarioId(),
      name: uniqueName(scenarios, name.trim() || t('scenarios.defaultName', { n: scenarios.length + 1 })),
      createdAt: new Date().toISOString(),
      edits,
      options,
      dataFingerprint: fingerprint,
    };
    commit([...scenarios, scenario]);
    setName('');
  };

  const open = (s: Scenario) => {
    onOpen(s.edits, s.options);
    setNotice({ kind: 'opened', name: s.name, details: openingNotice(s, fingerprint, defaultsFor(s.options)) });
  };

  const duplicate = (s: Scenario) => {
    const copyOf = duplicateScenario(s, { id: newScenarioId(), name: uniqueName(scenarios, t('scenarios.copyName', { name: s.name })), createdAt: new Date().toISOString() });
    const at = scenarios.indexOf(s);
    commit([...scenarios.slice(0, at + 1), copyOf, ...scenarios.slice(at + 1)]);
  };

  const remove = (s: Scenario) => {
    commit(removeScenario(scenarios, s.id));
    setSelected((current) => new Set([...current].filter((id) => id !== s.id)));
    setNotice({ kind: 'deleted', name: s.name });
    // The row and its buttons are gone: focus goes back to the name field rather than to the page's start.
    nameInput.current?.focus();
  };

  const startRename = (s: Scenario) => setRenaming({ id: s.id, text: s.name });
  useEffect(() => {
    if (renaming) renameInput.current?.focus();
  }, [renaming?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const finishRename = (event?: FormEvent) => {
    event?.preventDefault();
    if (!renaming) return;
    const text = renaming.text.trim();
    if (text) commit(renameScenario(scenarios, renaming.id, text));
    setRenaming(null);
  };

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const copyLink = (text: string | null) => {
    const link = linkWithScenario(location.href, view, text);
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clipboard) {
      setCopy({ status: 'failed', link });
      return;
    }
    clipboard.writeText(link).then(
      () => setCopy({ status: 'copied' }),
      () => setCopy({ status: 'failed', link }),
    );
  };
  const currentLinkText = () => (isUnchanged(edits, options) ? null : encodeScenario({ name: null, edits, options, dataFingerprint: fingerprint }));
  const scenarioLinkText = (s: Scenario) => encodeScenario({ name: s.name, edits: s.edits, options: s.options, dataFingerprint: s.dataFingerprint });

  // --- Comparison ---
  // A slider's step must not wait for the comparison (each compared plan's defaults are made again): it follows later.
  const shownFigures = useDeferredValue(figures);
  // Saved scenarios do not change with the plan on screen: recomputed when the list, the ticks or `figures` change.
  const comparison: Comparison | null = useMemo(() => {
    const compared = scenarios.filter((s) => selected.has(s.id));
    return compared.length >= 2 ? compareScenarios(compared.map((s) => ({ id: s.id, name: s.name, figures: shownFigures(s.edits, s.options) }))) : null;
  }, [scenarios, selected, shownFigures]);
  const headers: ComparisonHeaders = {
    scenario: t('scenarios.headers.scenario'),
    revenue: t('scenarios.headers.revenue'),
    cost: t('scenarios.headers.cost'),
    roi: t('scenarios.headers.roi'),
    probability: t('scenarios.headers.probability'),
    gap: t('scenarios.headers.gap'),
  };
  const exportCsv = () => {
    if (!comparison) return;
    downloadBlob(`${t('scenarios.fileName')}.csv`, new Blob([comparisonCsv(comparison, headers, lang === 'de')], { type: 'text/csv;charset=utf-8' }));
  };
  const exportXlsx = async () => {
    if (!comparison) return;
    setExporting(true);
    setExportError(null);
    try {
      downloadBlob(`${t('scenarios.fileName')}.xlsx`, await comparisonXlsx(comparison, headers, t('scenarios.sheetName')));
    } catch (error) {
      setExportError(errorText(error));
    } finally {
      setExporting(false);
    }
  };

  const figureText = (figure: ComparedFigure, value: number | null): string => {
    if (value === null) return '–';
    return figure === 'roi' || figure === 'probability' ? formatPercent(lang, value) : formatMoney(lang, value, currency);
  };
  const deltaText = (figure: ComparedFigure, delta: number): string => {
    const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
    const magnitude = figure === 'roi' || figure === 'probability' ? formatPercent(lang, Math.abs(delta)) : formatMoney(lang, Math.abs(delta), currency);
    return t('scenarios.delta', { delta: `${sign}${magnitude}` });
  };
  const segmentText = (segments: OpeningNotice['unmatched']) => segments.map((s) => `${mediumLabel(s.medium)} / ${s.unit}`).join(', ');

  return (
    <section className="panel wide scenarios" aria-labelledby="scenarios-title" data-testid="scenarios-bar">
      <div className="panel-head">
        <h2 id="scenarios-title">{t('scenarios.title')}</h2>
        <button type="button" onClick={() => copyLink(currentLinkText())} data-testid="scenario-copy-current">
          {t('scenarios.copyCurrentLink')}
        </button>
      </div>

      {storeNotice && (
        <p className="notice-inline" role="status" data-testid="scenario-store-notice">
          {storeNotice === 'dropped' ? t('scenarios.store.dropped', { count: loaded.dropped }) : t(`scenarios.store.${storeNotice}`)}
        </p>
      )}
      {saveFailed && (
        <p className="notice-inline" role="alert">
          {t('scenarios.store.saveFailed')}
        </p>
      )}
      {notice && (
        <div className="notice-inline" role="status" data-testid="scenario-notice">
          {notice.kind === 'invalid' && <p>{t('scenarios.notice.invalid', { reason: t(`scenarios.notice.reasons.${notice.reason}`) })}</p>}
          {notice.kind === 'deleted' && <p>{t('scenarios.deleted', { name: notice.name })}</p>}
          {notice.kind === 'opened' && (
            <>
              <p>{notice.name ? t('scenarios.notice.opened', { name: notice.name }) : t('scenarios.notice.openedLink')}</p>
              {notice.details?.otherData && (
                <p data-testid="scenario-other-data">
                  <strong>{t('scenarios.notice.otherData', notice.details.otherData)}</strong>
                </p>
              )}
              {notice.details && notice.details.unmatched.length > 0 && (
                <p data-testid="scenario-unmatched">{t('scenarios.notice.unmatched', { segments: segmentText(notice.details.unmatched) })}</p>
              )}
            </>
          )}
          <button type="button" onClick={() => setNotice(null)}>
            {t('scenarios.notice.dismiss')}
          </button>
        </div>
      )}
      {copy && (
        <div className="notice-inline" role="status" data-testid="scenario-copy-status">
          {copy.status === 'copied' ? (
            t('scenarios.copied')
          ) : (
            <label>
              {t('scenarios.copyFailed')}{' '}
              <input type="text" readOnly value={copy.link} aria-label={t('scenarios.linkLabel')} onFocus={(e) => e.currentTarget.select()} size={48} />
            </label>
          )}
        </div>
      )}

      <form className="scenario-save" onSubmit={save}>
        <label>
          {t('scenarios.name')}{' '}
          <input ref={nameInput} type="text" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('scenarios.namePlaceholder')} maxLength={120} data-testid="scenario-name" />
        </label>{' '}
        <button type="submit" data-testid="scenario-save">
          {t('scenarios.save')}
        </button>
      </form>

      {scenarios.length === 0 ? (
        <p className="muted">{t('scenarios.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="scenario-list">
            <caption className="visually-hidden">{t('scenarios.list')}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('scenarios.compare')}</span>
                </th>
                <th scope="col">{t('scenarios.name')}</th>
                <th scope="col">{t('scenarios.created')}</th>
                <th scope="col">{t('scenarios.data')}</th>
                <th scope="col">{t('scenarios.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {scenarios.map((s) => (
                <tr key={s.id} data-testid="scenario-row">
                  <td>
                    <input type="checkbox" checked={selected.has(s.id)} onChange={() => toggle(s.id)} aria-label={t('scenarios.select', { name: s.name })} />
                  </td>
                  <th scope="row">
                    {renaming?.id === s.id ? (
                      <form onSubmit={finishRename} className="scenario-rename">
                        <input
                          ref={renameInput}
                          type="text"
                          value={renaming.text}
                          maxLength={120}
                          aria-label={t('scenarios.newName', { name: s.name })}
                          onChange={(e) => setRenaming({ id: s.id, text: e.target.value })}
                          onKeyDown={(e) => {
                            if (e.key === 'Escape') setRenaming(null);
                          }}
                        />{' '}
                        <button type="submit">{t('scenarios.renameDone')}</button>{' '}
                        <button type="button" onClick={() => setRenaming(null)}>
                          {t('scenarios.cancel')}
                        </button>
                      </form>
                    ) : (
                      s.name
                    )}
                  </th>
                  <td>{formatDateTime(lang, s.createdAt)}</td>
                  <td>{s.dataFingerprint === fingerprint ? t('scenarios.sameData') : <span title={s.dataFingerprint}>{t('scenarios.otherData')}</span>}</td>
                  <td className="scenario-actions">
                    <button type="button" onClick={() => open(s)} aria-label={t('scenarios.openNamed', { name: s.name })}>
                      {t('scenarios.open')}
                    </button>{' '}
                    <button type="button" onClick={() => startRename(s)} aria-label={t('scenarios.renameNamed', { name: s.name })}>
                      {t('scenarios.rename')}
                    </button>{' '}
                    <button type="button" onClick={() => duplicate(s)} aria-label={t('scenarios.duplicateNamed', { name: s.name })}>
                      {t('scenarios.duplicate')}
                    </button>{' '}
                    <button type="button" onClick={() => copyLink(scenarioLinkText(s))} aria-label={t('scenarios.copyLinkNamed', { name: s.name })}>
                      {t('scenarios.copyLink')}
                    </button>{' '}
                    <button type="button" onClick={() => remove(s)} aria-label={t('scenarios.deleteNamed', { name: s.name })}>
                      {t('scenarios.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {scenarios.length >= 2 && !comparison && <p className="muted">{t('scenarios.compareHint')}</p>}
      {comparison && (
        <div className="scenario-comparison" data-testid="scenario-comparison">
          <div className="panel-head">
            <h3 id="scenario-comparison-title">{t('scenarios.compare')}</h3>
            <span className="downloads">
              <button type="button" onClick={exportCsv} data-testid="scenario-export-csv">
                {t('scenarios.exportCsv')}
              </button>{' '}
              <button type="button" onClick={() => void exportXlsx()} disabled={exporting} aria-busy={exporting} data-testid="scenario-export-xlsx">
                {exporting ? t('scenarios.exporting') : t('scenarios.exportXlsx')}
              </button>
            </span>
          </div>
          {exportError && (
            <p className="error" role="alert">
              {t('scenarios.exportFailed', { message: exportError })}
            </p>
          )}
          <div className="table-scroll">
            <table className="data-table" aria-labelledby="scenario-comparison-title">
              <thead>
                <tr>
                  <th scope="col">{t('scenarios.figure')}</th>
                  {comparison.scenarios.map((s) => (
                    <th scope="col" key={s.id} className="num">
                      {s.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {comparison.rows.map((row) => (
                  <tr key={row.figure} data-figure={row.figure}>
                    <th scope="row">{t(`scenarios.figures.${row.figure}`)}</th>
                    {row.values.map((value, i) => {
                      const delta = row.deltas[i];
                      return (
                        <td key={comparison.scenarios[i]!.id} className="num" data-best={row.best === i || undefined} data-value={value ?? undefined}>
                          {row.best === i ? <strong>{figureText(row.figure, value)}</strong> : figureText(row.figure, value)}
                          {row.best === i && <small> ({t('scenarios.best')})</small>}
                          {i > 0 && delta !== null && delta !== undefined && (
                            <small className="block muted">{deltaText(row.figure, delta)}</small>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {comparison.rows.find((r) => r.figure === 'probability')?.values.some((v) => v === null) && <p className="muted small">{t('scenarios.probabilityNote')}</p>}
        </div>
      )}
    </section>
  );
}

/** The figures the comparison shows, in order (for pages that lay out their own summary). */
export const SCENARIO_FIGURES = COMPARED_FIGURES;
