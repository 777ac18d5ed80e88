import type { Transport } from '../../common/bridge';

/** Browser-host transport (HTTP for calls, WebSocket for events). (Stub: replaced by the browser-host work.) */
export function createHttpTransport(): Transport {
  throw new Error('The browser-host transport is not implemented yet.');
}
