/**
 * `npm run bench`: measures the speed and memory goals and prints a report. Goals are checked here, by
 * measurement, not by timed unit tests (which would be flaky on a shared 2-core machine).
 *
 *   node dist/main/bench.js [--lines N] [--api-calls N]
 *
 * What it measures, all inside a throw-away sandbox root (nothing on the real system changes):
 * - detection: time to the first streamed section, to the full report, and a cached second call;
 * - a full install + registration whose installer prints N lines (default 200,000): wall time, lines per
 *   second through the core, how many jobLog events carried them (batching), and peak RSS of this process;
 * - the browser host: round trips of a small API call over HTTP on 127.0.0.1;
 * - the log pane in Debian's Chromium while those N lines stream in (scripts/bench-log-pane.ts).
 */
import { promises as fs } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createCore } from '../main/core/app-core';
import type { Core } from '../main/core/app-core';
import { startWebHost } from '../main/web-host/server';
import { benchLogPane } from './bench-log-pane';
import type { BenchRow as Row } from './bench-log-pane';
import { startCsSimulator } from '../test/world/cs-simulator';
import { createDemoSandbox } from '../test/world/demo-sandbox';

const session = { shell: 'browser' as const, demo: true, defaults: { installerDir: null, csEndpoint: null, dataPort: null }, appVersion: 'bench' };

function parseArgs(argv: string[]): { lines: number; apiCalls: number } {
  const value = (name: string, fallback: number): number => {
    const i = argv.indexOf(name);
    const n = i === -1 ? fallback : Number(argv[i + 1]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} takes a positive whole number`);
    return n;
  };
  return { lines: value('--lines', 200_000), apiCalls: value('--api-calls', 500) };
}

/** Samples RSS every 20 ms while `work` runs. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const result = await work();
    return { result, peakMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

async function benchDetection(root: string): Promise<Row[]> {
  const core = createCore({ root, session });
  let firstSectionMs: number | null = null;
  const start = performance.now();
  const unsubscribe = core.events.subscribe((name) => {
    if (name === 'detection' && firstSectionMs === null) firstSectionMs = performance.now() - start;
  });
  await core.handlers.detect({}, { frontDoor: 'cli' });
  const fullMs = performance.now() - start;
  const cachedStart = performance.now();
  await core.handlers.detect({}, { frontDoor: 'cli' });
  const cachedMs = performance.now() - cachedStart;
  unsubscribe();
  await core.dispose();
  return [
    { what: 'detection: first section streamed', value: `${(firstSectionMs ?? fullMs).toFixed(1)} ms`, goal: '< full report', met: (firstSectionMs ?? fullMs) <= fullMs },
    { what: 'detection: full report (cold)', value: `${fullMs.toFixed(1)} ms`, goal: '< 1000 ms', met: fullMs < 1000 },
    { what: 'detection: second call (cached)', value: `${cachedMs.toFixed(2)} ms`, goal: '< 5 ms', met: cachedMs < 5 },
  ];
}

function waitForJob(core: Core, jobId: string): Promise<{ state: string; logEvents: number; logLines: number }> {
  return new Promise((resolve) => {
    let logEvents = 0;
    let logLines = 0;
    const unsubscribe = core.events.subscribe((name, payload) => {
      if (name === 'jobLog') {
        logEvents++;
        logLines += (payload as { lines: string[] }).lines.length;
      }
      if (name === 'job') {
        const job = payload as { id: string; state: string };
        if (job.id === jobId && job.state !== 'running') {
          unsubscribe();
          resolve({ state: job.state, logEvents, logLines });
        }
      }
    });
  });
}

async function benchInstall(lines: number): Promise<Row[]> {
  const sandbox = await createDemoSandbox({ behavior: { installLogLines: lines } });
  const passphrase = 'BenchPass0123456';
  const sim = await startCsSimulator({ passphrase });
  const core = createCore({ root: sandbox.root, session });
  try {
    const start = performance.now();
    const { result, peakMb } = await withPeakRss(async () => {
      const { jobId } = await core.handlers.startInstall(
        { installerDir: sandbox.installerDir, registration: { mode: 'classic', endpoint: sim.endpoint, passphrase }, dataPort: sim.dataPort },
        { frontDoor: 'cli' },
      );
      return waitForJob(core, jobId);
    });
    const seconds = (performance.now() - start) / 1000;
    return [
      { what: `install + register, ${lines.toLocaleString('en')} log lines`, value: `${seconds.toFixed(2)} s (${result.state})`, goal: 'succeeded', met: result.state === 'succeeded' },
      { what: 'log lines through the core', value: `${Math.round(result.logLines / seconds).toLocaleString('en')} lines/s`, goal: '> 50,000 lines/s', met: result.logLines / seconds > 50_000 },
      { what: 'jobLog events for those lines', value: `${result.logEvents.toLocaleString('en')} events for ${result.logLines.toLocaleString('en')} lines`, goal: '< lines / 100 (batched)', met: result.logEvents < Math.max(10, result.logLines / 100) },
      { what: 'peak RSS during the install', value: `${peakMb.toFixed(0)} MB`, goal: '< 400 MB', met: peakMb < 400 },
    ];
  } finally {
    await core.dispose();
    await sim.close();
    await fs.rm(sandbox.root, { recursive: true, force: true });
  }
}

async function benchWebHost(calls: number): Promise<Row[]> {
  const root = await fs.mkdtemp('/tmp/mobility-setup-bench-');
  const core = createCore({ root, session });
  const host = await startWebHost({ core, staticDir: root });
  try {
    // Spend the one-time token for a session cookie and the page's session key (the redirect's fragment), as a browser would.
    const landing = await fetch(host.url, { redirect: 'manual' });
    const cookie = (landing.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const key = new URLSearchParams((landing.headers.get('location') ?? '').split('#')[1] ?? '').get('session') ?? '';
    const headers = { cookie, origin: host.origin, 'content-type': 'application/json', 'x-mobility-session': key };
    const times: number[] = [];
    for (let i = 0; i < calls; i++) {
      const t = performance.now();
      const reply = await fetch(`${host.origin}/api/getSession`, { method: 'POST', headers, body: '{}' });
      await reply.json();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length / 2)] ?? 0;
    const p99 = times[Math.floor(times.length * 0.99)] ?? 0;
    return [{ what: `browser host API round trip (${calls} calls)`, value: `p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms`, goal: 'p99 < 20 ms', met: p99 < 20 }];
  } finally {
    await host.close();
    await core.dispose();
    await fs.rm(root, { recursive: true, force: true });
  }
}

function printReport(rows: Row[]): void {
  const width = Math.max(...rows.map((r) => r.what.length));
  const valueWidth = Math.max(...rows.map((r) => r.value.length));
  process.stdout.write('\nMobility Setup benchmark\n\n');
  for (const row of rows) {
    const verdict = row.met === null ? '' : row.met ? 'met' : 'MISSED';
    process.stdout.write(`  ${row.what.padEnd(width)}  ${row.value.padEnd(valueWidth)}  goal ${row.goal.padEnd(24)} ${verdict}\n`);
  }
  process.stdout.write(`\n  node ${process.version}, ${process.platform}/${process.arch}\n`);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const sandbox = await createDemoSandbox();
  const rows = [...(await benchDetection(sandbox.root))];
  await fs.rm(sandbox.root, { recursive: true, force: true });
  rows.push(...(await benchInstall(args.lines)));
  rows.push(...(await benchWebHost(args.apiCalls)));
  rows.push(...(await benchLogPane(args.lines)));
  printReport(rows);
  return rows.some((r) => r.met === false) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
