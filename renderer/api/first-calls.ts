import type { Method, ReplyOf, RequestOf } from '../../common/api';
import type { Transport } from '../../common/bridge';
import { FIRST_CALLS } from '../../common/first-calls';
import type { FirstCallMethod, FirstReplies } from '../../common/first-calls';
import type { Result } from '../../common/result';

export type { FirstReplies };

export interface FirstCalls {
  /** The transport, whose first call of each (same method, same input) gets the reply already on its way. */
  transport: Transport;
  /**
   * Waits until every first call has answered, or `ms` have gone by, and takes the replies that have: the app
   * renders with them and does not ask again; the ones still travelling go to the app's own first calls.
   */
  answeredWithin(ms: number): Promise<FirstReplies>;
}

const callKey = (method: string, input: unknown): string => `${method} ${JSON.stringify(input ?? {})}`;

/**
 * Sends the first screen's calls at once: started when the entry module runs, they travel while the page's
 * JavaScript is evaluated, instead of after React's first render. The calls are the transport's own, with the same
 * session key and checks: only their start moves. A call whose answer the page already carries (`landed`: the
 * browser host's landing puts them in the page, see embedded-replies.ts) is not sent at all.
 */
export function startFirstCalls(transport: Transport, landed: FirstReplies = {}): FirstCalls {
  const started = new Map<string, Promise<Result<unknown>>>();
  const answered = new Map<FirstCallMethod, Result<unknown>>();
  for (const [method, input] of FIRST_CALLS) {
    const carried: Result<unknown> | undefined = landed[method];
    if (carried !== undefined) {
      answered.set(method, carried);
      started.set(callKey(method, input), Promise.resolve(carried));
      continue;
    }
    const reply = transport.call(method, input);
    // A transport that rejects (Electron's bridge can) must not report an unhandled rejection before the app asks;
    // a rejected call is not an answer: the app's own call gets the rejection and reports it.
    reply.then(
      (result) => answered.set(method, result),
      () => undefined,
    );
    started.set(callKey(method, input), reply);
  }
  return {
    transport: {
      shell: transport.shell,
      call<M extends Method>(method: M, input: RequestOf<M>): Promise<Result<ReplyOf<M>>> {
        const key = callKey(method, input);
        const reply = started.get(key) as Promise<Result<ReplyOf<M>>> | undefined;
        if (!reply) return transport.call(method, input);
        // Once only: a later detect or re-check asks the core again.
        started.delete(key);
        return reply;
      },
      onEvent: (name, listener) => transport.onEvent(name, listener),
      ...(transport.downloadBundle
        ? { downloadBundle: (bundleId: string) => transport.downloadBundle!(bundleId) }
        : {}),
    },
    async answeredWithin(ms) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
      await Promise.race([Promise.allSettled(started.values()), deadline]);
      // Each reply's `answered` bookkeeping was attached before allSettled's handlers, so it has run by now.
      clearTimeout(timer);
      const replies: Record<string, Result<unknown>> = {};
      for (const [method, input] of FIRST_CALLS) {
        const key = callKey(method, input);
        const result = answered.get(method);
        // Taken once: only a reply the app has not already asked for.
        if (result === undefined || !started.has(key)) continue;
        started.delete(key);
        replies[method] = result;
      }
      return replies;
    },
  };
}
