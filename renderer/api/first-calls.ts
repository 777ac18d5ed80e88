import type { Method, ReplyOf, RequestOf } from '../../common/api';
import type { Transport } from '../../common/bridge';
import type { Result } from '../../common/result';

/** The calls the wizard makes when it mounts (app.tsx), with the same inputs. */
const FIRST_CALLS: readonly { [M in Method]: readonly [M, RequestOf<M>] }[Method][] = [
  ['getSession', {}],
  ['detect', {}],
  ['checkAntivirus', {}],
  ['getLatestJob', {}],
];

const callKey = (method: string, input: unknown): string => `${method} ${JSON.stringify(input ?? {})}`;

/**
 * The transport with the first screen's calls already sent: started when the entry module runs, they travel while
 * React renders the page, instead of after its first render. The app's own first call of each (same method, same
 * input) gets the reply of the one already sent; every other call goes to the transport as before. The calls are
 * the transport's own, with the same session key and checks: only their start moves.
 */
export function withFirstCallsStarted(transport: Transport): Transport {
  const started = new Map<string, Promise<Result<unknown>>>();
  for (const [method, input] of FIRST_CALLS) {
    const reply = transport.call(method, input);
    // A transport that rejects (Electron's bridge can) must not report an unhandled rejection before the app asks.
    reply.catch(() => undefined);
    started.set(callKey(method, input), reply);
  }
  return {
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
    ...(transport.downloadBundle ? { downloadBundle: (bundleId: string) => transport.downloadBundle!(bundleId) } : {}),
  };
}
