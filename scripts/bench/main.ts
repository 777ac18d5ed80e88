/**
 * `npm run bench`: every speed and memory goal, measured side by side with what a user would compare it
 * with, alternating the two commands. Goals are checked here, by measurement, not by timed unit tests
 * (which would be flaky on a shared 2-core machine).
 *
 *   node dist/main/bench.js [--quick] [--lines N] [--pane-lines N,M] [--only id,id] [--no-save]
 *
 * --quick runs fewer pairs (while developing); --only runs some sections (cli, detection, install, log,
 * browser, pane). Every run's figures go to bench/results/<date-time>.json unless --no-save.
 * Everything runs inside throw-away sandbox roots: nothing on the real system changes.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createDemoSandbox } from '../../test/world/demo-sandbox';
import { benchBrowserHost } from './browser-host';
import { benchCliStart, benchInstallOverhead, benchLogStream } from './cli';
import { benchDetection } from './detection';
import { benchLogPane } from './log-pane';
import type { BenchRow } from './row';

const SECTIONS = ['cli', 'detection', 'install', 'log', 'browser', 'pane'] as const;
type Section = (typeof SECTIONS)[number];

interface Args {
  quick: boolean;
  lines: number;
  only: Set<Section>;
  save: boolean;
  /** Log sizes for the log pane (default N and 5 N). */
  paneLines: number[];
}

function parseArgs(argv: string[]): Args {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i === -1 ? undefined : argv[i + 1];
  };
  const lines = Number(value('--lines') ?? 200_000);
  if (!Number.isInteger(lines) || lines < 1) throw new Error('--lines takes a positive whole number');
  const only = (value('--only') ?? SECTIONS.join(',')).split(',');
  for (const s of only)
    if (!(SECTIONS as readonly string[]).includes(s))
      throw new Error(`--only: unknown section ${s} (use ${SECTIONS.join(', ')})`);
  const paneLines = (value('--pane-lines') ?? `${lines},${lines * 5}`).split(',').map(Number);
  if (paneLines.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error('--pane-lines takes whole numbers separated by commas');
  return {
    quick: argv.includes('--quick'),
    lines,
    only: new Set(only as Section[]),
    save: !argv.includes('--no-save'),
    paneLines,
  };
}

function printReport(rows: BenchRow[]): void {
  const width = Math.max(...rows.map((r) => r.what.length));
  const valueWidth = Math.max(...rows.map((r) => r.value.length));
  const goalWidth = Math.max(...rows.map((r) => r.goal.length));
  process.stdout.write('\nMobility Setup benchmark\n\n');
  for (const row of rows) {
    const verdict = row.met === null ? '' : row.met ? 'met' : 'not met';
    process.stdout.write(
      `  ${row.what.padEnd(width)}  ${row.value.padEnd(valueWidth)}  goal ${row.goal.padEnd(goalWidth)}  ${verdict}\n`,
    );
  }
  process.stdout.write(`\n  node ${process.version}, ${process.platform}/${process.arch}\n`);
}

async function saveResults(rows: BenchRow[], args: Args, startedAt: Date, durationMs: number): Promise<string> {
  const dir = path.resolve(__dirname, '..', '..', 'bench', 'results');
  await fs.mkdir(dir, { recursive: true });
  // No colons: the name must be valid on every file system a clone may land on.
  const file = path.join(
    dir,
    `${startedAt
      .toISOString()
      .replace(/:/g, '-')
      .replace(/\.\d+Z$/, 'Z')}.json`,
  );
  const result = {
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(durationMs),
    node: process.version,
    platform: `${process.platform}/${process.arch}`,
    cpus: (await import('node:os')).cpus().length,
    quick: args.quick,
    lines: args.lines,
    rows,
  };
  await fs.writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const startedAt = new Date();
  const pairs = (full: number, quick: number) => (args.quick ? quick : full);
  const rows: BenchRow[] = [];
  const section = async (name: Section, run: () => Promise<BenchRow | BenchRow[]>) => {
    if (!args.only.has(name)) return;
    process.stderr.write(`bench: ${name}…\n`);
    try {
      const got = await run();
      rows.push(...(Array.isArray(got) ? got : [got]));
    } catch (err) {
      // One section failing (a browser lost on a loaded machine) must not lose the others' figures.
      const message = err instanceof Error ? (err.message.split('\n')[0] ?? err.name) : String(err);
      rows.push({
        id: `${name}Failed`,
        what: `${name}: the measurement failed`,
        value: message.slice(0, 100),
        goal: 'runs',
        met: false,
      });
    }
  };
  await section('cli', () => benchCliStart(pairs(16, 6)));
  await section('detection', async () => {
    const sandbox = await createDemoSandbox();
    try {
      return await benchDetection(sandbox.root, pairs(8, 3));
    } finally {
      await fs.rm(sandbox.root, { recursive: true, force: true });
    }
  });
  await section('install', () => benchInstallOverhead(pairs(5, 2)));
  await section('log', () => benchLogStream(pairs(5, 2), args.lines));
  await section('browser', () => benchBrowserHost(pairs(10, 3)));
  for (const lines of args.paneLines) await section('pane', () => benchLogPane(lines));
  printReport(rows);
  if (args.save)
    process.stdout.write(
      `  results: ${path.relative(process.cwd(), await saveResults(rows, args, startedAt, Date.now() - startedAt.getTime()))}\n`,
    );
  return rows.some((r) => r.met === false) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
