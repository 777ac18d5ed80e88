import { existsSync, readFileSync, statSync } from 'node:fs';
import readline from 'node:readline';
import type { Command } from 'commander';
import type { JobSnapshot, Registration } from '../../../common/install';
import { passphraseFromFileText } from '../../../common/passphrase';
import { createCore } from '../../core/app-core';
import { waitForJob } from '../../core/install/wait-for-job';
import { missingRootMessage } from '../context';
import { EXIT, exitCodeForError, exitCodeForJob } from '../exit-codes';

declare const __APP_VERSION__: string;

/** Options install and register share. */
export interface RegistrationOptions {
  csEndpoint?: string;
  passphraseFile?: string;
  configFile?: string;
  /** commander's --no-register: false when given. */
  register?: boolean;
  /** With --no-register: the kind of server the agent will be registered with later. */
  serverKind?: string;
}

export class UsageError extends Error {}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function readSmallFile(file: string, maxBytes: number, what: string): string {
  let size: number;
  try {
    const info = statSync(file);
    if (!info.isFile()) throw new UsageError(`${capital(what)} ${file} is not a file.`);
    size = info.size;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`Cannot read ${what} ${file}.`);
  }
  if (size > maxBytes) throw new UsageError(`${capital(what)} ${file} is larger than ${maxBytes} bytes; check that the right file was given.`);
  // The content is never quoted in a message: it is a secret.
  return readFileSync(file, 'utf8');
}

/** The registration an option set asks for. Exactly one of: endpoint + passphrase file, config file, --no-register. */
export function registrationFromOptions(options: RegistrationOptions, allowNone: boolean): Registration {
  const classic = options.csEndpoint !== undefined || options.passphraseFile !== undefined;
  const modernized = options.configFile !== undefined;
  const none = options.register === false;
  const chosen = [classic, modernized, none].filter(Boolean).length;
  const choices = allowNone ? '--cs-endpoint with --passphrase-file, --config-file, or --no-register' : '--cs-endpoint with --passphrase-file, or --config-file';
  if (chosen !== 1) throw new UsageError(chosen === 0 ? `Choose how to register: ${choices}.` : `Give only one of: ${choices}.`);
  if (none) {
    if (!allowNone) throw new UsageError(`Choose how to register: ${choices}.`);
    // The vendor's installer is told the server kind at install time (-c CSLegacy | CSPrime): no guessing.
    if (options.serverKind !== 'classic' && options.serverKind !== 'modernized') {
      throw new UsageError('--no-register needs --server-kind classic (a configuration server) or --server-kind modernized (a replication appliance): the installer is set up for one of them.');
    }
    return { mode: 'none', serverKind: options.serverKind };
  }
  if (options.serverKind !== undefined) throw new UsageError('--server-kind goes with --no-register only (--cs-endpoint means classic, --config-file modernized).');
  if (modernized) return { mode: 'modernized', configJson: readSmallFile(options.configFile ?? '', 1_000_000, 'the appliance configuration file') };
  if (options.csEndpoint === undefined || options.passphraseFile === undefined) {
    throw new UsageError('--cs-endpoint and --passphrase-file go together (the passphrase is generated on the configuration server).');
  }
  const passphrase = passphraseFromFileText(readSmallFile(options.passphraseFile, 4096, 'the passphrase file'));
  return { mode: 'classic', endpoint: options.csEndpoint, passphrase };
}

export function parseSeconds(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(text) || Number(text) <= 0) throw new UsageError(`${option}: give a number of seconds greater than 0.`);
  return Math.round(Number(text) * 1000);
}

export function parsePort(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d{1,5}$/.test(text) || n < 1 || n > 65535) throw new UsageError(`${option}: the port must be a number from 1 to 65535.`);
  return n;
}

/** The registration switches install and register share (classic server + passphrase file, or appliance config.json). */
export function withRegistrationOptions(command: Command): Command {
  return command
    .option('--cs-endpoint <host[:port]>', 'classic: the configuration server address')
    .option('--passphrase-file <file>', 'classic: file holding the passphrase from genpassphrase.exe -v')
    .option('--config-file <file>', 'modernized: config.json downloaded from the replication appliance');
}

/** Asks before changing the machine; a "no" is a cancel that changed nothing. */
export async function confirmOrCancel(question: string, yes: boolean, command: string): Promise<boolean> {
  if (await confirm(question, yes, command)) return true;
  process.stderr.write('Nothing was changed.\n');
  process.exitCode = EXIT.cancelled;
  return false;
}

/** One y/N question on a terminal. Without --yes and without a terminal, the caller must not guess. */
export async function confirm(question: string, yes: boolean, command: string): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY) throw new UsageError(`No terminal to confirm on: pass --yes to run ${command} without asking.`);
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await new Promise<string>((resolve) => rl.question(`${question} [y/N] `, resolve));
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/** Labels line up after the longest one; a continuation line (a second log file) gets no label and no colon. */
const LABEL_WIDTH = 'Vendor exit code: '.length;
const label = (text: string) => (text === '' ? '' : `${text}:`).padEnd(LABEL_WIDTH);

/** What the text output says about the agent after the job; every line is read from the machine, none assumed. */
function agentLines(s: NonNullable<JobSnapshot['summary']>): string[] {
  if (!s.installed) return [`${label('Agent')}not installed`];
  const lines = [`${label('Agent version')}${s.version ?? 'unknown'}`];
  if (s.installDir) lines.push(`${label('Install folder')}${s.installDir}`);
  lines.push(`${label('Registered')}${s.registered ? `yes${s.server ? `, with ${s.server}` : ''}` : 'no'}`);
  if (s.azureVmAgentNote !== null) {
    const walinux = s.walinuxagentPresent === null ? '' : s.walinuxagentPresent ? ' (WALinuxAgent is present now.)' : ' (WALinuxAgent is not present now.)';
    lines.push(`${label('Azure VM agent')}${s.azureVmAgentNote}${walinux}`);
  }
  return lines;
}

export function formatJob(job: JobSnapshot, exitCode: number): string {
  const o = job.outcome;
  const lines = [`${job.state === 'succeeded' ? 'Done' : job.state === 'cancelled' ? 'Cancelled' : 'Failed'}: ${o?.message ?? job.state}`];
  // A restart is said once, on its own line; the outcome's hint for 3010/1641 would say it again.
  if (o?.hint && !o.rebootRequired) lines.push(`${label('Next')}${o.hint}`);
  if (o?.machineState && job.state !== 'succeeded') lines.push(`${label('Machine state')}${o.machineState}`);
  if (o?.exitCode !== null && o?.exitCode !== undefined && o.exitCode !== 0) lines.push(`${label('Vendor exit code')}${o.exitCode}`);
  if (o?.rebootRequired) lines.push(`${label('Restart')}${o.exitCode === 1641 ? 'required to finish the installation (mandatory; the installer does not restart the machine)' : 'recommended, to finish the installation'}`);
  if (job.summary) lines.push(...agentLines(job.summary));
  for (const [i, file] of job.logFiles.entries()) lines.push(`${label(i === 0 ? 'Logs' : '')}${file}`);
  lines.push(`${label('Exit code')}${exitCode}`);
  return `${lines.join('\n')}\n`;
}

export interface JobCommandOptions {
  root: string;
  json: boolean;
  verbose: boolean;
  inactivityTimeoutMs: number | undefined;
  method: 'startInstall' | 'startRegister';
  /** The request, validated by the same dispatcher every front door goes through. */
  input: unknown;
}

/** Signals that cancel the job (then the command ends normally): Ctrl+C, kill, and a dropped SSH session. */
export const INTERRUPT_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function ignoreStreamErrors(): void {
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
}

/** Runs one install/register job on a fresh core: progress on stderr, the result on stdout, an exit code back. */
export async function runJobCommand(options: JobCommandOptions): Promise<number> {
  if (!existsSync(options.root)) throw new UsageError(missingRootMessage(options.root));
  const core = createCore({
    root: options.root,
    appLog: true,
    ...(options.inactivityTimeoutMs !== undefined ? { inactivityTimeoutMs: options.inactivityTimeoutMs } : {}),
    session: { shell: 'browser', demo: false, defaults: { installerDir: null, csEndpoint: null, dataPort: null }, appVersion: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev' },
  });
  const steps = new Map<string, string>();
  const unsubscribe = core.events.subscribe((name, payload) => {
    if (name === 'jobLog' && options.verbose) for (const line of (payload as { lines: string[] }).lines) process.stderr.write(`  ${line}\n`);
    if (name !== 'job') return;
    for (const step of (payload as JobSnapshot).steps) {
      if (steps.get(step.id) === step.state || step.state === 'pending') continue;
      steps.set(step.id, step.state);
      process.stderr.write(`[${step.id}] ${step.state}\n`);
    }
  });
  let jobId: string | null = null;
  const onInterrupt = (signal: NodeJS.Signals) => {
    // SIGHUP: the terminal (an SSH session) is gone, and writing to it fails (EIO/EPIPE); an unhandled stream
    // error would end the process before the cleanup below (secret file, vendor process tree) ran.
    if (signal === 'SIGHUP') ignoreStreamErrors();
    else process.stderr.write('Cancelling…\n');
    if (jobId) void core.handlers.cancelJob({ jobId }, { frontDoor: 'cli' }).catch(() => undefined);
  };
  for (const signal of INTERRUPT_SIGNALS) process.on(signal, onInterrupt);
  try {
    const started = await core.dispatch(options.method, options.input, { frontDoor: 'cli' });
    if (!started.ok) {
      const code = exitCodeForError(started.error.code);
      if (options.json) process.stdout.write(`${JSON.stringify({ exitCode: code, error: started.error }, null, 2)}\n`);
      else process.stderr.write(`mobility-setup: ${started.error.message}${started.error.hint ? `\n${started.error.hint}` : ''}\n`);
      return code;
    }
    const { jobId: startedId } = started.value as { jobId: string };
    jobId = startedId;
    const job = await waitForJob(core.events, (id) => core.handlers.getJob({ jobId: id }, { frontDoor: 'cli' }), startedId);
    const exitCode = exitCodeForJob(job);
    process.stdout.write(options.json ? `${JSON.stringify({ exitCode, job }, null, 2)}\n` : formatJob(job, exitCode));
    return exitCode;
  } finally {
    for (const signal of INTERRUPT_SIGNALS) process.off(signal, onInterrupt);
    unsubscribe();
    await core.dispose();
  }
}

/** Maps what an action threw to an exit code (usage errors print one line to stderr). */
export function reportCommandError(err: unknown, command: string): number {
  if (err instanceof UsageError) {
    process.stderr.write(`mobility-setup ${command}: ${err.message}\n`);
    return EXIT.usage;
  }
  throw err;
}
