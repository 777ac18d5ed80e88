import type { EventName, EventTypes, Method, ReplyOf, RequestOf } from '../../common/api';
import type { Transport } from '../../common/bridge';
import { isResult } from '../../common/result';
import type { Result } from '../../common/result';
import {
  BUNDLE_DOWNLOAD_METHOD,
  EVENTS_PROTOCOL,
  SESSION_HEADER,
  SESSION_PROTOCOL_PREFIX,
} from '../../common/web-session';
import { createSessionKeyStore } from './session-key';
import type { SessionKeyStore } from './session-key';

/** What the transport needs from the page; tests pass a server URL, a fetch and a WebSocket class. */
export interface HttpTransportEnv {
  /** http://host:port of the browser host; the page's own origin by default. */
  baseUrl?: string;
  fetch?: typeof fetch;
  WebSocket?: new (url: string, protocols?: string[]) => WebSocketLike;
  /** The session key's store; the page's own (fragment, then localStorage) by default. */
  sessionKey?: SessionKeyStore;
  /** Reconnect delays grow from `minMs` to `maxMs`. */
  backoff?: { minMs: number; maxMs: number };
}

/** The part of a WebSocket the transport uses (DOM WebSocket and the `ws` client both fit). */
export interface WebSocketLike {
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  close(): void;
}

const OFFLINE: Result<never> = {
  ok: false,
  error: {
    code: 'transport.offline',
    message: 'The wizard cannot reach Mobility Setup on the server.',
    hint: 'Check that `mobility-setup serve` is still running and the SSH tunnel is still open, then reload this page.',
  },
};

const BAD_REPLY: Result<never> = {
  ok: false,
  error: {
    code: 'transport.badReply',
    message: 'Mobility Setup sent a reply the wizard could not read.',
    hint: 'Reload this page; if it happens again, restart `mobility-setup serve`.',
  },
};

/**
 * Browser-host transport: each call is POST /api/<method> with a JSON body and the session key in a header
 * (the session cookie rides along, same-origin only); events come over one shared WebSocket at /api/events,
 * which offers the key as a subprotocol and reconnects with backoff. The server refuses either without the key.
 */
export function createHttpTransport(env: HttpTransportEnv = {}): Transport {
  const baseUrl = env.baseUrl ?? window.location.origin;
  const doFetch = env.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const sessionKey = env.sessionKey ?? createSessionKeyStore(window);
  const events = createEventStream(baseUrl.replace(/^http/, 'ws') + '/api/events', env, sessionKey);

  return {
    shell: 'browser',
    async downloadBundle(bundleId) {
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}/api/${BUNDLE_DOWNLOAD_METHOD}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: sessionHeaders(sessionKey.get()),
          body: JSON.stringify({ bundleId }),
        });
      } catch {
        return OFFLINE;
      }
      if (response.headers.get('content-type') !== 'application/gzip') {
        // A refusal or "no longer prepared" is a JSON Result like any call's.
        try {
          const body: unknown = await response.json();
          return isResult(body) && !body.ok ? body : BAD_REPLY;
        } catch {
          return BAD_REPLY;
        }
      }
      const fileName =
        /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
        'mobility-diagnostics.tar.gz';
      let blob: Blob;
      try {
        blob = await response.blob();
      } catch {
        return OFFLINE;
      }
      saveWithBrowser(blob, fileName);
      return { ok: true, value: { fileName, sizeBytes: blob.size } };
    },
    async call<M extends Method>(method: M, input: RequestOf<M>): Promise<Result<ReplyOf<M>>> {
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}/api/${method}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: sessionHeaders(sessionKey.get()),
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return OFFLINE;
      }
      // Refusals (401, 403, 413, …) carry a failed Result too; anything else unreadable is a bad reply.
      try {
        const body: unknown = await response.json();
        return isResult(body) ? (body as Result<ReplyOf<M>>) : BAD_REPLY;
      } catch {
        return response.ok ? BAD_REPLY : OFFLINE;
      }
    },
    onEvent<E extends EventName>(name: E, listener: (payload: EventTypes[E]) => void): () => void {
      return events.add(name, listener as (payload: unknown) => void);
    },
  };
}

/** The browser's own download of bytes already here: it asks where (or uses the person's download folder). */
function saveWithBrowser(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // After the click the browser holds its own reference; freeing ours at once can cancel the download in some.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function sessionHeaders(key: string | null): Record<string, string> {
  return key === null
    ? { 'Content-Type': 'application/json' }
    : { 'Content-Type': 'application/json', [SESSION_HEADER]: key };
}

/** One socket for all listeners: opened with the first, closed with the last, reopened after drops. */
function createEventStream(url: string, env: HttpTransportEnv, sessionKey: SessionKeyStore) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const Socket = env.WebSocket ?? (WebSocket as unknown as new (url: string, protocols?: string[]) => WebSocketLike);
  const { minMs, maxMs } = env.backoff ?? { minMs: 500, maxMs: 15_000 };
  let socket: WebSocketLike | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let delay = minMs;

  const wanted = (): boolean => [...listeners.values()].some((set) => set.size > 0);

  function open(): void {
    if (socket || !wanted()) return;
    const key = sessionKey.get();
    const ws = new Socket(url, key === null ? [EVENTS_PROTOCOL] : [EVENTS_PROTOCOL, SESSION_PROTOCOL_PREFIX + key]);
    socket = ws;
    ws.onopen = () => {
      delay = minMs;
    };
    ws.onmessage = (ev) => deliver(ev.data);
    ws.onerror = () => undefined;
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      if (!wanted()) return;
      retryTimer = setTimeout(() => {
        retryTimer = null;
        open();
      }, delay);
      delay = Math.min(maxMs, delay * 2);
    };
  }

  function deliver(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: { name?: unknown; payload?: unknown };
    try {
      message = JSON.parse(data) as { name?: unknown; payload?: unknown };
    } catch {
      return;
    }
    if (typeof message?.name !== 'string') return;
    for (const listener of [...(listeners.get(message.name) ?? [])]) {
      try {
        listener(message.payload);
      } catch (err) {
        // One broken listener must not starve the others.
        console.error(err);
      }
    }
  }

  function stop(): void {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    const ws = socket;
    socket = null;
    ws?.close();
    delay = minMs;
  }

  return {
    add(name: string, listener: (payload: unknown) => void): () => void {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener);
      open();
      return () => {
        set.delete(listener);
        if (!wanted()) stop();
      };
    },
  };
}
