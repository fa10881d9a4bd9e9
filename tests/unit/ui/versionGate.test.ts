import { describe, expect, it } from 'vitest';
import { createVersionGate } from '../../../src/ui/data/versionGate';

/** Which of the waits have resolved so far (after the pending promise callbacks ran). */
async function settled(waits: Record<string, Promise<void>>): Promise<string[]> {
  const done: string[] = [];
  for (const [name, wait] of Object.entries(waits)) void wait.then(() => done.push(name));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done.sort();
}

describe('a version gate', () => {
  it('lets a wait through once its version opens, whether it was asked before or after', async () => {
    const gate = createVersionGate();
    const early = gate.passed(3);
    expect(await settled({ early })).toEqual([]);
    gate.open(3);
    expect(await settled({ early, late: gate.passed(3) })).toEqual(['early', 'late']);
  });

  it('lets older versions through when a newer one opens, and keeps newer ones waiting', async () => {
    const gate = createVersionGate();
    const waits = { v1: gate.passed(1), v2: gate.passed(2), v5: gate.passed(5) };
    gate.open(2);
    expect(await settled(waits)).toEqual(['v1', 'v2']);
    gate.open(1); // an older job finishing late closes nothing again
    expect(await settled({ v2again: gate.passed(2), v4: gate.passed(4) })).toEqual(['v2again']);
  });
});
