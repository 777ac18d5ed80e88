/**
 * A configuration server (and replication appliance) stand-in for tests and the demo: HTTPS on
 * 127.0.0.1 with a certificate generated at run time, `POST /register` checking the passphrase (classic)
 * or the config.json key (modernized) in constant time, and a second TLS listener standing in for the
 * process server's data port (9443). Registrations are recorded; the secrets are never logged or echoed.
 *
 * Protocol spoken by the fake configurator (test/world/vendor/configurator-script.ts):
 *   POST /register  {"mode":"classic"|"modernized","host":"<agent host name>","agentVersion":"…","secret":"…"}
 *   → 200 {"ok":true,"server":"cs.contoso.local"} · 403 {"ok":false,"error":"…"} · 400 malformed request
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { CS_COMMON_NAME, generateCsCertificate } from './certificate';

export interface CsSimulatorOptions {
  /** The classic passphrase the server accepts. */
  passphrase: string;
  certificate?: 'valid' | 'expired';
  /** The modernized registration key (config.json "key"); random when absent. */
  applianceKey?: string;
  /** false: dataPort is a port nothing listens on (connection refused), for the "data port blocked" case. */
  dataPortOpen?: boolean;
}

export interface RecordedRegistration {
  /** Epoch milliseconds. */
  at: number;
  mode: 'classic' | 'modernized';
  /** The agent machine's host name, as it reported itself. */
  host: string;
  ok: boolean;
}

export interface CsSimulator {
  endpoint: string;
  port: number;
  dataPort: number;
  fingerprint: string;
  certificatePem: string;
  applianceKey: string;
  registrations: RecordedRegistration[];
  /** Text of a modernized config.json pointing at this simulator (optionally with another key). */
  applianceConfig(key?: string): string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_BODY = 64 * 1024;

/** Constant-time comparison of two secrets of any length (hash first so lengths do not leak). */
function secretsEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

function reply(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => {
      server.off('error', reject);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A port that was free a moment ago and now has no listener: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  const port = await listen(probe);
  await closeServer(probe);
  return port;
}

export async function startCsSimulator(options: CsSimulatorOptions): Promise<CsSimulator> {
  const cert = await generateCsCertificate(options.certificate ?? 'valid');
  const applianceKey = options.applianceKey ?? randomBytes(24).toString('base64url');
  const registrations: RecordedRegistration[] = [];

  async function register(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    if (text === null) return reply(res, 400, { ok: false, error: 'request body too large or unreadable' });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return reply(res, 400, { ok: false, error: 'request body is not JSON' });
    }
    const { mode, host, secret } = (body ?? {}) as Record<string, unknown>;
    if ((mode !== 'classic' && mode !== 'modernized') || typeof secret !== 'string') {
      return reply(res, 400, { ok: false, error: 'mode and secret are required' });
    }
    const expected = mode === 'classic' ? options.passphrase : applianceKey;
    const ok = secretsEqual(secret, expected);
    registrations.push({ at: Date.now(), mode, host: typeof host === 'string' ? host.slice(0, 255) : '', ok });
    if (!ok)
      return reply(res, 403, {
        ok: false,
        error: mode === 'classic' ? 'invalid passphrase' : 'invalid registration key',
      });
    reply(res, 200, { ok: true, server: CS_COMMON_NAME });
  }

  const control = https.createServer({ key: cert.keyPem, cert: cert.certificatePem }, (req, res) => {
    if (req.method === 'POST' && req.url === '/register') {
      register(req, res).catch(() => reply(res, 500, { ok: false, error: 'internal error' }));
    } else if (req.method === 'GET' && req.url === '/') {
      reply(res, 200, { service: 'configuration server simulator', server: CS_COMMON_NAME });
    } else {
      reply(res, 404, { ok: false, error: 'not found' });
    }
  });
  const port = await listen(control);

  const dataSockets = new Set<net.Socket>();
  const data = tls.createServer({ key: cert.keyPem, cert: cert.certificatePem }, (socket) => {
    // Accept and hold the session briefly, as a process server would before the agent speaks.
    socket.setTimeout(10_000, () => socket.destroy());
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
  });
  data.on('connection', (socket: net.Socket) => {
    dataSockets.add(socket);
    socket.on('close', () => dataSockets.delete(socket));
  });
  // A client that only checks the TCP port, or drops during the handshake, is not an error here.
  data.on('tlsClientError', () => undefined);
  const open = options.dataPortOpen ?? true;
  const dataPort = open ? await listen(data) : await closedPort();

  let closed = false;
  return {
    endpoint: `${HOST}:${port}`,
    port,
    dataPort,
    fingerprint: cert.fingerprint,
    certificatePem: cert.certificatePem,
    applianceKey,
    registrations,
    applianceConfig(key = applianceKey) {
      return (
        JSON.stringify({ applianceName: 'appliance01', applianceEndpoint: `${HOST}:${port}`, key }, null, 2) + '\n'
      );
    },
    async close() {
      if (closed) return;
      closed = true;
      control.closeAllConnections();
      for (const socket of dataSockets) socket.destroy();
      await Promise.all([closeServer(control), open ? closeServer(data) : Promise.resolve()]);
    },
  };
}
