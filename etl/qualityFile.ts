import { parseQualitySettingsFile } from '../src/domain/quality/settingsFile';
import type { QualitySettings } from '../src/domain/quality/rules';
import { EtlError } from './errors';
import { readJsonFile } from './jsonFile';

/** Reads the team's data-quality rules (--quality); a failure names the file and what is wrong. */
export function readQualityFile(file: string): QualitySettings {
  const json = readJsonFile(file, 'the quality rules file');
  try {
    return parseQualitySettingsFile(json);
  } catch (error) {
    throw new EtlError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
