import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { AntivirusReport, FixResult } from '../../../common/antivirus';
import { needsAttention } from '../../../common/antivirus';
import { UserError } from '../../../common/result';
import { createCore } from '../../core/app-core';
import { sessionOptions } from '../../core/session-options';
import { systemAdapters } from '../../core/system-adapters';
import { globalOptions, missingRootMessage } from '../context';
import { EXIT } from '../exit-codes';
import { DECLINED, jsonError } from '../../../common/json-envelope';
import type { JsonError } from '../../../common/json-envelope';
import { writeJson } from '../json-envelope';
import { padColumns } from '../../../common/text-columns';
import { cliLanguage, cliText } from '../i18n/cli-text';
import { coreLine, coreLines, errorText } from '../i18n/code-text';
import { AV_EXIT_HELP_KO } from '../i18n/help-ko';
import { UsageError, checkedPath, reportCommandError } from '../usage-error';
import { confirm } from './job-command';

/** Exit codes of `av-check` (the README lists them); 74 and 1602 mean what they mean for install. */
export const AV_EXIT = {
  /** Every scanner found excludes the agent's folders, or does not scan in real time, or there is none. */
  clear: 0,
  /** A fix was tried and failed (the scanner still does not exclude the folders). */
  fixFailed: 1,
  usage: EXIT.usage,
  /** --fix was asked for, a fix is possible, but this is not root/Administrator: nothing was changed. */
  notElevated: EXIT.notElevated,
  /** At least one scanner does not exclude the folders. */
  notExcluded: 78,
  /** None is known not to exclude them, but at least one could not be read (console-managed, not elevated). */
  cannotTell: 79,
  cancelled: EXIT.cancelled,
} as const;

const AV_EXIT_HELP = `
Exit codes:
     0  every scanner found excludes the agent's folders (or does not scan in real time, or there is none)
     1  a fix was tried and failed
     2  invalid command line
    74  --fix needs root (Administrator on Windows): no password prompt could be shown, or it was not answered;
        nothing was changed
    78  a scanner does not exclude the folders
    79  a scanner's exclusions could not be read (console-managed, or not elevated)
  1602  (66 on Linux) the confirmation was declined; nothing was changed
`;

export function exitCodeForReport(report: AntivirusReport, fixes: readonly FixResult[] = []): number {
  // Every fix stopped at the password prompt (dismissed, refused, or no way to ask): nothing was changed.
  if (fixes.length > 0 && fixes.every((f) => f.outcome === 'needsRoot')) return AV_EXIT.notElevated;
  if (report.scanners.some((s) => s.status === 'notExcluded'))
    return fixes.some((f) => f.outcome === 'failed') ? AV_EXIT.fixFailed : AV_EXIT.notExcluded;
  if (fixes.some((f) => f.outcome === 'failed')) return AV_EXIT.fixFailed;
  if (report.scanners.some((s) => s.status === 'cannotTell')) return AV_EXIT.cannotTell;
  return AV_EXIT.clear;
}

const indent = (text: string, by: string) =>
  text
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n');

/** The readable report `av-check` prints, in the run's language; `--json` prints the report itself. */
export function formatAntivirusReport(report: AntivirusReport, fixes: readonly FixResult[] = []): string {
  const lines = [cliText('av.folders', { folders: report.folders.join(', ') })];
  if (report.scanners.length === 0) lines.push(cliText('av.noScanner'));
  for (const fix of fixes) {
    const outcome = cliText(`av.outcome.${fix.outcome}`);
    const message = coreLines(fix.messageTexts, fix.message);
    lines.push(cliText('av.fixLine', { scanner: fix.scannerId, outcome, message }));
  }
  for (const s of report.scanners) {
    const how = needsAttention(s) ? ` (${cliText(s.fix === 'automatic' ? 'av.canFix' : 'av.fixInConsole')})` : '';
    lines.push('', `${padColumns(s.product, 44)} ${cliText(`av.status.${s.status}`)}${how}`);
    lines.push(indent(coreLines(s.reasonTexts ?? (s.reasonText ? [s.reasonText] : null), s.reason), '  '));
    lines.push(`  ${cliText('av.foundBy', { evidence: s.evidence.join(', ') })}`);
    if (s.exclusions.length > 0) lines.push(`  ${cliText('av.exclusions', { exclusions: s.exclusions.join(' | ') })}`);
    if (!needsAttention(s)) continue;
    if (s.fix === 'automatic') {
      const fixHow = report.canFix ? 'mobility-setup av-check --fix' : cliText('av.fixAsRoot');
      lines.push(`  ${cliText('av.fix', { how: fixHow })}`);
    }
    lines.push(
      `  ${cliText('av.manualSteps')}`,
      ...s.manualSteps.map((step, i) => `    ${i + 1}. ${coreLine(s.manualStepTexts?.[i], step)}`),
    );
    if (s.fix === 'manual')
      lines.push(`  ${cliText('av.request')}`, indent(coreLine(s.requestTextCoded, s.requestText), '    | '));
  }
  return `${lines.join('\n')}\n`;
}

/** The error of a report that is not all clear, by its exit code (the report itself is the envelope's result). */
function avError(exitCode: number): JsonError {
  if (exitCode === AV_EXIT.notElevated) {
    return {
      code: 'antivirus.fixNeedsRoot',
      message: 'Fixing needs root (Administrator on Windows); nothing was changed.',
      hint: 'Run as root: sudo mobility-setup av-check --fix.',
    };
  }
  if (exitCode === AV_EXIT.fixFailed)
    return {
      code: 'antivirus.fixFailed',
      message: 'A fix was tried and failed.',
      hint: 'See each fix in result.fixes.',
    };
  if (exitCode === AV_EXIT.notExcluded) {
    return {
      code: 'antivirus.notExcluded',
      message: "A scanner does not exclude the agent's folders.",
      hint: "Run mobility-setup av-check --fix as root, or follow each scanner's manual steps.",
    };
  }
  return {
    code: 'antivirus.cannotTell',
    message: "A scanner's exclusions could not be read.",
    hint: "Ask the scanner's console owner for the exclusions in each scanner's request text.",
  };
}

interface AvCheckOptions {
  fix?: boolean;
  yes?: boolean;
  installDir?: string;
}

/**
 * `mobility-setup av-check`: which anti-virus scanners run here and whether the agent's folders are excluded
 * from each; `--fix` applies the fixes Mobility Setup can make itself (as root), asking once unless `--yes`.
 */
export function registerAvCheckCommand(program: Command): void {
  program
    .command('av-check')
    .description(
      "Check that anti-virus scanners exclude the Mobility service's folders; --fix adds the exclusions where possible",
    )
    .option(
      '--fix',
      'apply every fix Mobility Setup can make (ClamAV, Defender for Endpoint, Microsoft Defender); as root, or through the administrator password prompt',
      false,
    )
    .option('-y, --yes', 'do not ask before fixing', false)
    .option(
      '--install-dir <dir>',
      'the agent folder, when not the default (/usr/local/ASR; Windows: C:\\Program Files (x86)\\Microsoft Azure Site Recovery)',
    )
    .addHelpText('after', cliLanguage() === 'ko' ? AV_EXIT_HELP_KO : AV_EXIT_HELP)
    .action(async (options: AvCheckOptions, command: Command) => {
      const { root, json } = globalOptions(command);
      try {
        if (!existsSync(root)) throw new UsageError(missingRootMessage(root));
        if (options.installDir !== undefined) options.installDir = checkedPath(options.installDir, '--install-dir');
        if (options.yes && !options.fix) throw new UsageError(cliText('usage.yesWithFix'));
        process.exitCode = await runAvCheck(root, json, options);
      } catch (err) {
        // Input the core refuses (an install folder with a line break, a relative path) is a usage error here.
        if (err instanceof UserError) {
          process.stderr.write(errorText('mobility-setup av-check', err));
          if (json) writeJson({ ok: false, exitCode: AV_EXIT.usage, error: jsonError(err.toAppError()) });
          process.exitCode = AV_EXIT.usage;
          return;
        }
        process.exitCode = reportCommandError(err, 'av-check', json);
      }
    });
}

async function runAvCheck(root: string, json: boolean, options: AvCheckOptions): Promise<number> {
  // The helper route, as install has it: a person who is not root fixes through pkexec (UAC) and the helper.
  const core = createCore({ ...systemAdapters(), root, appLog: true, session: sessionOptions('cli') });
  const print = (report: AntivirusReport, fixes: FixResult[], exitCode: number) => {
    if (!json) return void process.stdout.write(formatAntivirusReport(report, fixes));
    const result = { report, ...(options.fix ? { fixes } : {}) };
    writeJson(
      exitCode === AV_EXIT.clear
        ? { ok: true, exitCode, result }
        : { ok: false, exitCode, error: avError(exitCode), result },
    );
  };
  try {
    const installDir = options.installDir;
    const report = await core.antivirus.check(installDir ? { installDir } : {});
    const fixable = report.scanners.filter((s) => needsAttention(s) && s.fix === 'automatic');
    if (!options.fix || fixable.length === 0) {
      const code = exitCodeForReport(report);
      print(report, [], code);
      return code;
    }
    if (!report.canFix) {
      print(report, [], AV_EXIT.notElevated);
      const products = fixable.map((s) => s.product).join(', ');
      process.stderr.write(`mobility-setup av-check: ${cliText('av.needsRoot', { products })}\n`);
      return AV_EXIT.notElevated;
    }
    if (
      !(await confirm(
        cliText('av.ask', {
          folders: report.folders.join(', '),
          products: fixable.map((s) => s.product).join(', '),
        }),
        options.yes === true,
        'av-check --fix',
      ))
    ) {
      process.stderr.write(`${cliText('job.nothingChanged')}\n`);
      if (json) writeJson({ ok: false, exitCode: AV_EXIT.cancelled, error: DECLINED });
      return AV_EXIT.cancelled;
    }
    // A job on the engine, as in the wizard: its log in the log folder, and never while an install runs.
    const fixed = await core.handlers.fixAntivirus({
      scannerIds: fixable.map((s) => s.id),
      ...(installDir ? { installDir } : {}),
    });
    const code = exitCodeForReport(fixed.report, fixed.results);
    print(fixed.report, fixed.results, code);
    return code;
  } finally {
    await core.dispose();
  }
}
