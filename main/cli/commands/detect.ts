import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { DetectionReport, DiskCheck, WayBack } from '../../../common/detection';
import { jsonError } from '../../../common/json-envelope';
import type { Result } from '../../../common/result';
import { createDispatcher } from '../../api/dispatch';
import { createDetectionHandlers } from '../../core/detect';
import { createDetectionCore } from '../../core/detection-core';
import { globalOptions, missingRootMessage } from '../context';
import { EXIT } from '../exit-codes';
import { writeJson } from '../json-envelope';
import { UsageError, reportCommandError } from '../usage-error';

function bytes(value: number): string {
  if (value >= 1024 ** 3) return `${(value / 1024 ** 3).toFixed(1)} GB`;
  return `${Math.round(value / 1024 ** 2)} MB`;
}

function diskLine(check: DiskCheck): string {
  const free = check.freeBytes === null ? 'free space unknown' : `${bytes(check.freeBytes)} free`;
  const verdict = check.ok === null ? 'not checked' : check.ok ? 'ok' : 'NOT ENOUGH';
  return `${check.path}: ${free}, needs ${bytes(check.requiredBytes)} (${verdict})`;
}

/** The readable summary `mobility-setup detect` prints; `--json` prints the report itself. */
export function formatDetectionReport(report: DetectionReport): string {
  const { os, privileges, agent } = report;
  const name = [os.distribution ?? 'unknown system', os.version].filter(Boolean).join(' ');
  const pad = (label: string) => `${label}:`.padEnd(18);
  const lines = [
    `${pad('Root')}${report.root}`,
    `${pad('Operating system')}${name} (${os.family}, ${os.arch}${os.kernel ? `, kernel ${os.kernel}` : ''})${os.source ? ` from ${os.source}` : ''}`,
    `${pad('Installer token')}${report.token ?? 'none'}`,
    `${pad('Supported')}${report.supported ? 'yes' : 'no'}: ${report.supportMessage}`,
    `${pad('Privileges')}${
      privileges.elevated
        ? `${privileges.user}, elevated`
        : `${privileges.user}, not elevated; ${privileges.canElevate ? `elevation via ${privileges.method}` : 'cannot elevate'}`
    }`,
  ];
  if (privileges.hint) lines.push(`${''.padEnd(18)}${privileges.hint}`);
  if (!agent.installed) lines.push(`${pad('Agent')}not installed`);
  else {
    const registration = agent.registered === null ? 'registration unknown' : agent.registered ? 'registered' : `not registered (${agent.configurationStatus ?? 'no status'})`;
    lines.push(`${pad('Agent')}${agent.version ?? 'unknown version'} in ${agent.installDir ?? 'unknown folder'}, ${registration}${agent.csAddress ? `, server ${agent.csAddress}` : ''}`);
  }
  const disk = report.disk ?? [];
  lines.push(`${pad('Disk')}${disk.length === 0 ? 'not checked' : diskLine(disk[0]!)}`);
  for (const check of disk.slice(1)) lines.push(`${''.padEnd(18)}${diskLine(check)}`);
  const restart = report.pendingRestart;
  const restartText = !restart ? 'not checked' : restart.pending ? `yes (install refuses, exit 62): ${restart.markers.map((m) => m.detail).join('; ')}` : 'no';
  lines.push(`${pad('Restart pending')}${restartText}`);
  const stopped = report.interruptedJob;
  if (stopped) {
    const ways = stopped.wayBack.map((way) => WAY_BACK_COMMAND[way]).join(', or ');
    lines.push(`${pad('Interrupted job')}${stopped.kind} started ${stopped.startedAt} (${stopped.frontDoor}, process ${stopped.pid}) stopped in step "${stopped.step}"`);
    lines.push(`${''.padEnd(18)}${stopped.machineState} Way back: ${ways}.`);
    if (stopped.removed.length > 0) lines.push(`${''.padEnd(18)}Removed what it left: ${stopped.removed.join(', ')}`);
    for (const kept of stopped.kept) lines.push(`${''.padEnd(18)}Kept: ${kept}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What to run for each way back from an interrupted job (uninstall is the vendor's, see the profile's hint). */
const WAY_BACK_COMMAND: Record<WayBack, string> = {
  install: '`mobility-setup install` again (repairs or finishes the install)',
  register: '`mobility-setup register`',
  uninstall: '`mobility-setup uninstall`',
};

/** `mobility-setup detect`: what this machine is and which installer applies. An unsupported OS is data, not a failure. */
export function registerDetectCommand(program: Command): void {
  program
    .command('detect')
    .description('Detect the OS, installer token, support verdict, privileges, installed agent and free disk space')
    .action(async (_options: unknown, command: Command) => {
      const { root, json } = globalOptions(command);
      if (!existsSync(root)) {
        process.exitCode = reportCommandError(new UsageError(missingRootMessage(root)), 'detect', json);
        return;
      }
      // Detection alone: the full core's install modules would take longer to load than detection runs. The call
      // goes through dispatch like every other call; a flag-only request is checked there without loading zod.
      // The app log records an interrupted job found (and its leftovers removed) at this start.
      const { deps, detection } = createDetectionCore({ root, appLog: true });
      const dispatch = createDispatcher(createDetectionHandlers(detection), deps.logger);
      const result = (await dispatch('detect', {})) as Result<DetectionReport>;
      if (!result.ok) {
        if (json) writeJson({ ok: false, exitCode: EXIT.internal, error: jsonError(result.error) });
        process.stderr.write(`mobility-setup detect: ${result.error.message}${result.error.hint ? `\n${result.error.hint}` : ''}\n`);
        process.exitCode = EXIT.internal;
        return;
      }
      if (json) writeJson({ ok: true, exitCode: EXIT.ok, result: result.value });
      else process.stdout.write(formatDetectionReport(result.value));
      process.exitCode = EXIT.ok;
    });
}
