import { existsSync } from 'node:fs';
import readline from 'node:readline';
import type { Command } from 'commander';
import type { AntivirusNote } from '../../../common/antivirus';
import type { AgentFacts } from '../../../common/detection';
import type { InstallerChoice, JobSnapshot, Registration } from '../../../common/install';
import type { AppError } from '../../../common/result';
import { passphraseFromFileText } from '../../../common/passphrase';
import { upgradePath } from '../../../common/upgrade-path';
import { createCore } from '../../core/app-core';
import { systemAdapters } from '../../core/system-adapters';
import { sessionOptions } from '../../core/session-options';
import { waitForJob } from '../../core/jobs/wait-for-job';
import { missingRootMessage } from '../context';
import { EXIT, exitCodeForError, exitCodeForJob } from '../exit-codes';
import { readSecretInputFile } from '../input-file';
import { writeErr, writeOut } from '../output-guard';
import { padColumns } from '../../../common/text-columns';
import { cliText } from '../i18n/cli-text';
import { codeHint, codeMessage, coreLine, errorText } from '../i18n/code-text';
import { UsageError, checkedPath } from '../usage-error';
import { DECLINED, jobChanged, jsonError } from '../../../common/json-envelope';
import { writeJson } from '../json-envelope';
import { followJobProgress } from './job-progress';
import { vendorErrorLines } from './vendor-error-lines';

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

/** The registration an option set asks for. Exactly one of: endpoint + passphrase file, config file, --no-register. */
export function registrationFromOptions(options: RegistrationOptions, allowNone: boolean): Registration {
  const classic = options.csEndpoint !== undefined || options.passphraseFile !== undefined;
  const modernized = options.configFile !== undefined;
  const none = options.register === false;
  const chosen = [classic, modernized, none].filter(Boolean).length;
  const choices = cliText(allowNone ? 'usage.registerChoices' : 'usage.registerChoicesNoNone');
  if (chosen !== 1)
    throw new UsageError(cliText(chosen === 0 ? 'usage.registerChoose' : 'usage.registerOnlyOne', { choices }));
  if (none) {
    if (!allowNone) throw new UsageError(cliText('usage.registerChoose', { choices }));
    // The vendor's installer is told the server kind at install time (-c CSLegacy | CSPrime): no guessing.
    if (options.serverKind !== 'classic' && options.serverKind !== 'modernized') {
      throw new UsageError(cliText('usage.serverKind'));
    }
    return { mode: 'none', serverKind: options.serverKind };
  }
  if (options.serverKind !== undefined)
    throw new UsageError(
      '--server-kind goes with --no-register only (--cs-endpoint means classic, --config-file modernized).',
    );
  if (modernized)
    return {
      mode: 'modernized',
      configJson: readSecretInputFile(
        checkedPath(options.configFile ?? '', '--config-file'),
        1_000_000,
        'the appliance configuration file',
      ),
    };
  if (options.csEndpoint === undefined || options.passphraseFile === undefined) {
    throw new UsageError(cliText('usage.endpointWithPassphrase'));
  }
  const passphrase = passphraseFromFileText(
    readSecretInputFile(checkedPath(options.passphraseFile, '--passphrase-file'), 4096, 'the passphrase file'),
  );
  return { mode: 'classic', endpoint: options.csEndpoint, passphrase };
}

export function parseSeconds(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(text) || Number(text) <= 0) throw new UsageError(cliText('usage.seconds', { option }));
  return Math.round(Number(text) * 1000);
}

/** The registration switches install and register share (classic server + passphrase file, or appliance config.json). */
export function withRegistrationOptions(command: Command): Command {
  return command
    .option('--cs-endpoint <host[:port]>', 'classic: the configuration server address')
    .option('--passphrase-file <file>', 'classic: file holding the passphrase from genpassphrase.exe -v')
    .option('--config-file <file>', 'modernized: config.json downloaded from the replication appliance');
}

/** Without --yes and without a terminal, the caller must not guess: refuse before anything is done. */
export function assertCanConfirm(yes: boolean, command: string): void {
  if (!yes && !process.stdin.isTTY) throw new UsageError(cliText('confirm.noTerminal', { command }));
}

/** One y/N question on a terminal (see assertCanConfirm). */
export async function confirm(question: string, yes: boolean, command: string): Promise<boolean> {
  if (yes) return true;
  assertCanConfirm(yes, command);
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await new Promise<string>((resolve) =>
      rl.question(`${question} ${cliText('confirm.answer')} `, resolve),
    );
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/** The chosen installer and whose file it is, so a surprising owner is seen before anything runs as root. */
export function formatInstaller(choice: InstallerChoice): string {
  const pad = (label: string) => padColumns(`${label}:`, 17);
  const c = choice.chosen;
  const owner = choice.owner
    ? cliText('installer.owner', {
        user: choice.owner.user ?? cliText('installer.noUserName'),
        uid: choice.owner.uid,
        mode: choice.owner.mode,
      })
    : cliText('installer.ownerNotChecked');
  const checksum = cliText('installer.checksum', {
    sha256: choice.sha256,
    file: choice.checksumFile ?? cliText('installer.none'),
    checksum: cliText(`checksum.${choice.checksum}`),
  });
  const line = cliText('installer.line', { file: c.fileName, version: c.version, owner });
  return `${pad(cliText('installer.label'))}${line}\n${pad(cliText('installer.sha256'))}${checksum}\n`;
}

/** The anti-virus line of a job's summary: what the check said and what the person chose. */
export function antivirusLine(note: AntivirusNote): string {
  const open = note.openScanners.map((s) => s.product).join(', ');
  if (note.decision === 'notChecked') return cliText('av.notChecked');
  if (note.decision === 'allExcluded' && open === '') return cliText('av.allExcluded');
  return cliText('av.continued', { products: open || cliText('av.aScanner') });
}

/** Labels line up after the longest one; a continuation line (a second log file) gets no label and no colon. */
const LABEL_WIDTH = 'Vendor exit code: '.length;
const label = (text: string) => padColumns(text === '' ? '' : `${text}:`, LABEL_WIDTH);

/** What the text output says about the agent after the job; every line is read from the machine, none assumed. */
function agentLines(s: NonNullable<JobSnapshot['summary']>): string[] {
  if (!s.installed) return [`${label(cliText('job.agent'))}${cliText('job.notInstalled')}`];
  const lines = [`${label(cliText('job.agentVersion'))}${s.version ?? cliText('job.unknown')}`];
  if (s.installDir) lines.push(`${label(cliText('job.installFolder'))}${s.installDir}`);
  const registered = s.registered
    ? s.server
      ? cliText('job.registeredWith', { server: s.server })
      : cliText('job.registeredYes')
    : cliText('job.registeredNo');
  lines.push(`${label(cliText('job.registered'))}${registered}`);
  if (s.antivirus) lines.push(`${label(cliText('job.antivirus'))}${antivirusLine(s.antivirus)}`);
  if (s.azureVmAgentNote !== null) {
    const walinux =
      s.walinuxagentPresent === null
        ? ''
        : s.walinuxagentPresent
          ? cliText('job.walinuxPresent')
          : cliText('job.walinuxAbsent');
    // The profile answers WALinuxAgent's presence only on Linux: null means the Windows note (as the wizard reads it).
    const note = cliText(s.walinuxagentPresent === null ? 'job.azureNote.windows' : 'job.azureNote.linux');
    lines.push(`${label(cliText('job.azureVmAgent'))}${note}${walinux}`);
  }
  return lines;
}

export function formatJob(job: JobSnapshot, exitCode: number): string {
  const o = job.outcome;
  const ending =
    job.state === 'succeeded'
      ? cliText('job.done')
      : job.state === 'cancelled'
        ? cliText('job.cancelled')
        : cliText('job.failed');
  const lines = [`${ending}: ${o ? codeMessage(o) : job.state}`];
  // A restart is said once, on its own line; the outcome's hint for 3010/1641 would say it again.
  if (o?.vendorError) lines.push(...vendorErrorLines(o.vendorError, label));
  const hint = o ? codeHint(o) : null;
  if (hint && !o?.rebootRequired) lines.push(`${label(cliText('job.next'))}${hint}`);
  if (o?.machineState && job.state !== 'succeeded')
    lines.push(`${label(cliText('job.machineState'))}${coreLine(o.machineStateText, o.machineState)}`);
  if (o?.exitCode !== null && o?.exitCode !== undefined && o.exitCode !== 0)
    lines.push(`${label(cliText('job.vendorExitCode'))}${o.exitCode}`);
  if (o?.rebootRequired) {
    lines.push(
      `${label(cliText('job.restart'))}${o.exitCode === 1641 ? cliText('job.restartRequired') : cliText('job.restartRecommended')}`,
    );
  }
  if (job.summary) lines.push(...agentLines(job.summary));
  for (const [i, file] of job.logFiles.entries()) lines.push(`${label(i === 0 ? cliText('job.logs') : '')}${file}`);
  lines.push(`${label(cliText('job.exitCode'))}${exitCode}`);
  return `${lines.join('\n')}\n`;
}

export interface JobCommandOptions {
  root: string;
  json: boolean;
  verbose: boolean;
  inactivityTimeoutMs: number | undefined;
  method: 'startInstall' | 'startRegister' | 'startUninstall';
  /** The request, validated by the same dispatcher every front door goes through. */
  input: unknown;
  /** Asks before anything changes (after the installer was found, for install); false = cancelled, nothing changed. */
  confirm(installer: InstallerChoice | null): Promise<boolean>;
}

/** Before an upgrade, the same reminder the wizard shows (the order the vendor requires); nothing otherwise. */
function upgradeNotice(agent: AgentFacts, installerVersion: string): string {
  const route = upgradePath(agent.installed ? agent.version : null, installerVersion);
  if (route.kind !== 'upgrade') return '';
  return `${cliText('upgrade.notice', { from: route.from, to: route.to })}\n${cliText('upgrade.reminder')}\n`;
}

/** Runs one install/register job on a fresh core: progress on stderr, the result on stdout, an exit code back. */
export async function runJobCommand(options: JobCommandOptions): Promise<number> {
  if (!existsSync(options.root)) throw new UsageError(missingRootMessage(options.root));
  const core = createCore({
    ...systemAdapters(),
    root: options.root,
    appLog: true,
    ...(options.inactivityTimeoutMs !== undefined ? { inactivityTimeoutMs: options.inactivityTimeoutMs } : {}),
    session: sessionOptions('cli'),
  });
  const progress = followJobProgress(core, options.verbose);
  const refused = (error: AppError): number => {
    const code = exitCodeForError(error.code);
    if (options.json) writeJson({ ok: false, exitCode: code, error: jsonError(error) });
    else writeErr(errorText('mobility-setup', error));
    return code;
  };
  try {
    let input = options.input;
    let installer: InstallerChoice | null = null;
    if (options.method === 'startInstall') {
      // The installer is found (and its owner and folder checked) first, so the person sees whose file
      // would run as root before confirming; the job then insists on exactly that file.
      const found = await core.dispatch('findInstaller', { dir: (input as { installerDir: string }).installerDir });
      if (!found.ok) return refused(found.error);
      installer = found.value as InstallerChoice;
      if (!options.json) writeErr(formatInstaller(installer));
      if (!options.json) writeErr(upgradeNotice(await core.detection.readAgent(), installer.chosen.version));
      input = { ...(input as object), installerFile: installer.chosen.path };
    }
    // A "no", or an interrupt (signal, closed output) before the job exists: nothing was started.
    if (progress.interrupted || !(await options.confirm(installer)) || progress.interrupted) {
      writeErr(`${cliText('job.nothingChanged')}\n`);
      if (options.json) writeJson({ ok: false, exitCode: EXIT.cancelled, error: DECLINED, result: { changed: false } });
      return EXIT.cancelled;
    }
    const started = await core.dispatch(options.method, input);
    if (!started.ok) return refused(started.error);
    const { jobId: startedId } = started.value as { jobId: string };
    // An interrupt that came while the job was being started cancels it now.
    progress.follow(startedId);
    const job = await waitForJob(core.events, (id) => core.handlers.getJob({ jobId: id }), startedId);
    const exitCode = exitCodeForJob(job);
    if (options.json) writeJobEnvelope(job, exitCode, installer);
    else writeOut(formatJob(job, exitCode));
    return exitCode;
  } finally {
    progress.stop();
    await core.dispose();
  }
}

/** A finished job in the --json envelope: ok when it succeeded; a failure names the outcome as its error. */
function writeJobEnvelope(job: JobSnapshot, exitCode: number, installer: InstallerChoice | null): void {
  const result = { changed: jobChanged(job), ...(installer ? { installer } : {}), job };
  const outcome = job.outcome ?? { code: 'job.unknown', message: `The job ended ${job.state}.`, hint: null };
  writeJson(
    job.state === 'succeeded'
      ? { ok: true, exitCode, result }
      : { ok: false, exitCode, error: jsonError(outcome), result },
  );
}
