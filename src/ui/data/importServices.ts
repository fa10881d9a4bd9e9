/**
 * What an import runs (file inspection, CSV/XLSX parsing, loading into DuckDB), in a chunk of its
 * own: useImports loads it when the user picks a file, so the app's first download does not carry
 * PapaParse and the importers to a visitor who only reads the dashboard.
 */
export { importCsv } from '../../services/importCsv';
export { inspectImport } from '../../services/inspectImport';
export { importLookup } from '../../services/lookups';
export { browserCodec, fileInput } from './browserCodec';
