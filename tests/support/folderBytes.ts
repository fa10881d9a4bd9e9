import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Bytes of the files under a folder, recursively (0 when it does not exist). */
export function folderBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

/** Where Chromium keeps compiled WebAssembly for a profile (its "code cache"). */
export const wasmCodeCacheOf = (profileDir: string) => path.join(profileDir, 'Default', 'Code Cache', 'wasm');
