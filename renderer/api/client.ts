/**
 * The renderer's one door to the core. React code calls `api.call(...)` and `api.onEvent(...)` and never
 * knows whether Electron IPC (through the preload's `window.mobility`) or the browser host carries them.
 */
import { isEventNamed } from '../../common/event-guard';
import type { EventName, EventTypes, Method, ReplyOf, RequestOf } from '../../common/api';
import type { MobilityBridge, Transport } from '../../common/bridge';
import type { Result } from '../../common/result';
import { createHttpTransport } from './http-transport';
import { createSessionKeyStore } from './session-key';

declare global {
  interface Window {
    mobility?: MobilityBridge;
  }
}

function createBridgeTransport(bridge: MobilityBridge): Transport {
  return {
    shell: 'electron',
    call<M extends Method>(method: M, input: RequestOf<M>): Promise<Result<ReplyOf<M>>> {
      const fn = bridge[method] as (input: RequestOf<M>) => Promise<Result<ReplyOf<M>>>;
      return fn(input);
    },
    onEvent<E extends EventName>(name: E, listener: (payload: EventTypes[E]) => void): () => void {
      return bridge.onEvent((...event) => {
        if (isEventNamed(event, name)) listener(event[1]);
      });
    },
  };
}

let current: Transport | null = null;

// In a browser, the landing's session key must leave the address bar before anything else runs, so the
// store is made when this module loads rather than when the first component asks for the transport.
const pageSessionKey = typeof window !== 'undefined' && !window.mobility ? createSessionKeyStore(window) : null;

/** The transport for this page: the preload bridge inside Electron, HTTP + WebSocket in a browser. */
export function getTransport(): Transport {
  current ??= window.mobility
    ? createBridgeTransport(window.mobility)
    : createHttpTransport(pageSessionKey ? { sessionKey: pageSessionKey } : {});
  return current;
}
