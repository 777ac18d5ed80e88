/**
 * The error registry is the one table of codes: every code has a message in the renderer's English catalog,
 * every exit code it gives is a row of the CLI's (and so the README's) table, and the vendor's exit codes
 * travel as numbers.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, EXIT, errorCodeInfo, vendorExitCode } from '../../../common/error-codes';
import type { ErrorCode } from '../../../common/error-codes';
import { exitCodeForJob } from '../../../common/job-exit-code';
import type { JobOutcome } from '../../../common/install';
import { CLI_EXIT_CODES } from '../../../main/cli/exit-codes';
import { KNOWN_EXIT_CODES, describeExitCode } from '../../../main/core/install/exit-codes';
import { CORE_MESSAGE, enCodes } from '../../../common/i18n/en-codes';
import { createI18n, loadLaterStepCatalogs } from '../../../renderer/i18n';
import { describeCode } from '../../../renderer/i18n/describe-error';

const codes = Object.keys(ERROR_CODES) as ErrorCode[];
const failedWith = (code: string, exitCode: number | null): { state: 'failed'; outcome: JobOutcome } => ({
  state: 'failed',
  outcome: { severity: 'error', code, message: 'm', hint: null, exitCode, rebootRequired: false, machineState: null },
});

describe('the error registry', () => {
  it('has an English catalog message for every code', () => {
    const catalog: Record<string, string> = enCodes;
    const missing = codes.filter((code) => typeof catalog[code] !== 'string' || catalog[code] === '');
    expect(missing).toEqual([]);
  });

  it("shows the core's own message where the catalog says so, and the catalog's text elsewhere", async () => {
    const i18n = createI18n('en');
    // The installer's exit codes come with the later steps' strings (a job has run by then).
    await loadLaterStepCatalogs(i18n);
    const t = i18n.t;
    const disk = { code: 'install.diskSpace', message: 'Not enough free disk space (/: 10 MB free, 200 MB needed).' };
    expect(enCodes['install.diskSpace']).toBe(CORE_MESSAGE);
    expect(describeCode(t, disk).message).toBe(disk.message);
    expect(describeCode(t, { code: 'exit.14', message: 'core text' }).message).toBe(enCodes['exit.14']);
  });

  it('gives only exit codes the CLI table (and so the README) lists', () => {
    const listed = new Set(CLI_EXIT_CODES.map((row) => row.code));
    const unlisted = codes.filter((code) => !listed.has(ERROR_CODES[code].exit));
    expect(unlisted).toEqual([]);
  });

  it("knows every vendor exit code the core's catalog describes, as the same number and severity", () => {
    for (const n of KNOWN_EXIT_CODES) {
      const info = describeExitCode(n);
      expect(info).toMatchObject({ code: `exit.${n}`, exitCode: n });
      expect(ERROR_CODES[vendorExitCode(n)]).toMatchObject({ exit: n, vendor: true, severity: info.severity });
    }
    expect(describeExitCode(200)).toMatchObject({ code: 'exit.unknown', exitCode: 200 });
  });

  it('passes a vendor command’s own number through, by the registry and not by the code’s prefix', () => {
    expect(exitCodeForJob(failedWith('exit.14', 14))).toBe(14);
    expect(exitCodeForJob(failedWith('exit.unknown', 200))).toBe(200);
    // The downgrade refusal is the vendor's code 15, decided before anything ran (no process exit code).
    expect(exitCodeForJob(failedWith('exit.15', null))).toBe(EXIT.downgrade);
    expect(exitCodeForJob(failedWith('exit.signal', null))).toBe(EXIT.failed);
    // A number on an outcome that is not a vendor command's does not leak out as an exit code.
    expect(exitCodeForJob(failedWith('install.diskSpace', 14))).toBe(EXIT.diskSpace);
    expect(exitCodeForJob(failedWith('extract.somethingNew', null))).toBe(EXIT.failed);
    expect(errorCodeInfo('helper.requestInvalid').exit).toBe(EXIT.failed);
  });
});
