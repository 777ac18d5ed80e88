import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { parseEndpoint } from '../../../common/endpoint';
import type { Result } from '../../../common/result';
import type { PreparedBundle } from '../../../common/troubleshoot';
import { hasRedFinding } from '../../../common/troubleshoot';
import { createCore } from '../../core/app-core';
import type { Core } from '../../core/app-core';
import { runDiagnosis } from '../../core/troubleshoot/diagnosis';
import { systemFactsWithin } from '../../core/troubleshoot/system-facts';
import { TroubleshootService } from '../../core/troubleshoot/troubleshoot-service';
import { createRootFiles } from '../../platform/root-files';
import { globalOptions, missingRootMessage } from '../context';
import { EXIT, exitCodeForError } from '../exit-codes';
import { writeJson } from '../json-envelope';
import { writeErr, writeOut } from '../output-guard';
import { checkedPath } from '../usage-error';
import { cliLanguage } from '../i18n/cli-text';
import { DIAGNOSE_EXIT_HELP_KO } from '../i18n/help-ko';
import { formatDiagnosis } from './diagnose-format';
import { followJobProgress } from './job-progress';

declare const __APP_VERSION__: string;

/** Exit codes of `diagnose` (the README lists them). */
export const DIAGNOSE_EXIT = {
  /** Nothing red: no known cause of a failed install or registration was found. */
  clear: 0,
  usage: EXIT.usage,
  /** At least one red finding (a health line or the connectivity test). */
  redFinding: 80,
} as const;

const DIAGNOSE_EXIT_HELP =
  '\nExit codes:\n   0  nothing red\n   2  invalid command line (or --out names an existing file)\n  80  a red finding\n';

interface DiagnoseOptions {
  csEndpoint?: string;
  out?: string;
}

/**
 * A refusal (before anything ran, or of the bundle: its file exists, a cancel, another job running): one line for a
 * person on stderr, and with --json the one envelope on stdout. The exit code is the registry's for `code`.
 */
function fail(
  json: boolean,
  code: string,
  message: string,
  hint: string | null,
  exitCode: number = EXIT.usage,
): number {
  writeErr(`mobility-setup diagnose: ${message}${hint ? `\n${hint}` : ''}\n`);
  if (json) writeJson({ ok: false, exitCode, error: { code, message, hint } });
  return exitCode;
}

/** `mobility-setup diagnose`: the Troubleshoot page's findings on the command line; `--out` writes the bundle. */
export function registerDiagnoseCommand(program: Command): void {
  program
    .command('diagnose')
    .description(
      'Health, connectivity, push-install readiness and the newest vendor error explained; --out writes a bundle',
    )
    .option(
      '--cs-endpoint <host[:port]>',
      'the configuration server the agent should use (default: the one it points to)',
    )
    .option('--out <file>', 'write a diagnostics bundle (tar.gz, secrets redacted) to this new file')
    .addHelpText('after', cliLanguage() === 'ko' ? DIAGNOSE_EXIT_HELP_KO : DIAGNOSE_EXIT_HELP)
    .action(async (options: DiagnoseOptions, command: Command) => {
      const { root, json } = globalOptions(command);
      if (!existsSync(root)) {
        process.exitCode = fail(json, 'root.missing', missingRootMessage(root), null);
        return;
      }
      const endpoint = options.csEndpoint ?? null;
      if (endpoint !== null) {
        const parsed = parseEndpoint(endpoint);
        if (!parsed.ok) {
          process.exitCode = fail(json, parsed.code, parsed.message, 'Give --cs-endpoint as HOST or HOST:PORT.');
          return;
        }
      }
      const out = options.out === undefined ? null : checkedPath(options.out, '--out');
      if (out !== null && existsSync(out)) {
        process.exitCode = fail(
          json,
          'bundle.exists',
          `${out} already exists; the bundle is never written over a file.`,
          'Choose another file name.',
        );
        return;
      }
      process.exitCode = await runDiagnose(root, json, endpoint, out);
    });
}

/**
 * The bundle as the wizard makes it: the bundle job (diagnose → collect; its steps on stderr, Ctrl+C or a dropped
 * session cancels it and removes what it gathered), then saved to `out`. A refusal or a cancel is its error.
 */
async function bundleThroughJob(
  core: Core,
  endpoint: string | null,
  out: string,
): Promise<Result<{ file: string; entries: PreparedBundle['entries'] }>> {
  const progress = followJobProgress(core, false);
  try {
    const prepared = await core.dispatch('prepareBundle', endpoint === null ? {} : { expectedServer: endpoint });
    if (!prepared.ok) return prepared;
    const { bundleId, entries } = prepared.value as PreparedBundle;
    const saved = await core.dispatch('saveBundle', { bundleId, path: out });
    if (!saved.ok) return saved;
    return { ok: true, value: { file: (saved.value as { file: string }).file, entries } };
  } finally {
    progress.stop();
  }
}

async function runDiagnose(root: string, json: boolean, endpoint: string | null, out: string | null): Promise<number> {
  const core = createCore({
    root,
    appLog: true,
    session: {
      shell: 'browser',
      demo: false,
      defaults: { installerDir: null, csEndpoint: null, dataPort: null },
      appVersion: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev',
    },
  });
  try {
    const service = new TroubleshootService(core.deps, core.detection, core.antivirus);
    const run = await runDiagnosis(service, {
      expectedServer: endpoint,
      systemFacts: () => systemFactsWithin(createRootFiles(core.deps.paths)),
    });
    let bundle: { file: string; entries: PreparedBundle['entries'] } | null = null;
    if (out !== null) {
      const saved = await bundleThroughJob(core, endpoint, out);
      if (!saved.ok) {
        const { code, message, hint } = saved.error;
        return fail(json, code, message, hint ?? null, exitCodeForError(code));
      }
      bundle = saved.value;
    }
    const exitCode = hasRedFinding(run.diagnosis) ? DIAGNOSE_EXIT.redFinding : DIAGNOSE_EXIT.clear;
    const result = { ...run.diagnosis, antivirus: run.antivirus, bundle };
    // A red finding is still a diagnosis that ran: ok is true and exitCode (80) says red was found.
    if (json) writeJson({ ok: true, exitCode, result });
    else writeOut(formatDiagnosis(run.diagnosis, bundle));
    return exitCode;
  } finally {
    await core.dispose();
  }
}
