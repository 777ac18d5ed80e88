import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Limits that keep the browser host answering its one legitimate browser while something else on the
 * machine floods it. Every local user can connect to 127.0.0.1, so thousands of half-open sockets are cheap
 * to hold; left alone they used up the process's file descriptors and the wizard stopped loading.
 */
export const CONNECTION_LIMITS = {
  /** Sockets held at once. A browser uses about six per host plus the event socket; the rest is headroom. */
  maxSockets: 128,
  /** Hard ceiling (Node drops connections past it): only reached when every socket is mid-request. */
  hardMaxSockets: 256,
  /** A request's headers must arrive within this; a browser on loopback sends them at once. */
  headersTimeoutMs: 5_000,
  /**
   * The whole request. Only a signed-in page gets its body read (everything else is answered after the headers),
   * and its largest body, 2 MB, may cross a slow SSH tunnel: generous, unlike the header limit.
   */
  requestTimeoutMs: 60_000,
  /** An idle keep-alive socket is closed after this. */
  keepAliveTimeoutMs: 5_000,
  /** How often Node checks the two timeouts above (its default, 30 s, would let slow sockets live that long). */
  checkIntervalMs: 1_000,
} as const;

/** The options for createServer that carry the timeouts. */
export function timeoutOptions(limits = CONNECTION_LIMITS) {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: limits.checkIntervalMs,
  };
}

/**
 * Caps the sockets the server holds. A new connection past the cap closes the oldest socket that is not in
 * the middle of a request (a half-open or idle one) instead of being refused: a flood then only ever pushes
 * out older sockets, and the wizard's next request, newer than the flood, is served. Upgraded sockets leave
 * this count (the event socket has its own cap).
 */
export function capConnections(server: Server, limits = CONNECTION_LIMITS): { readonly held: number } {
  server.maxConnections = limits.hardMaxSockets;
  // Insertion order is age order; the value says whether a request is being answered on it.
  const sockets = new Map<Socket, { busy: boolean }>();
  server.on('connection', (socket: Socket) => {
    sockets.set(socket, { busy: false });
    socket.once('close', () => sockets.delete(socket));
    if (sockets.size <= limits.maxSockets) return;
    for (const [old, state] of sockets) {
      if (old === socket || state.busy) continue;
      sockets.delete(old);
      old.destroy();
      return;
    }
    // Every other socket is mid-request: the newcomer waits its turn by reconnecting.
    sockets.delete(socket);
    socket.destroy();
  });
  server.on('request', (req, res) => {
    const state = sockets.get(req.socket);
    if (!state) return;
    state.busy = true;
    res.once('close', () => (state.busy = false));
  });
  server.on('upgrade', (req) => sockets.delete(req.socket));
  return {
    get held() {
      return sockets.size;
    },
  };
}
