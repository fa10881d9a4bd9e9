import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for this sandboxed, offline machine: no background traffic to Google, no GPU. */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Browser {
  readonly context: BrowserContext;
  /** The launch's fresh profile; it also identifies the launch's processes (benchmarks sample their memory). */
  readonly profileDir: string;
  close(): Promise<void>;
}

/** Debian's Chromium with a fresh profile; never a downloaded browser. */
export async function launchChromium(options: { viewport?: { width: number; height: number }; locale?: string } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it with "apt-get update && apt-get install -y chromium" (or set CHROMIUM_PATH).`);
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'leadloop-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport: options.viewport ?? { width: 1440, height: 960 },
    locale: options.locale ?? 'en-GB',
  });
  return {
    context,
    profileDir: profile,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
