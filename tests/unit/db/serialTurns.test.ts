import { describe, expect, it } from 'vitest';
import { serialTurns } from '../../../src/db/serialTurns';

/** A promise the test settles by hand. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('one caller at a time on a connection', () => {
  it('starts a call only when the one before it has settled, in the order asked', async () => {
    const turns = serialTurns();
    const log: string[] = [];
    const first = deferred();
    const a = turns.call(undefined, async () => {
      log.push('a starts');
      await first.promise;
      log.push('a ends');
    });
    const b = turns.call(undefined, async () => void log.push('b runs'));
    await settle();
    expect(log).toEqual(['a starts']);
    first.resolve();
    await Promise.all([a, b]);
    expect(log).toEqual(['a starts', 'a ends', 'b runs']);
  });

  it("runs a turn's own calls at once and another caller's after the turn, never in between", async () => {
    const turns = serialTurns();
    const log: string[] = [];
    const middle = deferred();
    const transaction = turns.run(async (turn) => {
      await turns.call(turn, async () => void log.push('BEGIN'));
      await middle.promise;
      await turns.call(turn, async () => void log.push('INSERT'));
      await turns.call(turn, async () => void log.push('COMMIT'));
    });
    await settle();
    const other = turns.call(undefined, async () => void log.push('a view'));
    await settle();
    middle.resolve();
    await Promise.all([transaction, other]);
    expect(log).toEqual(['BEGIN', 'INSERT', 'COMMIT', 'a view']);
  });

  it('a failed call ends its turn: the next runs and the error reaches only its caller', async () => {
    const turns = serialTurns();
    const failing = turns.call(undefined, () => Promise.reject(new Error('Binder Error')));
    const next = turns.call(undefined, async () => 42);
    await expect(failing).rejects.toThrow('Binder Error');
    await expect(next).resolves.toBe(42);
  });

  it('a turn that has ended gives no way past the queue', async () => {
    const turns = serialTurns();
    let kept: Parameters<Parameters<typeof turns.run>[0]>[0] | undefined;
    await turns.run(async (turn) => void (kept = turn));
    const log: string[] = [];
    const blocker = deferred();
    const running = turns.call(undefined, async () => {
      await blocker.promise;
      log.push('running');
    });
    const stale = turns.call(kept, async () => void log.push('stale'));
    await settle();
    expect(log).toEqual([]);
    blocker.resolve();
    await Promise.all([running, stale]);
    expect(log).toEqual(['running', 'stale']);
  });
});
