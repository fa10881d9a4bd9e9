/**
 * Runs each job in a browser task of its own, in the order given; returns a cancel. Several charts
 * that redraw together (10–30 ms each) would otherwise make one long task, and the page would not
 * answer the pointer for the whole of it. A MessageChannel task runs as soon as the thread is free,
 * without a timer's minimum delay.
 */
const queue: { job: () => void; cancelled: boolean }[] = [];
let channel: MessageChannel | null = null;

function runNext(): void {
  const next = queue.shift();
  if (queue.length > 0) channel!.port2.postMessage(null);
  if (next && !next.cancelled) next.job();
}

export function inOwnTask(job: () => void): () => void {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = runNext;
  }
  const entry = { job, cancelled: false };
  queue.push(entry);
  if (queue.length === 1) channel.port2.postMessage(null);
  return () => {
    entry.cancelled = true;
  };
}
