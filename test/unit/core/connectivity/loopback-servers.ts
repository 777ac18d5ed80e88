/** Real servers on loopback for the connectivity tests: TLS with a certificate made at test time, plain TCP. */
import net from 'node:net';
import tls from 'node:tls';
import { generate } from 'selfsigned';
import { afterEach } from 'vitest';

export interface Running {
  port: number;
  close(): Promise<void>;
}

export interface TlsRunning extends Running {
  certPem: string;
}

const DAY = 24 * 60 * 60 * 1000;

export async function makeCertificate(
  kind: 'valid' | 'expired',
  commonName = 'cs.example.test',
): Promise<{ cert: string; key: string }> {
  const now = Date.now();
  const dates =
    kind === 'valid'
      ? { notBeforeDate: new Date(now - DAY), notAfterDate: new Date(now + 365 * DAY) }
      : { notBeforeDate: new Date(now - 730 * DAY), notAfterDate: new Date(now - 365 * DAY) };
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ...dates,
  });
  return { cert: pems.cert, key: pems.private };
}

function listen(server: net.Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve((server.address() as net.AddressInfo).port));
  });
}

function closer(server: net.Server, sockets: Set<net.Socket>): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

function track(server: net.Server): Set<net.Socket> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
}

export async function startTlsServer(kind: 'valid' | 'expired', host = '127.0.0.1'): Promise<TlsRunning> {
  const { cert, key } = await makeCertificate(kind);
  const server = tls.createServer({ cert, key }, (socket) => socket.end());
  server.on('tlsClientError', () => undefined);
  const sockets = track(server);
  const port = await listen(server, host);
  return { port, certPem: cert, close: closer(server, sockets) };
}

/** A TCP server that accepts and, when `junk` is set, answers with bytes that are not TLS. */
export async function startTcpServer(host = '127.0.0.1', junk = false): Promise<Running> {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    if (junk) socket.end('HTTP/1.0 400 Bad Request\r\n\r\n');
  });
  const sockets = track(server);
  const port = await listen(server, host);
  return { port, close: closer(server, sockets) };
}

/** A port that was just free on loopback: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server, '127.0.0.1');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Returns `keep`: it awaits a server and closes it after the test, whatever the test's outcome. */
export function closeServersAfterEach(): <T extends Running>(server: Promise<T>) => Promise<T> {
  const running: Running[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.close()));
  });
  return async (server) => {
    const s = await server;
    running.push(s);
    return s;
  };
}
