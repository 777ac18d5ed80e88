/**
 * The network probes behind the connectivity check: name lookup, TCP connect and a TLS handshake that
 * reads the server certificate without trusting it. Each settles within its timeout and never throws
 * for a network outcome: failures come back as values with the system error code.
 */
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import tls from 'node:tls';
import type { X509Certificate } from 'node:crypto';

export type LookupOutcome = { ok: true; addresses: string[] } | { ok: false; code: string };

/** Resolves a host name with the system resolver (hosts file, DNS), as the vendor configurator would. */
export async function resolveHost(host: string, timeoutMs: number): Promise<LookupOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<LookupOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, code: 'ETIMEOUT' }), timeoutMs);
  });
  const attempt = lookup(host, { all: true }).then(
    (found): LookupOutcome => ({ ok: true, addresses: [...new Set(found.map((a) => a.address))] }),
    (err: NodeJS.ErrnoException): LookupOutcome => ({ ok: false, code: err.code ?? 'ERROR' }),
  );
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export type ConnectOutcome = { ok: true; address: string; socket: net.Socket } | { ok: false; code: string };

function connectOnce(address: string, port: number, timeoutMs: number): Promise<ConnectOutcome> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    let settled = false;
    const finish = (outcome: ConnectOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // A late error on a socket nobody listens to would crash the process.
      socket.on('error', () => undefined);
      if (!outcome.ok) socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ ok: false, code: 'ETIMEDOUT' }), timeoutMs);
    socket.once('connect', () => finish({ ok: true, address, socket }));
    socket.once('error', (err: NodeJS.ErrnoException) => finish({ ok: false, code: err.code ?? 'ERROR' }));
  });
}

/**
 * Connects to the first address that answers (a name may resolve to ::1 and 127.0.0.1 while the server
 * listens on one). The caller owns the returned socket; `closeSocket` ends it.
 */
export async function connectAny(addresses: string[], port: number, timeoutMs: number): Promise<ConnectOutcome> {
  let last: ConnectOutcome = { ok: false, code: 'ENOTFOUND' };
  for (const address of addresses.slice(0, 4)) {
    last = await connectOnce(address, port, timeoutMs);
    if (last.ok) return last;
  }
  return last;
}

export function closeSocket(socket: net.Socket): void {
  socket.on('error', () => undefined);
  socket.destroy();
}

export interface TlsFacts {
  authorized: boolean;
  authorizationError: string | null;
  certificate: X509Certificate | null;
  protocol: string | null;
}

export type TlsOutcome = { ok: true; facts: TlsFacts } | { ok: false; code: string };

/**
 * Runs a TLS handshake over an open socket. Certificate problems do not stop the handshake
 * (rejectUnauthorized: false) because the point is to describe the certificate: a configuration server
 * commonly has a self-signed one. `host` is what the person typed, so the name check matches it.
 */
export function handshake(
  socket: net.Socket,
  host: string,
  isHostname: boolean,
  timeoutMs: number,
): Promise<TlsOutcome> {
  return new Promise((resolve) => {
    const secure = tls.connect({
      socket,
      host,
      rejectUnauthorized: false,
      ...(isHostname ? { servername: host } : {}),
    });
    let settled = false;
    const finish = (outcome: TlsOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      closeSocket(secure);
      closeSocket(socket);
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ ok: false, code: 'ETIMEDOUT' }), timeoutMs);
    secure.once('secureConnect', () => {
      // Typed as Error, but Node sets an OpenSSL code string such as DEPTH_ZERO_SELF_SIGNED_CERT.
      const authError: unknown = secure.authorizationError;
      finish({
        ok: true,
        facts: {
          authorized: secure.authorized,
          authorizationError:
            typeof authError === 'string' ? authError : authError instanceof Error ? authError.message : null,
          certificate: secure.getPeerX509Certificate() ?? null,
          protocol: secure.getProtocol(),
        },
      });
    });
    secure.once('error', (err: NodeJS.ErrnoException) =>
      finish({ ok: false, code: err.code ?? err.message.slice(0, 80) }),
    );
    secure.once('close', () => finish({ ok: false, code: 'ECONNRESET' }));
  });
}
