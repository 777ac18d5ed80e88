import type { Handlers } from '../api/dispatch';
import type { Method } from '../../common/api';

/**
 * Handlers whose module loads on the first call of any of them: a front door starts without the code (and the
 * Node modules it requires: tls, zlib) of features the first screen does not use. A failed load is retried by
 * the next call.
 */
export function lazyHandlers<K extends Method>(
  methods: readonly K[],
  load: () => Promise<Pick<Handlers, K>>,
): Pick<Handlers, K> {
  let loaded: Promise<Pick<Handlers, K>> | null = null;
  const handlers = () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = null;
      throw error;
    }));
  const entries = methods.map((method) => [
    method,
    async (input: unknown) => {
      const handler = (await handlers())[method] as (input: unknown) => Promise<unknown>;
      return handler(input);
    },
  ]);
  return Object.fromEntries(entries) as Pick<Handlers, K>;
}
