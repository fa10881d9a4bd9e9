import { describe, expect, it } from 'vitest';
import { crashGuard, EngineCrashedError } from '../../../src/db/crashGuard';

/** A worker stand-in: duckdb-wasm's pending requests never settle after its 'error' event. */
function fakeWorker() {
  const target = new EventTarget();
  return { target, crash: (message: string) => target.dispatchEvent(Object.assign(new Event('error'), { message })) };
}
const never = () => new Promise<never>(() => undefined);

describe('the engine crash guard', () => {
  it('rejects a pending call with a clear message when the worker crashes, and tells the listeners once', async () => {
    const worker = fakeWorker();
    const guard = crashGuard(worker.target);
    const heard: Error[] = [];
    guard.onCrash((error) => heard.push(error));
    const pending = guard.guard(never);
    worker.crash('RuntimeError: unreachable');
    worker.crash('again');
    await expect(pending).rejects.toThrow('The database engine stopped unexpectedly (RuntimeError: unreachable); it is being restarted');
    await expect(pending).rejects.toBeInstanceOf(EngineCrashedError);
    expect(heard.map((e) => e.message)).toEqual(['The database engine stopped unexpectedly (RuntimeError: unreachable); it is being restarted']);
  });

  it('rejects calls made after the crash at once, and passes results and errors through before it', async () => {
    const worker = fakeWorker();
    const guard = crashGuard(worker.target);
    await expect(guard.guard(() => Promise.resolve(42))).resolves.toBe(42);
    await expect(guard.guard(() => Promise.reject(new Error('Binder Error')))).rejects.toThrow('Binder Error');
    worker.crash('boom');
    await expect(guard.guard(() => Promise.resolve(1))).rejects.toBeInstanceOf(EngineCrashedError);
  });
});
