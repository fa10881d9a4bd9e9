import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useData } from '../data/DataContext';
import { ImportProgress } from '../import/ImportProgress';
import { ImportReview } from '../import/ImportReview';
import { useImportFlow } from '../import/useImportFlow';
import { ValueMappingStep } from '../import/ValueMappingStep';
import { ImportReportCard } from '../import/ImportReportCard';
import { LoadedDataPanel } from '../import/LoadedDataPanel';
import { LookupReportCard } from '../import/LookupReportCard';
import { ImportQualitySummary } from './quality/ImportQualitySummary';
import { RiskConfirm } from '../import/RiskConfirm';

export function ImportPage() {
  const { t } = useTranslation();
  const { status, origin, tables, recentImports: outcomes } = useData();
  const flow = useImportFlow();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const ready = status.phase === 'ready';

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (ready) flow.addFiles([...event.dataTransfer.files]);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      input.current?.click();
    }
  };
  const loadedKinds = origin === 'import' ? tables.map((table) => table.kind) : [];

  return (
    <section aria-labelledby="page-title" className="page">
      <header className="page-header">
        <h1 id="page-title">{t('nav.import')}</h1>
        {origin !== 'published' && <p>{t('import.intro')}</p>}
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
            accept=".csv,.tsv,.txt,.xlsx,.parquet,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hidden
            data-testid="file-input"
            onChange={(e) => {
              flow.addFiles([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
        </div>
      )}
      {flow.running && <ImportProgress running={flow.running} onCancel={flow.cancel} />}
      {flow.valueReview && <ValueMappingStep file={flow.valueReview.file} unknown={flow.valueReview.unknown} review={flow.valueReview.review} onDone={flow.valueReview.answer} onCancel={flow.cancel} />}
      {flow.riskReview && <RiskConfirm file={flow.riskReview.file} risks={flow.riskReview.risks} onAnswer={flow.riskReview.answer} />}
      {flow.reviewing && (
        <ImportReview
          key={`${flow.reviewing.inspection.input.fileName}|${flow.reviewing.inspection.encoding}|${flow.reviewing.inspection.delimiter}`}
          inspection={flow.reviewing.inspection}
          remembered={flow.reviewing.remembered}
          loadedKinds={loadedKinds}
          queued={flow.queued}
          onImport={(choice) => void flow.runImport(choice)}
          onSkip={flow.skip}
          onReinspect={(choice) => void flow.reinspect(choice)}
          problem={flow.reviewProblem}
        />
      )}
      {origin !== 'published' && <p className="muted">{t('import.sampleNote')}</p>}
      <div className="reports">
        {outcomes.map((outcome, i) =>
          'report' in outcome ? (
            outcome.report.kind === 'lookup' ? (
              <LookupReportCard key={i} report={outcome.report} />
            ) : (
              <ImportReportCard key={i} report={outcome.report} />
            )
          ) : (
            <div key={i} className="notice error" role="alert" data-testid="import-error">
              {outcome.error}
            </div>
          ),
        )}
        {status.phase === 'ready' && outcomes.some((o) => 'report' in o && o.report.kind === 'leads') && <ImportQualitySummary />}
      </div>
    </section>
  );
}
