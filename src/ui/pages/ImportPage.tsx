import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useData, type ImportOutcome } from '../data/DataContext';
import { ImportReportCard } from '../import/ImportReportCard';
import { LoadedDataPanel } from '../import/LoadedDataPanel';

export function ImportPage() {
  const { t } = useTranslation();
  const { importFile, status, origin, recentImports: outcomes, setRecentImports: setOutcomes } = useData();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<{ file: string; index: number; total: number } | null>(null);
  const [dragging, setDragging] = useState(false);
  const ready = status.phase === 'ready' && !busy;

  async function importAll(files: readonly File[]) {
    if (!files.length || !ready) return;
    const results: ImportOutcome[] = [];
    setOutcomes([]);
    for (const [index, file] of files.entries()) {
      setBusy({ file: file.name, index: index + 1, total: files.length });
      try {
        results.push({ file: file.name, report: await importFile(file) });
      } catch (error) {
        // One bad file does not stop the others, and its message names it.
        results.push({ file: file.name, error: error instanceof Error ? error.message : String(error) });
      }
      setOutcomes([...results]);
    }
    setBusy(null);
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void importAll([...event.dataTransfer.files]);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      input.current?.click();
    }
  };

  return (
    <section aria-labelledby="page-title" className="page">
      <header className="page-header">
        <h1 id="page-title">{t('nav.import')}</h1>
        <p>{t('import.intro')}</p>
      </header>
      <LoadedDataPanel />
      {origin !== 'published' && (
        <div
          className={`drop-zone${dragging ? ' dragging' : ''}${ready ? '' : ' disabled'}`}
          role="button"
          tabIndex={0}
          aria-disabled={!ready}
          aria-describedby="drop-hint"
          onClick={() => ready && input.current?.click()}
          onKeyDown={onKey}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="drop-zone"
        >
          <strong>{t('import.drop')}</strong>
          <span id="drop-hint" className="muted">{t('import.hint')}</span>
          <input
            ref={input}
            type="file"
            multiple
            accept=".csv,.tsv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hidden
            data-testid="file-input"
            onChange={(e) => {
              void importAll([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
        </div>
      )}
      {busy && (
        <div className="progress" role="status" data-testid="import-progress">
          <span>{t('import.busy', { file: busy.file, index: busy.index, total: busy.total })}</span>
          <progress aria-label={t('import.busy', { file: busy.file, index: busy.index, total: busy.total })} />
        </div>
      )}
      <p className="muted">{t('import.sampleNote')}</p>
      <div className="reports">
        {outcomes.map((outcome, i) =>
          'report' in outcome ? (
            <ImportReportCard key={i} report={outcome.report} />
          ) : (
            <div key={i} className="notice error" role="alert" data-testid="import-error">
              {outcome.error}
            </div>
          ),
        )}
      </div>
    </section>
  );
}
