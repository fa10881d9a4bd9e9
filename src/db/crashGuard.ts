/**
 * duckdb-wasm forgets its pending requests when its worker throws an uncaught error: their promises
 * never settle, and a page waiting on one hangs. The guard settles them: every call made through it
 * rejects with a clear message once the worker has failed, and listeners hear of it (to restart).
 */
export class EngineCrashedError extends Error {
  constructor(readonly reason: string) {
    super(`The database engine stopped unexpectedly (${reason}); it is being restarted`);
    this.name = 'EngineCrashedError';
  }
}

export interface CrashGuard {
  /** The call's own outcome, or a rejection once the engine has crashed (before or while it runs). */
  guard<T>(call: () => Promise<T>): Promise<T>;
  onCrash(listener: (error: EngineCrashedError) => void): void;
}

/** Watches `worker` (anything with the Worker's 'error' event). */
export function crashGuard(worker: Pick<EventTarget, 'addEventListener'>): CrashGuard {
  let crashed: EngineCrashedError | null = null;
  const waiting = new Set<(error: EngineCrashedError) => void>();
  const listeners: ((error: EngineCrashedError) => void)[] = [];
  worker.addEventListener('error', (event) => {
    if (crashed) return;
    crashed = new EngineCrashedError((event as ErrorEvent).message || 'an error in its worker');
    for (const reject of waiting) reject(crashed);
    waiting.clear();
    for (const listener of listeners) listener(crashed);
  });
  return {
    guard<T>(call: () => Promise<T>): Promise<T> {
      if (crashed) return Promise.reject(crashed);
      return new Promise<T>((resolve, reject) => {
        waiting.add(reject);
        call()
          .then(resolve, reject)
          .finally(() => waiting.delete(reject));
      });
    },
    onCrash(listener) {
      listeners.push(listener);
    },
  };
}
