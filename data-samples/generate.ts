/**
 * Sample-data generator CLI (see data-samples/README.md).
 *
 *   npm run samples                                   # the committed 20k-lead set in data-samples/{en,de}, and data-samples/crm
 *   npm run samples -- --leads 1000000 --out data-samples/large/1m [--styles en,de] [--seed 42]
 *
 * Progress goes to stderr, a summary (rows, bytes, seconds) to stdout. Output is byte-identical
 * for the same --seed and --leads, on any machine and any day.
 */
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { TABLE_KINDS } from '../src/domain/schema';
import { writeCrmShapes } from './generator/crmShapes';
import { DEFAULT_LEADS, DEFAULT_SEED, generateSamples } from './generator/run';
import { STYLE_NAMES, type StyleName } from './generator/styles';

const HERE = dirname(fileURLToPath(import.meta.url));

const USAGE = `Usage: npm run samples -- [--leads N] [--seed N] [--out DIR] [--styles en,de]
  --leads N      number of leads (default ${DEFAULT_LEADS})
  --seed N       random seed (default ${DEFAULT_SEED})
  --out DIR      output directory; files go to DIR/<style>/<table>.csv (default data-samples; only
                 the default also writes the small CRM-shape exports of data-samples/crm)
  --styles LIST  comma-separated export styles: en (English CRM, UTF-8) and/or de (German Excel, cp1252)`;

interface Args {
  leads: number;
  seed: number;
  out: string;
  styles: StyleName[];
  /** The default committed set (no --out): also write data-samples/crm. */
  crm: boolean;
}

function parseIntArg(name: string, value: string | undefined): number {
  const cleaned = (value ?? '').replace(/[_,]/g, '');
  if (!/^-?\d+$/.test(cleaned)) throw new Error(`${name} needs an integer, got "${value ?? ''}"`);
  return Number(cleaned);
}

function parseArgs(argv: readonly string[]): Args | null {
  const args: Args = { leads: DEFAULT_LEADS, seed: DEFAULT_SEED, out: HERE, styles: [...STYLE_NAMES], crm: true };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--leads':
        args.leads = parseIntArg('--leads', value());
        if (args.leads < 1) throw new Error('--leads must be at least 1');
        break;
      case '--seed':
        args.seed = parseIntArg('--seed', value());
        break;
      case '--out': {
        const v = value();
        if (!v) throw new Error('--out needs a directory');
        args.out = resolve(v);
        args.crm = false;
        break;
      }
      case '--styles': {
        const list = (value() ?? '').split(',').map((s) => s.trim()).filter(Boolean);
        const bad = list.filter((s) => !STYLE_NAMES.includes(s as StyleName));
        if (list.length === 0 || bad.length > 0) throw new Error(`--styles takes en and/or de, got "${list.join(',')}"`);
        args.styles = [...new Set(list as StyleName[])];
        break;
      }
      case '--help':
      case '-h':
        return null;
      default:
        throw new Error(`unknown argument "${argv[i]}"`);
    }
  }
  return args;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

async function main(): Promise<void> {
  let args: Args | null;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (!args) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const started = performance.now();
  let lastReport = started;
  let reportedDone = -1;
  const outShown = relative(process.cwd(), args.out) || '.';
  process.stderr.write(`Generating ${fmt(args.leads)} leads (seed ${args.seed}, styles ${args.styles.join(',')}) into ${outShown}\n`);
  const summary = await generateSamples({
    seed: args.seed,
    leads: args.leads,
    outDir: args.out,
    styles: args.styles,
    onProgress(done, total) {
      const now = performance.now();
      if (done !== reportedDone && (now - lastReport >= 1000 || done === total)) {
        lastReport = now;
        reportedDone = done;
        const pct = ((100 * done) / total).toFixed(1);
        process.stderr.write(`  leads ${fmt(done)} / ${fmt(total)} (${pct} %) after ${((now - started) / 1000).toFixed(1)} s\n`);
      }
    },
  });
  const crm = args.crm ? await writeCrmShapes(join(HERE, 'crm'), args.seed) : null;
  const seconds = (performance.now() - started) / 1000;

  const lines: string[] = [];
  lines.push(`Sample data: seed ${summary.seed}, ${fmt(summary.leads)} leads → ${outShown}`);
  lines.push(['table'.padEnd(10), 'rows'.padStart(12), ...args.styles.map((s) => `${s} bytes`.padStart(16))].join(''));
  let total = 0;
  for (const kind of TABLE_KINDS) {
    const t = summary.tables[kind];
    const cells = args.styles.map((s) => {
      const b = t.bytes[s] ?? 0;
      total += b;
      return fmt(b).padStart(16);
    });
    lines.push([kind.padEnd(10), fmt(t.rows).padStart(12), ...cells].join(''));
  }
  const i = summary.issues;
  const dup = i.duplicates;
  lines.push(
    `Injected data-quality issues: duplicates ${fmt(dup.exact + dup['email-case'] + dup['company-variant'])} ` +
      `(exact ${fmt(dup.exact)}, e-mail case ${fmt(dup['email-case'])}, company variant ${fmt(dup['company-variant'])}), ` +
      `e-mail missing ${fmt(i.emailMissing)} / malformed ${fmt(i.emailMalformed)}, ` +
      `phone missing ${fmt(i.phoneMissing)} / malformed ${fmt(i.phoneMalformed)}, ` +
      `company missing ${fmt(i.companyMissing)}, country missing ${fmt(i.countryMissing)}, industry missing ${fmt(i.industryMissing)}, ` +
      `never followed up ${fmt(i.neverFollowedUp)}`,
  );
  if (crm) {
    const csv = Object.entries(crm.files).filter(([path]) => path.endsWith('.csv'));
    for (const [, f] of Object.entries(crm.files)) total += f.bytes;
    lines.push(`CRM shapes → ${relative(process.cwd(), join(HERE, 'crm')) || '.'}: ${csv.map(([path, f]) => `${path} ${fmt(f.rows)} rows`).join(', ')}`);
  }
  lines.push(`Wrote ${fmt(total)} bytes in ${seconds.toFixed(2)} s`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
