import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { EVENTS_PROTOCOL } from '../../common/web-session';
import type { EventBus } from '../api/event-bus';
import type { Logger } from '../ports/ports';
import type { AccessGate } from './auth';
import type { RequestGuard } from './request-guard';

export const EVENTS_PATH = '/api/events';

/** A client this far behind is not reading; it is dropped and its transport reconnects. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
const KEEPALIVE_MS = 30_000;
/**
 * The wizard needs one socket per tab. Only the session holder can open one, but reloads leave sockets that
 * linger until the next keepalive: past this many, the oldest is closed rather than a new one refused.
 */
export const MAX_EVENT_CLIENTS = 8;

/**
 * The event stream: every core event goes to every authenticated WebSocket client as `{"name","payload"}`.
 * The handshake is checked like any request (Host, Origin required, session cookie) and must offer the
 * page's session key as a subprotocol: the cookie alone reaches other local ports' pages (see auth.ts).
 * Clients send nothing; a message over 4 KiB closes the socket.
 * ws (14 files) is loaded on the first upgrade, or by `prepare()` once a link's landing has been answered: `serve`
 * prints its link without waiting for it, and loads it while the browser evaluates the page that will connect.
 */
export function createEventSocket(deps: { events: EventBus; gate: AccessGate; guard: RequestGuard; logger: Logger }) {
  const { events, gate, guard, logger } = deps;
  let wss: WebSocketServer | null = null;
  let loading: Promise<WebSocketServer> | null = null;
  let closed = false;
  const socketServer = (): Promise<WebSocketServer> =>
    (loading ??= import('./ws-package').then(({ WebSocketServer: Server }) => {
      wss = acceptClients(new Server(options));
      if (closed) wss.close();
      return wss;
    }));

  const options = {
    noServer: true,
    maxPayload: 4096,
    perMessageDeflate: false,
    verifyClient: (info: { req: IncomingMessage }, done: (ok: boolean, code?: number, message?: string) => void) => {
      const refuse = (status: number, text: string): void => {
        logger.info('web host websocket refused', { path: EVENTS_PATH, status });
        done(false, status, text);
      };
      if (!guard.hostAllowed(info.req)) return refuse(421, 'Misdirected Request');
      if (!guard.originAllowed(info.req, true)) return refuse(403, 'Forbidden');
      const session = gate.socketSession(info.req);
      if (session === 'none') return refuse(401, 'Unauthorized');
      if (session === 'cookieOnly') return refuse(401, 'Unauthorized: the session key is missing');
      done(true);
    },
    // Answer with our fixed protocol, never echo the one that carries the key.
    handleProtocols: (protocols: Set<string>) => (protocols.has(EVENTS_PROTOCOL) ? EVENTS_PROTOCOL : false),
  };

  // Detection snapshots are cumulative: the latest one brings a page that connects mid-run up to date. The run the
  // link's landing starts (first-replies.ts) has often sent its fast sections before the page's socket opens.
  let latestDetection: unknown = null;
  const stopTracking = events.subscribe((name, payload) => {
    if (name === 'detection') latestDetection = payload;
  });

  const alive = new WeakMap<WebSocket, boolean>();
  const acceptClients = (server: WebSocketServer): WebSocketServer =>
    server.on('connection', (socket) => {
      // Terminated sockets leave wss.clients only on their 'close' event (terminate makes them CLOSING at once).
      const open = [...server.clients].filter((c) => c.readyState === c.OPEN && c !== socket);
      for (const old of open.slice(0, Math.max(0, open.length + 1 - MAX_EVENT_CLIENTS))) old.terminate();
      alive.set(socket, true);
      socket.on('pong', () => alive.set(socket, true));
      socket.on('error', () => socket.terminate());
      // Clients have nothing to say; a message is ignored rather than parsed.
      socket.on('message', () => undefined);
      if (latestDetection !== null) socket.send(JSON.stringify({ name: 'detection', payload: latestDetection }));
      const unsubscribe = events.subscribe((name, payload) => {
        if (socket.readyState !== socket.OPEN) return;
        if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
          logger.warn('web host: dropping a slow event client');
          socket.terminate();
          return;
        }
        socket.send(JSON.stringify({ name, payload }));
      });
      socket.on('close', unsubscribe);
    });

  const keepalive = setInterval(() => {
    for (const socket of wss?.clients ?? []) {
      if (alive.get(socket) === false) {
        socket.terminate();
        continue;
      }
      alive.set(socket, false);
      socket.ping();
    }
  }, KEEPALIVE_MS);
  keepalive.unref();

  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      socket.on('error', () => socket.destroy());
      const pathname = (req.url ?? '').split('?')[0];
      if (pathname !== EVENTS_PATH) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      socketServer().then(
        (server) => server.handleUpgrade(req, socket, head, (ws) => server.emit('connection', ws, req)),
        () => socket.destroy(),
      );
    },
    /** Loads ws now (the page is out; it will connect as soon as its scripts have run). */
    prepare(): void {
      socketServer().catch(() => undefined);
    },
    get clientCount(): number {
      return wss?.clients.size ?? 0;
    },
    close(): void {
      closed = true;
      clearInterval(keepalive);
      stopTracking();
      for (const socket of wss?.clients ?? []) socket.terminate();
      wss?.close();
    },
  };
}
