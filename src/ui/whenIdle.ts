/**
 * Runs `job` when the page is next idle, so that it delays nothing the user does; returns a
 * cancel. Safari has no requestIdleCallback: there the job runs after a short timeout instead.
 */
export function whenIdle(job: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(job);
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(job, 50);
  return () => clearTimeout(id);
}
