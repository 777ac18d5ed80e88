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
import { padColumns } from '../../../common/text-columns';
import { cliText } from '../i18n/cli-text';
import { coreLine, errorText } from '../i18n/code-text';
import type { CliTextKey } from '../i18n/cli-en';
import { UsageError, reportCommandError } from '../usage-error';

function bytes(value: number): string {
  if (value >= 1024 ** 3) return `${(value / 1024 ** 3).toFixed(1)} GB`;
  return `${Math.round(value / 1024 ** 2)} MB`;
}

function diskLine(check: DiskCheck): string {
  const free =
    check.freeBytes === null ? cliText('detect.freeUnknown') : cliText('detect.free', { size: bytes(check.freeBytes) });
  const verdict =
    check.ok === null
      ? cliText('detect.notChecked')
      : check.ok
        ? cliText('detect.diskOk')
        : cliText('detect.diskNotEnough');
  return cliText('detect.diskLine', { path: check.path, free, required: bytes(check.requiredBytes), verdict });
}

/** The readable summary `mobility-setup detect` prints (in the run's language); `--json` prints the report itself. */
export function formatDetectionReport(report: DetectionReport): string {
  const { os, privileges, agent } = report;
  const name = [os.distribution ?? cliText('detect.unknownSystem'), os.version].filter(Boolean).join(' ');
  const pad = (label: string) => padColumns(`${label}:`, 18);
  const blank = ''.padEnd(18);
  const kernel = os.kernel ? `, ${cliText('detect.kernel', { kernel: os.kernel })}` : '';
  const source = os.source ? cliText('detect.from', { source: os.source }) : '';
  const how = privileges.canElevate
    ? cliText('detect.elevateVia', { method: privileges.method })
    : cliText('detect.cannotElevate');
  const lines = [
    `${pad(cliText('detect.root'))}${report.root}`,
    `${pad(cliText('detect.os'))}${name} (${os.family}, ${os.arch}${kernel})${source}`,
    `${pad(cliText('detect.token'))}${report.token ?? cliText('detect.none')}`,
    `${pad(cliText('detect.supported'))}${report.supported ? cliText('detect.yes') : cliText('detect.no')}: ${coreLine(report.supportText, report.supportMessage)}`,
    `${pad(cliText('detect.privileges'))}${
      privileges.elevated
        ? cliText('detect.elevated', { user: privileges.user })
        : cliText('detect.notElevated', { user: privileges.user, how })
    }`,
  ];
  if (privileges.hint) lines.push(`${blank}${coreLine(privileges.hintText, privileges.hint)}`);
  if (!agent.installed) lines.push(`${pad(cliText('detect.agent'))}${cliText('detect.notInstalled')}`);
  else {
    const registration =
      agent.registered === null
        ? cliText('detect.registrationUnknown')
        : agent.registered
          ? cliText('detect.registered')
          : cliText('detect.notRegistered', { status: agent.configurationStatus ?? cliText('detect.noStatus') });
    const line = cliText('detect.agentLine', {
      version: agent.version ?? cliText('detect.unknownVersion'),
      folder: agent.installDir ?? cliText('detect.unknownFolder'),
      registration,
    });
    lines.push(
      `${pad(cliText('detect.agent'))}${line}${agent.csAddress ? cliText('detect.server', { server: agent.csAddress }) : ''}`,
    );
  }
  const disk = report.disk ?? [];
  lines.push(`${pad(cliText('detect.disk'))}${disk.length === 0 ? cliText('detect.notChecked') : diskLine(disk[0]!)}`);
  for (const check of disk.slice(1)) lines.push(`${blank}${diskLine(check)}`);
  const restart = report.pendingRestart;
  const restartText = !restart
    ? cliText('detect.notChecked')
    : restart.pending
      ? cliText('detect.restartYes', { markers: restart.markers.map((m) => coreLine(m.text, m.detail)).join('; ') })
      : cliText('detect.no');
  lines.push(`${pad(cliText('detect.restart'))}${restartText}`);
  const stopped = report.interruptedJob;
  if (stopped) {
    const ways = stopped.wayBack.map((way) => cliText(WAY_BACK_COMMAND[way])).join(cliText('detect.wayBackOr'));
    const { kind, startedAt, frontDoor, pid, step } = stopped;
    lines.push(
      `${pad(cliText('detect.interrupted'))}${cliText('detect.interruptedLine', { kind, startedAt, frontDoor, pid, step })}`,
    );
    lines.push(
      `${blank}${coreLine(stopped.machineStateText, stopped.machineState)} ${cliText('detect.wayBack', { ways })}`,
    );
    if (stopped.removed.length > 0)
      lines.push(`${blank}${cliText('detect.removed', { paths: stopped.removed.join(', ') })}`);
    for (const kept of stopped.kept) lines.push(`${blank}${cliText('detect.kept', { path: kept })}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What to run for each way back from an interrupted job (uninstall is the vendor's, see the profile's hint). */
const WAY_BACK_COMMAND: Record<WayBack, CliTextKey> = {
  install: 'detect.wayBack.install',
  register: 'detect.wayBack.register',
  uninstall: 'detect.wayBack.uninstall',
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
        process.stderr.write(errorText('mobility-setup detect', result.error));
        process.exitCode = EXIT.internal;
        return;
      }
      if (json) writeJson({ ok: true, exitCode: EXIT.ok, result: result.value });
      else process.stdout.write(formatDetectionReport(result.value));
      process.exitCode = EXIT.ok;
    });
}
