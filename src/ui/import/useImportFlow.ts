import { useCallback, useRef, useState } from 'react';
import type { CsvImportReport, ImportStep, UnknownValue, ValueMapping } from '../../services/importCsv';
import type { Inspection, TextChoice } from '../../services/inspectImport';
import { useData, type ImportOutcome } from '../data/DataContext';
import type { ReviewChoice } from './ImportReview';
import { recallMapping, rememberMapping, type RememberedMapping } from './rememberedMappings';

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
  answer(mapping: ValueMapping): void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

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
        record({ file: file.name, error: messageOf(error) });
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
        const report: CsvImportReport = await importFile(inspection, {
          ...choice,
          values,
          signal: abort.signal,
          onProgress: (step, fraction) => setRunning((r) => r && { ...r, step, ...(fraction === undefined ? {} : { fraction }) }),
          reviewValues: (unknown) =>
            new Promise<ValueMapping>((resolve) => {
              setValueReview({
                file,
                unknown,
                answer: (mapping) => {
                  setValueReview(null);
                  values = { ...values, ...mapping };
                  resolve(mapping);
                },
              });
            }),
        });
        rememberMapping(inspection.signature, { kind: choice.kind, mapping: choice.mapping, values });
        record({ file, report });
      } catch (error) {
        record({ file, error: abort.signal.aborted ? `${file}: cancelled; the data loaded before is unchanged` : messageOf(error) });
      } finally {
        controller.current = null;
        setRunning(null);
        setValueReview(null);
      }
      await next();
    },
    [reviewing, importFile, record, next],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
    // A pending value review is answered with nothing; the import sees the abort right after.
    valueReview?.answer({});
  }, [valueReview]);

  const skip = useCallback(() => void next(), [next]);

  const reinspect = useCallback(
    async (choice: TextChoice) => {
      if (!reviewing) return;
      try {
        const inspection = await inspectAgain(reviewing.inspection, choice);
        setReviewProblem(null);
        setReviewing({ inspection, remembered: recallMapping(inspection.signature) });
      } catch (error) {
        setReviewProblem(messageOf(error));
      }
    },
    [reviewing, inspectAgain],
  );

  return { addFiles, reviewing, reviewProblem, running, valueReview, queued, runImport, cancel, skip, reinspect, busy: Boolean(reviewing || running) };
}
