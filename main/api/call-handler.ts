import type { AppError, Result } from '../../common/result';
import { UserError } from '../../common/result';
import type { Logger } from '../core/ports';

/**
 * Runs one handler of the contract and turns what it throws into a Result: a UserError keeps its code, message
 * and hint; anything else becomes `internal`, logged by name only (its message may quote anything). dispatch.ts
 * calls it after validating the request; `detect` on the command line calls it directly, without loading the
 * request schemas (zod), because its request is built by the CLI itself and its start time is measured.
 */
export async function callHandler<T>(method: string, run: () => Promise<T>, logger: Logger): Promise<Result<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    return { ok: false, error: toAppError(err, method, logger) };
  }
}

function toAppError(err: unknown, method: string, logger: Logger): AppError {
  if (err instanceof UserError) return err.toAppError();
  logger.error('unexpected error in handler', { method, name: err instanceof Error ? err.name : typeof err });
  return {
    code: 'internal',
    message: `Mobility Setup hit an unexpected error while running ${method}.`,
    hint: 'Try again; if it happens again, send the Mobility Setup log to support.',
  };
}
