/**
 * Windows: the installer runs as Administrator, and Windows has no owner/mode rule like installer-trust.ts,
 * so before anything runs its Authenticode signature must be valid and from the vendor's publisher. The
 * check reads the original file; what is run later is a private copy whose SHA-256 must equal the hash taken
 * at this step (extract-step.ts), so the bytes that were verified are the bytes that run.
 */
import { UserError } from '../../../common/result';
import { authenticodeCommand, parseAuthenticode } from '../../platform/win32/authenticode';
import type { AuthenticodeResult } from '../../platform/win32/authenticode';
import type { CommandRunner } from '../../ports/ports';

/** The publisher (signer certificate CN) of the vendor's Mobility service installers. */
export const VENDOR_PUBLISHER = 'Microsoft Corporation';

const SIGNATURE_TIMEOUT_MS = 60_000;
const HINT =
  "Download the installer again from the vendor (the Mobility service download list, or the configuration server's installer repository), then search again.";

/** Accepts only a Valid signature whose signer CN is VENDOR_PUBLISHER; anything else throws 'installer.signature'. */
export function judgeSignature(fileName: string, result: AuthenticodeResult | null): AuthenticodeResult {
  const refuse = (why: string) =>
    new UserError(
      'installer.signature',
      `The installer ${fileName} ${why} It was not run; nothing was installed.`,
      HINT,
      { file: fileName, status: result?.status ?? 'unknown', publisher: result?.publisher ?? '' },
    );
  if (result === null)
    throw refuse('could not be checked for a valid digital signature (PowerShell gave no readable answer).');
  if (result.status === 'NotSigned') throw refuse('is not digitally signed.');
  if (result.status === 'HashMismatch')
    throw refuse('was changed after it was signed (its hash does not match the signature).');
  if (result.status !== 'Valid')
    throw refuse(`does not have a valid signature (status ${result.status}: ${result.statusMessage || 'no details'}).`);
  if (result.publisher !== VENDOR_PUBLISHER)
    throw refuse(
      `is signed by "${result.publisher ?? 'an unnamed publisher'}", not by the vendor (${VENDOR_PUBLISHER}).`,
    );
  return result;
}

/** Runs the fixed PowerShell check (installer path in an environment variable) and judges the answer. */
export async function checkInstallerSignature(
  runner: CommandRunner,
  installer: string,
  fileName: string,
): Promise<AuthenticodeResult> {
  const command = authenticodeCommand(installer);
  const result = await runner.run(command.file, command.args, { env: command.env, timeoutMs: SIGNATURE_TIMEOUT_MS });
  return judgeSignature(fileName, result.code === 0 ? parseAuthenticode(result.stdout) : null);
}
