import { readFileSync } from 'node:fs';
import { EtlError } from './errors';

/** A JSON file the run is given (`what`: "the mapping file"); every failure names the file. */
export function readJsonFile(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new EtlError(`${file}: cannot read ${what} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new EtlError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
