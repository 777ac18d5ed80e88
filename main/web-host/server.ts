import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { UserError } from '../../common/result';
import type { Core } from '../core/app-core';
import type { Logger } from '../ports/ports';
import { silentLogger } from '../ports/ports';
import { AccessGate } from './auth';
import { capConnections, timeoutOptions } from './connection-limits';
import { createEventSocket } from './event-socket';
import { createRequestGuard } from './request-guard';
import { createRequestHandler } from './request-handler';
import { createReplier } from './responses';

/** The loopback address the host binds; never 0.0.0.0: remote people reach it through `ssh -L`. */
export const LOOPBACK = '127.0.0.1';

export interface WebHostOptions {
  core: Pick<Core, 'dispatch' | 'events'> & Partial<Pick<Core, 'bundleArchives'>>;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  logger?: Logger;
  /** How long a link's landing waits for the first screen's answers (first-replies.ts). */
  firstRepliesWaitMs?: number;
}

export interface WebHost {
  /** http://127.0.0.1:PORT/?token=… — works once. */
  url: string;
  origin: string;
  port: number;
  /** A new one-time link for another browser; redeeming it replaces the current session. The previous unused link stops working. */
  freshLink(): string;
  /** Sockets currently held (not counting event sockets): bounded by CONNECTION_LIMITS.maxSockets. */
  readonly heldSockets: number;
  close(): Promise<void>;
}

/** Serves the wizard and its API on 127.0.0.1 to whoever holds the one-time token. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const logger = options.logger ?? silentLogger;
  const server = createServer({ requireHostHeader: true, maxHeaderSize: 16 * 1024, ...timeoutOptions() });
  const connections = capConnections(server);
  // Garbage bytes, oversize headers and resets: answer 400/431 when the socket still takes it, never log the raw packet.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code !== 'ECONNRESET' && socket.writable) {
      const status =
        err.code === 'HPE_HEADER_OVERFLOW'
          ? '431 Request Header Fields Too Large'
          : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? '408 Request Timeout'
            : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    }
    socket.destroy();
  });
  const port = await listen(server, options.port ?? 0);
  server.on('error', (err: NodeJS.ErrnoException) =>
    logger.error('web host: server error', { code: err.code ?? 'unknown' }),
  );

  const gate = new AccessGate(port);
  const guard = createRequestGuard(port);
  const reply = createReplier(port);
  const eventSocket = createEventSocket({ events: options.core.events, gate, guard, logger });
  const { dispatch, bundleArchives } = options.core;
  server.on(
    'request',
    createRequestHandler({
      dispatch,
      gate,
      guard,
      reply,
      staticDir: options.staticDir,
      logger,
      ...(bundleArchives ? { archives: bundleArchives } : {}),
      ...(options.firstRepliesWaitMs !== undefined ? { firstRepliesWaitMs: options.firstRepliesWaitMs } : {}),
      // ws loads once the landing has been answered, while the browser evaluates the page that connects to it:
      // not during the landing, when the page's first bytes and the first screen's answers are being made.
      afterLanding: () => eventSocket.prepare(),
    }),
  );
  server.on('upgrade', (req, socket, head) => eventSocket.handleUpgrade(req, socket, head));

  const origin = `http://${LOOPBACK}:${port}`;
  let closing: Promise<void> | null = null;
  return {
    url: `${origin}/?token=${gate.oneTimeToken}`,
    origin,
    port,
    freshLink: () => `${origin}/?token=${gate.freshToken()}`,
    get heldSockets() {
      return connections.held;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        eventSocket.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      if (err.code === 'EADDRINUSE') {
        reject(
          new UserError(
            'web.portInUse',
            `Port ${port} on ${LOOPBACK} is already in use.`,
            'Pass another port with --port N, or --port 0 for any free port.',
            { port },
          ),
        );
      } else {
        reject(
          new UserError(
            'web.listenFailed',
            `Mobility Setup could not listen on ${LOOPBACK}:${port} (${err.code ?? 'error'}).`,
            'Pass another port with --port N.',
            { port },
          ),
        );
      }
    };
    server.once('error', onError);
    server.listen({ host: LOOPBACK, port, exclusive: true }, () => {
      server.off('error', onError);
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new UserError('web.listenFailed', 'Mobility Setup could not read its listening port.'));
        return;
      }
      resolve(address.port);
    });
  });
}
