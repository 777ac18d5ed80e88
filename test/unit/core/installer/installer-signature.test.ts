/** The decision on the Windows installer's signature. Windows itself cannot run here: the runner returns the fixtures. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../../common/result';
import {
  VENDOR_PUBLISHER,
  checkInstallerSignature,
  judgeSignature,
} from '../../../../main/core/installer/installer-signature';
import type { CommandRunner, RunOptions } from '../../../../main/ports/ports';
import { parseAuthenticode } from '../../../../main/platform/win32/authenticode';

const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../../../fixtures/win32', name), 'utf8');
const FILE = 'Microsoft-ASR_UA_9.65.0.0_Windows_GA_23Apr2025_release.exe';

function refusal(fn: () => unknown): UserError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(UserError);
  expect((caught as UserError).code).toBe('installer.signature');
  return caught as UserError;
}

describe('judgeSignature', () => {
  it('accepts only a valid signature by the vendor', () => {
    expect(judgeSignature(FILE, parseAuthenticode(fixture('authenticode-valid.json'))).publisher).toBe(
      VENDOR_PUBLISHER,
    );
    expect(judgeSignature(FILE, parseAuthenticode(fixture('authenticode-raw-valid.json'))).status).toBe('Valid');
  });

  it.each([
    ['authenticode-not-signed.json', 'is not digitally signed'],
    ['authenticode-hash-mismatch.json', 'was changed after it was signed'],
    ['authenticode-other-publisher.json', 'is signed by "Contoso, Ltd.", not by the vendor (Microsoft Corporation)'],
  ])('refuses %s', (name, why) => {
    const err = refusal(() => judgeSignature(FILE, parseAuthenticode(fixture(name))));
    expect(err.message).toContain(why);
    expect(err.message).toContain('It was not run; nothing was installed.');
    expect(err.hint).toContain('Download the installer again');
  });

  it('refuses an unreadable answer and any other status', () => {
    expect(refusal(() => judgeSignature(FILE, null)).message).toContain('could not be checked');
    expect(
      refusal(() =>
        judgeSignature(FILE, {
          status: 'NotTrusted',
          statusMessage: 'A certificate chain could not be built',
          subject: null,
          publisher: VENDOR_PUBLISHER,
          thumbprint: null,
        }),
      ).message,
    ).toContain('status NotTrusted');
  });
});

describe('checkInstallerSignature', () => {
  function fakeRunner(stdout: string, code = 0) {
    const calls: Array<{ file: string; args: readonly string[]; options: RunOptions | undefined }> = [];
    const runner: CommandRunner = {
      run: (file, args, options) => {
        calls.push({ file, args, options });
        return Promise.resolve({ code, signal: null, stdout, stderr: '' });
      },
      spawn: () => {
        throw new Error('not used');
      },
    };
    return { runner, calls };
  }

  it('passes the path in the environment only, and accepts the vendor signature', async () => {
    const { runner, calls } = fakeRunner(fixture('authenticode-valid.json'));
    const installer = `C:\\Users\\admin\\Downloads\\$(evil)'\\${FILE}`;
    await expect(checkInstallerSignature(runner, installer, FILE)).resolves.toMatchObject({
      publisher: VENDOR_PUBLISHER,
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args.some((a) => a.includes(installer))).toBe(false);
    expect(calls[0]?.options?.env).toEqual({ MS_INSTALLER: installer });
  });

  it('refuses when PowerShell fails or answers something else', async () => {
    await expect(
      checkInstallerSignature(fakeRunner(fixture('authenticode-valid.json'), 1).runner, 'C:\\x.exe', FILE),
    ).rejects.toMatchObject({ code: 'installer.signature' });
    await expect(
      checkInstallerSignature(fakeRunner(fixture('authenticode-other-publisher.json')).runner, 'C:\\x.exe', FILE),
    ).rejects.toMatchObject({ code: 'installer.signature' });
  });
});
