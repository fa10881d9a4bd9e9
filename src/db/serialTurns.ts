/** A caller's turn on the engine's connection: calls made with it run inside that turn instead of queueing behind it. */
export interface Turn {
  readonly id: number;
}

export interface SerialTurns {
  /** Runs `work` once every turn asked for before has ended; no other turn runs until it settles. */
  run<T>(work: (turn: Turn) => Promise<T>): Promise<T>;
  /** One call: at once inside `turn` while that turn is running, else in a turn of its own. */
  call<T>(turn: Turn | undefined, work: () => Promise<T>): Promise<T>;
}

/**
 * One caller at a time on a DuckDB connection. A connection is one session: a statement sent while
 * another caller's long read is being polled ends that read, and a statement sent between another
 * caller's BEGIN and COMMIT joins (and can abort) that transaction. The views, the cube build and an
 * import all share the app's connection, so each call waits for the one before it; a transaction
 * holds one turn for all its statements.
 */
export function serialTurns(): SerialTurns {
  let tail: Promise<unknown> = Promise.resolve();
  let running: Turn | null = null;
  let count = 0;
  const run = <T>(work: (turn: Turn) => Promise<T>): Promise<T> => {
    const turn: Turn = { id: ++count };
    const result = tail.then(async () => {
      running = turn;
      try {
        return await work(turn);
      } finally {
        running = null;
      }
    });
    tail = result.catch(() => undefined);
    return result;
  };
  return {
    run,
    call: (turn, work) => (turn && turn === running ? work() : run(() => work())),
  };
}
