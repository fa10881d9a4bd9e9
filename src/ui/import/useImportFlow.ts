import { useCallback, useRef, useState } from 'react';
import type { CsvImportReport, ImportStep, UnknownValue, ValueMapping, ValueReview as ValueStepContent } from '../../services/importCsv';
import type { ImportRisk } from '../../services/importRisks';
import type { Inspection, TextChoice } from '../../services/inspectImport';
import { useData, type ImportOutcome } from '../data/DataContext';
import type { ReviewChoice } from './ImportReview';
import { recallMapping, rememberMapping, type RememberedMapping } from './rememberedMappings';
import { errorText } from '../../domain/errorText';

export interface Reviewing {
  readonly inspection: Inspection;
  readonly remembered: RememberedMapping | null;
}

export interface Running {
  readonly file: string;
  readonly bytes: number;
  readonly bytesPerRow: number;
  readonly step: ImportStep | 'starting';
  readonly fraction?: number;
}

export interface ValueReview {
  readonly file: string;
  readonly unknown: readonly UnknownValue[];
  readonly review: ValueStepContent;
  answer(mapping: ValueMapping): void;
}

/** An import that would drop much of its file or empty a column: the user confirms before anything is replaced. */
export interface RiskReview {
  readonly file: string;
  readonly risks: readonly ImportRisk[];
  readonly report: CsvImportReport;
  answer(goOn: boolean): void;
}


/**
 * The import of a batch of dropped files, one at a time: inspect → review (mapping, table, mode)
 * → load with progress and cancel → map unknown values → report. Mappings are remembered by
 * the export's header signature.
 */
export function useImportFlow() {
  const { inspectFile, inspectAgain, importFile, setRecentImports } = useData();
  const queue = useRef<File[]>([]);
  const outcomes = useRef<ImportOutcome[]>([]);
  const controller = useRef<AbortController | null>(null);
  const [queued, setQueued] = useState(0);
  const [reviewing, setReviewing] = useState<Reviewing | null>(null);
  const [running, setRunning] = useState<Running | null>(null);
  const [valueReview, setValueReview] = useState<ValueReview | null>(null);
  const [riskReview, setRiskReview] = useState<RiskReview | null>(null);
  const [reviewProblem, setReviewProblem] = useState<string | null>(null);

  const record = useCallback(
    (outcome: ImportOutcome) => {
      outcomes.current = [...outcomes.current, outcome];
      setRecentImports(outcomes.current);
    },
    [setRecentImports],
  );

  const next = useCallback(async () => {
    for (;;) {
      const file = queue.current.shift();
      setQueued(queue.current.length);
      if (!file) {
        setReviewing(null);
        return;
      }
      try {
        const inspection = await inspectFile(file);
        setReviewing({ inspection, remembered: recallMapping(inspection.signature) });
        return;
      } catch (error) {
        record({ file: file.name, error: errorText(error) });
      }
    }
  }, [inspectFile, record]);

  const addFiles = useCallback(
    (files: readonly File[]) => {
      if (!files.length) return;
      const idle = queue.current.length === 0 && !reviewing && !running;
      if (idle) {
        outcomes.current = [];
        setRecentImports([]);
      }
      queue.current.push(...files);
      setQueued(queue.current.length);
      if (idle) void next();
    },
    [next, reviewing, running, setRecentImports],
  );

  const runImport = useCallback(
    async (choice: ReviewChoice) => {
      if (!reviewing) return;
      const { inspection, remembered } = reviewing;
      const file = inspection.input.fileName;
      const abort = new AbortController();
      controller.current = abort;
      setReviewing(null);
      setReviewProblem(null);
      const bytes = inspection.input.source.kind === 'browser-file' ? inspection.input.source.file.size : inspection.input.head.length;
      setRunning({ file, bytes, bytesPerRow: inspection.bytesPerRow, step: 'starting' });
      let values: ValueMapping = remembered?.kind === choice.kind ? remembered.values : {};
      try {
        const report = await importFile(inspection, {
          ...choice,
          values,
          signal: abort.signal,
          onProgress: (step, fraction) => setRunning((r) => r && { ...r, step, ...(fraction === undefined ? {} : { fraction }) }),
          confirmRisks: (risks, report) =>
            new Promise<boolean>((resolve) => {
              setRiskReview({
                file,
                risks,
                report,
                answer: (goOn) => {
                  setRiskReview(null);
                  resolve(goOn);
                },
              });
            }),
          reviewValues: (unknown, review) =>
            new Promise<ValueMapping>((resolve) => {
              setValueReview({
                file,
                unknown,
                review,
                answer: (mapping) => {
                  setValueReview(null);
                  values = { ...values, ...mapping };
                  resolve(mapping);
                },
              });
            }),
        });
        rememberMapping(inspection.signature, { ...rememberedChoice(choice), values });
        record({ file, report });
      } catch (error) {
        record({ file, error: abort.signal.aborted ? `${file}: cancelled; the data loaded before is unchanged` : errorText(error) });
      } finally {
        controller.current = null;
        setRunning(null);
        setValueReview(null);
        setRiskReview(null);
      }
      await next();
    },
    [reviewing, importFile, record, next],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
    // A pending value review is answered with nothing, a risk question with "no"; the import sees the abort right after.
    valueReview?.answer({});
    riskReview?.answer(false);
  }, [valueReview, riskReview]);

  const skip = useCallback(() => void next(), [next]);

  const reinspect = useCallback(
    async (choice: TextChoice) => {
      if (!reviewing) return;
      try {
        const inspection = await inspectAgain(reviewing.inspection, choice);
        setReviewProblem(null);
        setReviewing({ inspection, remembered: recallMapping(inspection.signature) });
      } catch (error) {
        setReviewProblem(errorText(error));
      }
    },
    [reviewing, inspectAgain],
  );

  return { addFiles, reviewing, reviewProblem, running, valueReview, riskReview, queued, runImport, cancel, skip, reinspect, busy: Boolean(reviewing || running) };
}

/** What of the review is remembered for the export's layout (the formats are detected again). */
function rememberedChoice({ kind, mapping, constants, placeholders, currency, lookupKey }: ReviewChoice): Omit<RememberedMapping, 'savedAt' | 'values'> {
  return { kind, mapping, ...(constants ? { constants } : {}), ...(placeholders ? { placeholders } : {}), ...(currency ? { currency } : {}), ...(lookupKey ? { lookupKey } : {}) };
}
