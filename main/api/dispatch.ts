import type { Result } from '../../common/result';
import { requestSchemas } from '../../common/api';
import type { Method, ReplyOf, RequestOf } from '../../common/api';
import { callHandler } from './call-handler';
import type { ErrorLogger } from './call-handler';

export type Handlers = { [M in Method]: (input: RequestOf<M>) => Promise<ReplyOf<M>> };

export type Dispatch = (method: string, rawInput: unknown) => Promise<Result<unknown>>;

export type { ErrorLogger } from './call-handler';

const isMethod = (name: string): name is Method => Object.prototype.hasOwnProperty.call(requestSchemas, name);

/**
 * The single gate every front door calls: unknown methods and malformed payloads are refused here,
 * before any core code runs, and errors come back as values. Validation messages name the field but
 * never echo its value, so a passphrase typed into the wrong field cannot leak through an error.
 */
export function createDispatcher(handlers: Handlers, logger: ErrorLogger): Dispatch {
  return async (method, rawInput) => {
    if (!isMethod(method)) return { ok: false, error: { code: 'api.unknownMethod', message: `Unknown method: ${method.slice(0, 64)}` } };
    const parsed = requestSchemas[method].safeParse(rawInput ?? {});
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(request)'))].join(', ');
      return { ok: false, error: { code: 'api.invalidRequest', message: `Invalid request for ${method}: check ${fields}.` } };
    }
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    return await callHandler(method, () => handler(parsed.data), logger);
  };
}
