import { spawn } from 'node:child_process';
import path from 'node:path';
import { jsonError, linkEnvelopeLine } from '../../common/json-envelope';
import { UserError } from '../../common/result';
import { EXIT } from '../../common/job-exit-code';
import { closeOnSignal, printFreshLinkOnSignal, serveInstructions, serveWizard } from '../web-host/serve-wizard';
import type { ServedWizard } from '../web-host/serve-wizard';
import { electronPackageDir, findElectronBinary } from './electron-binary';
import { GET_ELECTRON_HINT, downloadElectronBinary, downloadSkippedBecause } from './electron-download';
import type { ElectronBinary } from './electron-binary';
import type { ShellArgs } from './shell-args';
import { toShellArgs } from './shell-args';

export interface OpenWizardOptions extends ShellArgs {
  /** Port for the browser-host fallback (absent: the serve command's default; 0: any free port). */
  port?: number;
  json?: boolean;
  /** Test seams: the binary lookup, the Electron entry point, where text goes, who we run as, when the host stops. */
  binary?: ElectronBinary;
  appEntry?: string;
  print?: (line: string) => void;
  write?: (text: string) => void;
  runningAsRoot?: boolean;
  untilClosed?: (served: ServedWizard) => Promise<unknown>;
  /** Fetches Electron's binary once when it was never downloaded; resolves the lookup afterwards (null: no binary). */
  fetchBinary?: () => Promise<ElectronBinary | null>;
  env?: NodeJS.ProcessEnv;
}

export type ShellChoice = { shell: 'electron'; executable: string } | { shell: 'browser'; notice: string };

/**
 * Electron when its binary is here; otherwise the same wizard through the browser host. Chromium refuses
 * to start as root on Linux without turning its sandbox off, and we do not turn it off: a root session
 * gets the browser host too (the usual case on a headless server reached over `ssh -L`).
 */
export function chooseShell(
  binary: ElectronBinary,
  runningAsRoot: boolean,
  whyNoDownload: string | null = null,
): ShellChoice {
  if (!binary.present || binary.path === null) {
    const why = whyNoDownload ? `; ${whyNoDownload}` : '';
    const hint = runningAsRoot ? '' : ` ${GET_ELECTRON_HINT}`;
    return {
      shell: 'browser',
      notice: `Electron's binary is not installed on this machine (${binary.reason ?? 'not found'})${why}; serving the same wizard in your browser instead.${hint}`,
    };
  }
  if (runningAsRoot) {
    return {
      shell: 'browser',
      notice:
        "Electron's window does not run as root (Chromium's sandbox refuses it); serving the same wizard in your browser instead.",
    };
  }
  return { shell: 'electron', executable: binary.path };
}

const isRootOnLinux = (): boolean =>
  process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0;

/** Opens the wizard and resolves with an exit code when the person is done with it. */
export async function openWizard(opts: OpenWizardOptions): Promise<number> {
  const print = opts.print ?? ((line: string) => process.stderr.write(`${line}\n`));
  const asRoot = opts.runningAsRoot ?? isRootOnLinux();
  let binary = opts.binary ?? findElectronBinary();
  let whyNoDownload = binary.present ? null : downloadSkippedBecause(binary, asRoot, opts.env ?? process.env);
  if (!binary.present && whyNoDownload === null) {
    print("Electron's binary was never downloaded (npm ci does not fetch it): fetching it once…");
    binary = (await (opts.fetchBinary ?? fetchElectronBinary)()) ?? binary;
    whyNoDownload = binary.present ? null : 'fetching it failed (no network?)';
  }
  const choice = chooseShell(binary, asRoot, whyNoDownload);
  if (choice.shell === 'electron') {
    const started = await runElectron(
      choice.executable,
      opts.appEntry ?? path.join(__dirname, 'index.js'),
      toShellArgs(opts),
    );
    if (started.ok) return started.code;
    print(`Electron could not be started (${started.reason}); serving the same wizard in your browser instead.`);
  } else {
    print(choice.notice);
  }
  return serveInBrowser(opts, print);
}

/** The fallback: the same as `mobility-setup serve`, with the link printed, until Ctrl+C. */
async function serveInBrowser(opts: OpenWizardOptions, print: (line: string) => void): Promise<number> {
  const write = opts.write ?? ((text: string) => process.stdout.write(text));
  let served: ServedWizard;
  try {
    served = await serveWizard({
      root: opts.root,
      ...(opts.port === undefined ? {} : { port: opts.port }),
      ...(opts.inactivityTimeoutMs === undefined ? {} : { inactivityTimeoutMs: opts.inactivityTimeoutMs }),
      defaults: opts.defaults,
      demo: opts.demo,
    });
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    if (opts.json)
      write(`${JSON.stringify({ ok: false, exitCode: EXIT.precondition, error: jsonError(err.toAppError()) })}\n`);
    else print(`mobility-setup open: ${err.message}${err.hint ? `\n${err.hint}` : ''}`);
    return EXIT.precondition;
  }
  write(opts.json ? linkEnvelopeLine(served.url, served.port) : serveInstructions(served));
  const stopFreshLinks = printFreshLinkOnSignal(served, write, opts.json === true);
  try {
    await (opts.untilClosed ?? closeOnSignal)(served);
  } finally {
    stopFreshLinks();
  }
  return EXIT.ok;
}

async function fetchElectronBinary(): Promise<ElectronBinary | null> {
  const packageDir = electronPackageDir();
  if (packageDir === null || !(await downloadElectronBinary(packageDir))) return null;
  return findElectronBinary();
}

type ElectronRun = { ok: true; code: number } | { ok: false; reason: string };

function runElectron(executable: string, appEntry: string, args: string[]): Promise<ElectronRun> {
  // ELECTRON_RUN_AS_NODE left over from a parent would make the binary a plain Node and run no window.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return new Promise((resolve) => {
    const child = spawn(executable, [appEntry, ...args], { stdio: 'inherit', shell: false, env });
    child.once('error', (err: NodeJS.ErrnoException) => resolve({ ok: false, reason: err.code ?? err.name }));
    child.once('exit', (code, signal) => resolve({ ok: true, code: code ?? (signal ? 1 : 0) }));
  });
}
