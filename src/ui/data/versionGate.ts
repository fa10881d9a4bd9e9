/**
 * A gate that opens per data version: `passed(v)` resolves once `open(v)` or a later version was
 * called. Work on one version (the browser copy) can wait for another job on the same version
 * (the cube build) without knowing whether that job has started yet, and a newer version's job
 * lets it through too, since the older one is then stale.
 */
export type VersionGate = ReturnType<typeof createVersionGate>;

export function createVersionGate() {
  let opened = -Infinity;
  let waiting: { readonly version: number; readonly resolve: () => void }[] = [];
  return {
    open(version: number): void {
      opened = Math.max(opened, version);
      const ready = waiting.filter((w) => w.version <= opened);
      waiting = waiting.filter((w) => w.version > opened);
      for (const w of ready) w.resolve();
    },
    passed(version: number): Promise<void> {
      if (version <= opened) return Promise.resolve();
      return new Promise((resolve) => waiting.push({ version, resolve }));
    },
  };
}
