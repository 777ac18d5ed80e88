/**
 * The command line side by side with what a user compares it with:
 * - start: `mobility-setup detect --json` vs a bare `node` that reads /etc/os-release;
 * - install overhead: the silent install of a package whose installer sleeps 2 s, vs that package's
 *   `./install` run by hand with the same arguments (same sandbox root, same state before each run);
 * - log stream: the same with an installer that prints N lines, and the CLI's peak RSS for N and 5 N lines.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { createDemoSandbox } from '../../test/world/demo-sandbox';
import type { DemoSandbox } from '../../test/world/demo-sandbox';
import type { BenchRow } from './row';
import { describeSideBySide, median, sideBySide } from './side-by-side';
import { timedRun } from './timed-process';

const projectDir = path.resolve(__dirname, '..', '..');
const cliBin = path.join(projectDir, 'bin', 'mobility-setup.js');
const node = process.execPath;

export async function benchCliStart(runs: number): Promise<BenchRow> {
  const run = async (args: string[]) => {
    const r = await timedRun(node, args);
    if (r.code !== 0) throw new Error(`${args.join(' ')} exited ${String(r.code)}`);
    return r.ms;
  };
  const result = await sideBySide(
    runs,
    () => run([cliBin, 'detect', '--json']),
    () => run(['-e', "require('fs').readFileSync('/etc/os-release')"]),
    2,
  );
  return {
    id: 'cliStart',
    what: 'CLI start: `detect --json` vs `node -e readFileSync(/etc/os-release)`',
    value: describeSideBySide(result),
    goal: '≤ 1.5×',
    met: result.ratio <= 1.5,
    data: result,
  };
}

/** One sandbox with one package; `reset` puts it back to "no agent installed, no logs" before each run. */
interface InstallWorld {
  sandbox: DemoSandbox;
  handDir: string;
  cliArgs: string[];
  handArgs: string[];
  env: NodeJS.ProcessEnv;
  reset(): Promise<void>;
  dispose(): Promise<void>;
}

async function installWorld(behavior: { slowMs?: number; installLogLines?: number }): Promise<InstallWorld> {
  const sandbox = await createDemoSandbox({ behavior });
  const handDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mobility-setup-bench-hand-'));
  await tar.x({ file: sandbox.packageFile, cwd: handDir });
  const installDir = path.join(sandbox.root, 'usr', 'local', 'ASR');
  const reset = async () => {
    for (const p of ['usr/local/.vx_version', 'usr/local/ASR', 'var/log'])
      await fs.rm(path.join(sandbox.root, p), { recursive: true, force: true });
  };
  await reset();
  return {
    sandbox,
    handDir,
    cliArgs: [
      cliBin,
      '--root',
      sandbox.root,
      'install',
      '--installer-dir',
      sandbox.installerDir,
      '--no-register',
      '--server-kind',
      'classic',
      '--yes',
      '--json',
    ],
    // What the CLI runs (main/platform/linux/agent-commands.ts), from the extracted folder.
    handArgs: ['-d', installDir, '-r', 'MS', '-v', 'VmWare', '-q', '-c', 'CSLegacy'],
    env: { ...process.env, MOBILITY_SETUP_SANDBOX_ROOT: sandbox.root },
    reset,
    dispose: async () => {
      await fs.rm(sandbox.root, { recursive: true, force: true });
      await fs.rm(handDir, { recursive: true, force: true });
    },
  };
}

/** When the CLI said each step started and ended ("[extract] running"), in ms since it was spawned. */
type StepTimes = Map<string, number>;

async function runCliInstall(world: InstallWorld, rssSampleMs = 0, steps?: StepTimes[]) {
  await world.reset();
  const times: StepTimes = new Map();
  const r = await timedRun(node, world.cliArgs, {
    rssSampleMs,
    onStderrLine: (line, ms) => {
      const m = /^\[(\w+)\] (running|done|skipped)$/.exec(line);
      if (m) times.set(`${m[1]} ${m[2]}`, ms);
    },
  });
  times.set('exit', r.ms);
  steps?.push(times);
  if (r.code !== 0) throw new Error(`mobility-setup install exited ${String(r.code)}: ${r.stdoutTail}`);
  return r;
}

async function runByHand(world: InstallWorld) {
  await world.reset();
  // Its output kept in a file, as the CLI keeps it in the job log (read and thrown away, it cost less than that).
  const r = await timedRun(path.join(world.handDir, 'install'), world.handArgs, {
    cwd: world.handDir,
    env: world.env,
    stdoutFile: path.join(world.handDir, 'install-output.log'),
  });
  if (r.code !== 0) throw new Error(`./install exited ${String(r.code)}`);
  return r;
}

/** Medians of where the CLI's time goes, from its own step lines. */
function phases(steps: StepTimes[], byHandMs: number) {
  const at = (key: string) => median(steps.map((s) => s.get(key) ?? NaN).filter((n) => !Number.isNaN(n)));
  return {
    startAndLoadMs: at('check running'),
    checkMs: at('check done') - at('check running'),
    extractMs: at('extract done') - at('extract running'),
    installStepMs: at('install done') - at('install running'),
    installStepOverByHandMs: at('install done') - at('install running') - byHandMs,
    afterInstallMs: at('exit') - at('install done'),
  };
}

export async function benchInstallOverhead(runs: number): Promise<BenchRow[]> {
  // Four steps of 500 ms: the installer takes 2 s.
  const world = await installWorld({ slowMs: 500 });
  const steps: StepTimes[] = [];
  try {
    const result = await sideBySide(
      runs,
      async () => (await runCliInstall(world, 0, steps)).ms,
      async () => (await runByHand(world)).ms,
    );
    const p = phases(steps.slice(-runs), result.theirs.median);
    return [
      {
        id: 'installOverhead',
        what: 'install overhead: CLI install vs `./install` by hand (2 s installer)',
        value: describeSideBySide(result),
        goal: '≤ 1.05×',
        met: result.ratio <= 1.05,
        data: result,
      },
      {
        id: 'installFixedCost',
        what: 'install overhead: fixed cost (median of pair differences)',
        value: `${result.difference.toFixed(0)} ms`,
        goal: '≤ 100 ms',
        met: result.difference <= 100,
        data: { differenceMs: result.difference },
      },
      {
        id: 'installPhases',
        what: 'install overhead: where it goes (medians)',
        value: `start+load ${p.startAndLoadMs.toFixed(0)}, check ${p.checkMs.toFixed(0)}, extract ${p.extractMs.toFixed(0)}, install step − by hand ${p.installStepOverByHandMs.toFixed(0)}, verify+exit ${p.afterInstallMs.toFixed(0)} ms`,
        goal: '-',
        met: null,
        data: p,
      },
    ];
  } finally {
    await world.dispose();
  }
}

export async function benchLogStream(runs: number, lines: number): Promise<BenchRow[]> {
  const world = await installWorld({ installLogLines: lines });
  const rows: BenchRow[] = [];
  try {
    const result = await sideBySide(
      runs,
      async () => (await runCliInstall(world)).ms,
      async () => (await runByHand(world)).ms,
    );
    rows.push({
      id: 'logStream',
      what: `log stream: CLI install vs \`./install\` by hand (${lines.toLocaleString('en')} lines)`,
      value: describeSideBySide(result),
      goal: '≤ 1.2×',
      met: result.ratio <= 1.2,
      data: result,
    });
    const small = (await runCliInstall(world, 10)).peakRssMb;
    rows.push(...(await peakRssRows(lines, small)));
    return rows;
  } finally {
    await world.dispose();
  }
}

/** Peak RSS of the CLI process for N and 5 N lines: bounded means the second is not (much) larger. */
async function peakRssRows(lines: number, smallMb: number | null): Promise<BenchRow[]> {
  const big = lines * 5;
  const world = await installWorld({ installLogLines: big });
  try {
    const bigMb = (await runCliInstall(world, 10)).peakRssMb;
    const growth = smallMb !== null && bigMb !== null ? bigMb - smallMb : null;
    return [
      {
        id: 'cliPeakRss',
        what: `CLI install peak RSS: ${lines.toLocaleString('en')} vs ${big.toLocaleString('en')} lines`,
        value: `${smallMb?.toFixed(0) ?? '?'} MB vs ${bigMb?.toFixed(0) ?? '?'} MB`,
        goal: `bounded (≤ +20 MB for 5× the lines)`,
        met: growth === null ? null : growth <= 20,
        data: { lines, smallMb, bigLines: big, bigMb },
      },
    ];
  } finally {
    await world.dispose();
  }
}
