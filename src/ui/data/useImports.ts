import { useCallback, useMemo, type MutableRefObject } from 'react';
import type { SnapshotStore } from '../../db/opfsSnapshot';
import type { Db } from '../../db/types';
import { errorText } from '../../domain/errorText';
import { TABLE_KINDS } from '../../domain/schema';
import { ExportError } from '../../services/exportError';
import type { CsvImportInput } from '../../services/importCsv';
import type { Inspection, TextChoice } from '../../services/inspectImport';
import { refreshLeadFacts } from '../../services/leadFacts';
import type { LookupKey } from '../../services/lookups';
import { checkImportSize, explainOutOfMemory } from '../../services/memoryLimit';
import { dropLookupRegistrySql } from '../../sql/lookups';
import { forgetMappings } from '../import/rememberedMappings';
import type { DataStore } from './dataState';
import type { AnyImportReport, ImportChoice } from './importChoice';
import type { SaveQueue } from './useSaveQueue';
import type { TableSummary } from './startupData';

export interface Imports {
  inspectFile(file: File): Promise<Inspection>;
  inspectAgain(inspection: Inspection, choice: TextChoice): Promise<Inspection>;
  importFile(inspection: Inspection, choice: ImportChoice): Promise<AnyImportReport>;
  clearAllData(): Promise<void>;
}

/** The import code, fetched with the first file the user picks (see importServices). */
const importServices = () => import('./importServices');

/** The user's imports into the loaded data, and forgetting all of it. */
export function useImports({ current, update }: DataStore, saves: SaveQueue, storeRef: MutableRefObject<SnapshotStore | null>, onCleared: () => void): Imports {
  const inspectFile = useCallback(async (file: File) => {
    checkImportSize(file.name, file.size);
    const { inspectImport, fileInput, browserCodec } = await importServices();
    return inspectImport(await fileInput(file), browserCodec);
  }, []);

  const inspectAgain = useCallback(async (inspection: Inspection, choice: TextChoice) => {
    const { inspectImport, browserCodec } = await importServices();
    return inspectImport(inspection.input, browserCodec, choice);
  }, []);

  const importLookupFile = useCallback(
    async (inspection: Inspection, key: LookupKey | undefined) => {
      const { coordinator, origin, tables } = current.current;
      if (!coordinator) throw new Error('The database is not ready yet');
      const { fileName } = inspection.input;
      // A lookup joins onto the user's own leads; the sample's would be replaced by the next import.
      if (origin !== 'import' || !tables.some((t) => t.kind === 'leads')) throw new ExportError(fileName, 'a lookup joins onto your leads: import the leads first');
      if (!key) throw new ExportError(fileName, 'choose the lead column and the column of this file that hold the same values');
      const { importLookup, browserCodec } = await importServices();
      const report = await importLookup(coordinator.db, inspection.input, browserCodec, key);
      coordinator.invalidate();
      const summary: TableSummary = { kind: 'lookup', table: report.table, source: fileName, rows: report.rowsLoaded, lookup: { leadColumn: report.leadColumn, column: report.column } };
      update((s) => ({ ...s, tables: [...s.tables.filter((t) => t.table !== report.table), summary], dataVersion: coordinator.dataVersion }));
      saves.changed(report.table);
      void saves.persist();
      return report;
    },
    [current, update, saves],
  );

  const importFile = useCallback(
    async (inspection: Inspection, { kind, mapping, decimalSeparator, dateFormats, dateRange, constants, placeholders, currency, lookupKey, ...options }: ImportChoice): Promise<AnyImportReport> => {
      if (kind === 'lookup') return importLookupFile(inspection, lookupKey);
      const { coordinator, origin, tables } = current.current;
      if (!coordinator) throw new Error('The database is not ready yet');
      if (origin === 'published') throw new Error('This is a published dashboard: it is read-only');
      // Against the sample, "update" would mix the user's rows into made-up ones: always replace.
      const mode = origin === 'sample' ? 'replace' : options.mode;
      const input: CsvImportInput = {
        ...inspection.input,
        kind,
        mapping,
        ...(decimalSeparator ? { decimalSeparator } : {}),
        ...(dateFormats ? { dateFormats } : {}),
        ...(dateRange ? { dateRange } : {}),
        ...(constants ? { constants } : {}),
        ...(placeholders ? { placeholders } : {}),
        ...(currency ? { currency } : {}),
      };
      const { importCsv, browserCodec } = await importServices();
      const imported = await importCsv(coordinator.db, input, browserCodec, { ...options, ...(mode ? { mode } : {}) }).catch((error: unknown) => {
        throw explainOutOfMemory(inspection.input.fileName, error);
      });
      // From here the import has happened: what follows may fail, but the data shown must be the new data.
      const afterwards = [...(imported.afterwards ?? [])];
      // The sample is one consistent dataset: once the user's own data arrives, none of it may mix in.
      if (origin === 'sample') {
        try {
          await dropLookups(coordinator.db, tables);
          for (const other of TABLE_KINDS) if (other !== imported.kind) await coordinator.db.dropTable(other);
          await refreshLeadFacts(coordinator.db);
        } catch (error) {
          afterwards.push(`the sample's other tables could not be removed: ${errorText(error)}`);
        }
      }
      const report = afterwards.length ? { ...imported, afterwards } : imported;
      coordinator.invalidate();
      const previous = origin === 'sample' ? undefined : tables.find((t) => t.kind === report.kind);
      const kept = origin === 'sample' ? [] : tables.filter((t) => t.kind !== report.kind);
      const summary: TableSummary =
        report.mode === 'upsert' && previous
          ? { kind: report.kind, source: `${previous.source}, ${report.fileName}`, rows: previous.rows + report.rowsLoaded - report.rowsReplaced }
          : { kind: report.kind, source: report.fileName, rows: report.rowsLoaded };
      update((s) => ({ ...s, origin: 'import', qualityLink: null, tables: [...kept, summary], dataVersion: coordinator.dataVersion }));
      saves.changed(report.kind);
      void saves.persist();
      return report;
    },
    [current, update, saves, importLookupFile],
  );

  /**
   * Forgets the user's data: the stored copy, the tables in memory, and the remembered column and
   * value mappings (they hold raw CRM values). Each step is tried; a failed one is said, with what
   * is shown now.
   */
  const clearAllData = useCallback(async () => {
    const { coordinator } = current.current;
    if (!coordinator) return;
    await saves.drain();
    const failures: string[] = [];
    const attempt = async (what: string, step: () => Promise<unknown>) => {
      try {
        await step();
      } catch (error) {
        failures.push(`${what}: ${errorText(error)}`);
      }
    };
    await attempt('the copy stored in this browser could not be deleted', async () => storeRef.current?.clear());
    await attempt('the remembered column mappings could not be deleted', async () => forgetMappings());
    await attempt('the tables in memory could not all be removed', async () => {
      for (const kind of TABLE_KINDS) await coordinator.db.dropTable(kind);
      await dropLookups(coordinator.db, current.current.tables);
      await refreshLeadFacts(coordinator.db);
    });
    onCleared();
    try {
      const { loadSample } = await import('./startupLoad');
      const data = await loadSample(coordinator.db, (table) => update((s) => ({ ...s, status: { phase: 'loading', table } })));
      coordinator.invalidate();
      update((s) => ({
        ...s,
        status: { phase: 'ready' },
        origin: data.origin,
        builtAt: data.builtAt ?? null,
        qualityLink: data.qualityLink ?? null,
        tables: data.tables,
        notice: s.notice?.kind === 'stored-unreadable' && failures.length === 0 ? null : s.notice,
        storage: storeRef.current ? { state: 'idle', persistent: storeRef.current.persistent } : { state: 'unavailable' },
        dataVersion: coordinator.dataVersion,
      }));
    } catch (error) {
      coordinator.invalidate();
      update((s) => ({ ...s, status: { phase: 'error', message: `the sample could not be loaded after clearing: ${errorText(error)}` }, tables: [], dataVersion: coordinator.dataVersion }));
      failures.push(`the sample could not be loaded: ${errorText(error)}`);
    }
    if (failures.length) throw new Error(`Not everything was cleared: ${failures.join('; ')}`);
  }, [current, update, saves, storeRef, onCleared]);

  return useMemo(() => ({ inspectFile, inspectAgain, importFile, clearAllData }), [inspectFile, inspectAgain, importFile, clearAllData]);
}

/** Drops the lookup tables and their registry. */
async function dropLookups(db: Db, tables: readonly TableSummary[]): Promise<void> {
  for (const table of tables) if (table.kind === 'lookup' && table.table) await db.dropTable(table.table);
  await db.query(dropLookupRegistrySql());
}
