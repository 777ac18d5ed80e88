import type { Result } from '../../common/result';
import type { Method, ReplyOf, RequestOf, requestSchemas as RequestSchemaTable } from '../../common/api';
import { METHODS } from '../../common/channels';
import { checkFlagRequest, FLAG_REQUESTS, isFlagMethod } from '../../common/flag-requests';
import { callHandler } from './call-handler';
import type { ErrorLogger } from './call-handler';

export type Handlers = { [M in Method]: (input: RequestOf<M>) => Promise<ReplyOf<M>> };

export type Dispatch = (method: string, rawInput: unknown) => Promise<Result<unknown>>;

export type { ErrorLogger } from './call-handler';

type RequestSchemas = typeof RequestSchemaTable;

const KNOWN_METHODS: ReadonlySet<string> = new Set(METHODS);
const isMethod = (name: string): name is Method => KNOWN_METHODS.has(name);

/**
 * The zod schemas, loaded by the first request that needs one: zod is the largest module a call can load,
 * and `mobility-setup detect`, whose start time is measured against a bare `node`, never needs it.
 */
let schemas: Promise<RequestSchemas> | undefined;
const requestSchemas = (): Promise<RequestSchemas> =>
  (schemas ??= import('../../common/api').then((api) => api.requestSchemas));

type Checked = { ok: true; value: unknown } | { ok: false; fields: string[] };

async function checkRequest(method: Method, input: unknown): Promise<Checked> {
  if (isFlagMethod(method)) return checkFlagRequest(FLAG_REQUESTS[method], input);
  const parsed = (await requestSchemas())[method].safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, fields: parsed.error.issues.map((i) => i.path.join('.') || '(request)') };
}

/**
 * The single gate every front door calls: unknown methods and malformed payloads are refused here,
 * before any core code runs, and errors come back as values. Validation messages name the field but
 * never echo its value, so a passphrase typed into the wrong field cannot leak through an error.
 * A front door that serves only some methods (the CLI's `detect`) passes only their handlers; the
 * others are refused as unknown.
 */
export function createDispatcher(handlers: Partial<Handlers>, logger: ErrorLogger): Dispatch {
  return async (method, rawInput) => {
    const handler = isMethod(method)
      ? (handlers[method] as ((input: unknown) => Promise<unknown>) | undefined)
      : undefined;
    if (!isMethod(method) || !handler) {
      return { ok: false, error: { code: 'api.unknownMethod', message: `Unknown method: ${method.slice(0, 64)}` } };
    }
    const checked = await checkRequest(method, rawInput ?? {});
    if (!checked.ok) {
      const fields = [...new Set(checked.fields)].join(', ');
      return {
        ok: false,
        error: { code: 'api.invalidRequest', message: `Invalid request for ${method}: check ${fields}.` },
      };
    }
    return await callHandler(method, () => handler(checked.value), logger);
  };
}
