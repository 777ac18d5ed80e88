import type { Method, ReplyOf, RequestOf } from '../../common/api';
import type { Transport } from '../../common/bridge';
import type { Result } from '../../common/result';

/** The calls the wizard makes when it mounts (app.tsx), with the same inputs. */
const FIRST_CALLS = [
  ['getSession', {}],
  ['detect', {}],
  ['checkAntivirus', {}],
  ['getLatestJob', {}],
] as const satisfies readonly { [M in Method]: readonly [M, RequestOf<M>] }[Method][];

export type FirstCallMethod = (typeof FIRST_CALLS)[number][0];

/** The first calls that had answered when the page rendered: the wizard's first state is built from them. */
export type FirstReplies = { [M in FirstCallMethod]?: Result<ReplyOf<M>> };

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
 * session key and checks: only their start moves.
 */
export function startFirstCalls(transport: Transport): FirstCalls {
  const started = new Map<string, Promise<Result<unknown>>>();
  const answered = new Map<FirstCallMethod, Result<unknown>>();
  for (const [method, input] of FIRST_CALLS) {
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
