import { readdirSync, readFileSync } from 'node:fs';

const MIB = 1024 * 1024;

function read(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null; // the process ended between listing and reading
  }
}

/**
 * Processes started by one Chromium launch: those whose command line names its profile
 * directory, and all their descendants (zygotes and the renderers forked from them).
 */
export function chromiumPids(profileDir: string): number[] {
  const parentOf = new Map<number, number>();
  const roots: number[] = [];
  const marker = `--user-data-dir=${profileDir}`;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const stat = read(`/proc/${pid}/stat`);
    if (stat === null) continue;
    // "pid (comm) state ppid …": comm may contain spaces and parentheses.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    parentOf.set(pid, ppid);
    if (read(`/proc/${pid}/cmdline`)?.split('\0').includes(marker)) roots.push(pid);
  }
  const found = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parentOf) {
      if (!found.has(pid) && found.has(ppid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  return [...found];
}

/** Resident set size of one process in bytes (0 if it has ended). */
export function rssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(read(`/proc/${pid}/status`) ?? '');
  return match ? Number(match[1]) * 1024 : 0;
}

export interface RssSample {
  /** Summed RSS at the first sample, i.e. before the measured work, in MiB. */
  readonly startMiB: number;
  /** Highest summed RSS seen, in MiB. */
  readonly peakMiB: number;
  /** Most processes seen at once. */
  readonly processes: number;
  readonly samples: number;
}

export interface RssSampler {
  /** Stops sampling (once; later calls return the same result). */
  stop(): RssSample;
}

/**
 * Samples the summed RSS of a changing set of processes every `intervalMs`. Summed RSS counts
 * pages shared between processes more than once, so it is an upper bound on physical memory.
 */
export function sampleRss(pids: () => number[], intervalMs = 100): RssSampler {
  let start = -1;
  let peak = 0;
  let processes = 0;
  let samples = 0;
  const sample = () => {
    const current = pids();
    const total = current.reduce((sum, pid) => sum + rssBytes(pid), 0);
    if (start < 0) start = total;
    peak = Math.max(peak, total);
    processes = Math.max(processes, current.length);
    samples++;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  let result: RssSample | undefined;
  return {
    stop() {
      if (!result) {
        clearInterval(timer);
        sample();
        result = { startMiB: start / MIB, peakMiB: peak / MIB, processes, samples };
      }
      return result;
    },
  };
}

/** The summed RSS right now, in MiB. */
export function currentRssMiB(pids: number[]): number {
  return pids.reduce((sum, pid) => sum + rssBytes(pid), 0) / MIB;
}
