import type { AppError, Result } from '../../common/result';
import { UserError } from '../../common/result';
import { requestSchemas } from '../../common/api';
import type { Method, ReplyOf, RequestOf } from '../../common/api';
import type { Logger } from '../core/ports';

export type Handlers = { [M in Method]: (input: RequestOf<M>) => Promise<ReplyOf<M>> };

export type Dispatch = (method: string, rawInput: unknown) => Promise<Result<unknown>>;

const isMethod = (name: string): name is Method => Object.prototype.hasOwnProperty.call(requestSchemas, name);

/**
 * The single gate every front door calls: unknown methods and malformed payloads are refused here,
 * before any core code runs, and errors come back as values. Validation messages name the field but
 * never echo its value, so a passphrase typed into the wrong field cannot leak through an error.
 */
export function createDispatcher(handlers: Handlers, logger: Logger): Dispatch {
  return async (method, rawInput) => {
    if (!isMethod(method)) return { ok: false, error: { code: 'api.unknownMethod', message: `Unknown method: ${method.slice(0, 64)}` } };
    const parsed = requestSchemas[method].safeParse(rawInput ?? {});
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(request)'))].join(', ');
      return { ok: false, error: { code: 'api.invalidRequest', message: `Invalid request for ${method}: check ${fields}.` } };
    }
    try {
      const handler = handlers[method] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      return { ok: false, error: toAppError(err, method, logger) };
    }
  };
}

function toAppError(err: unknown, method: string, logger: Logger): AppError {
  if (err instanceof UserError) return err.toAppError();
  // An unexpected error's message may quote anything; log its name and stack location only.
  logger.error('unexpected error in handler', { method, name: err instanceof Error ? err.name : typeof err });
  return {
    code: 'internal',
    message: `Mobility Setup hit an unexpected error while running ${method}.`,
    hint: 'Try again; if it happens again, send the Mobility Setup log to support.',
  };
}
