import type { AppError, Result } from '../../common/result';
import { UserError } from '../../common/result';

/**
 * Runs one handler of the contract and turns what it throws into a Result: a UserError keeps its code, message
 * and hint; anything else becomes `internal`, logged by name only (its message may quote anything). dispatch.ts
 * calls it after validating the request.
 */
/** All a handler call logs; the core's Logger fits it, and api/ needs nothing of the core for it. */
export interface ErrorLogger {
  error(message: string, fields?: Record<string, unknown>): void;
}

export async function callHandler<T>(method: string, run: () => Promise<T>, logger: ErrorLogger): Promise<Result<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    return { ok: false, error: toAppError(err, method, logger) };
  }
}

function toAppError(err: unknown, method: string, logger: ErrorLogger): AppError {
  if (err instanceof UserError) return err.toAppError();
  logger.error('unexpected error in handler', { method, name: err instanceof Error ? err.name : typeof err });
  return {
    code: 'internal',
    message: `Mobility Setup hit an unexpected error while running ${method}.`,
    hint: 'Try again; if it happens again, send the Mobility Setup log to support.',
  };
}
