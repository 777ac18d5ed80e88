/**
 * Checks, before registering, what the vendor configurator will need: the configuration server's name
 * resolves, its control port (443) accepts TCP, its certificate is readable (and whether it is trusted or
 * expired), and the process server's data port (9443) answers. Messages echo the vendor's curl errors
 * ("(7) Couldn't connect to server", "(60) Peer certificate cannot be authenticated") so a person can match
 * them with the vendor's troubleshooting articles.
 */
import type { CertificateFacts, CheckState, ConnectivityCheck, ConnectivityReport } from '../../../common/connectivity';
import { parseEndpoint } from '../../../common/endpoint';
import type { Endpoint } from '../../../common/endpoint';
import { UserError } from '../../../common/result';
import { closeSocket, connectAny, handshake, resolveHost } from './probes';
import type { TlsFacts } from './probes';

export const DEFAULT_DATA_PORT = 9443;
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

export interface ConnectivityOptions {
  endpoint: string;
  dataPort?: number;
  /** Per probe (lookup, connect, handshake). */
  timeoutMs?: number;
  /** Clock for durations and certificate expiry; injectable so expiry can be judged at a chosen time. */
  now?: () => number;
  /** Name resolution; the system resolver unless a test supplies one (tests never query a real DNS server). */
  resolve?: typeof resolveHost;
}

type Check = ConnectivityCheck;

const check = (
  id: Check['id'],
  state: CheckState,
  code: string,
  message: string,
  started: number,
  now: () => number,
): Check => ({ id, state, code, message, durationMs: Math.max(0, now() - started) });

const CONNECT_CODES: Record<string, string> = {
  ECONNREFUSED: 'refused',
  ETIMEDOUT: 'timeout',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
};

function describeDns(
  endpoint: Endpoint,
  outcome: { ok: true; addresses: string[] } | { ok: false; code: string },
  started: number,
  now: () => number,
): Check {
  if (outcome.ok)
    return check(
      'dns',
      'ok',
      'conn.dns.ok',
      `${endpoint.host} resolves to ${outcome.addresses.join(', ')}.`,
      started,
      now,
    );
  const why =
    outcome.code === 'ENOTFOUND'
      ? 'the name was not found'
      : outcome.code === 'ETIMEOUT'
        ? 'the lookup timed out'
        : `the lookup failed (${outcome.code})`;
  const code =
    outcome.code === 'ENOTFOUND'
      ? 'conn.dns.notFound'
      : outcome.code === 'ETIMEOUT'
        ? 'conn.dns.timeout'
        : 'conn.dns.failed';
  return check(
    'dns',
    'fail',
    code,
    `${endpoint.host} cannot be resolved: ${why}. Check the name and this machine's DNS settings, or enter the configuration server's IP address.`,
    started,
    now,
  );
}

function toIso(text: string): string {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

export function certificateFacts(facts: TlsFacts, nowMs: number): CertificateFacts | null {
  const cert = facts.certificate;
  if (!cert) return null;
  const validTo = new Date(cert.validTo).getTime();
  return {
    subject: cert.subject.split('\n').join(', '),
    issuer: cert.issuer.split('\n').join(', '),
    validFrom: toIso(cert.validFrom),
    validTo: toIso(cert.validTo),
    expired: Number.isFinite(validTo) && validTo < nowMs,
    trusted: facts.authorized,
    sha256Fingerprint: cert.fingerprint256,
  };
}

function describeTls(
  facts: TlsFacts,
  cert: CertificateFacts | null,
  nowMs: number,
  started: number,
  now: () => number,
): Check {
  const sixty = 'Registration can fail with "(60) Peer certificate cannot be authenticated"';
  if (!cert)
    return check('tls', 'warn', 'conn.tls.noCertificate', `The server sent no certificate. ${sixty}.`, started, now);
  if (cert.expired) {
    return check(
      'tls',
      'warn',
      'conn.tls.expired',
      `The configuration server's certificate expired on ${cert.validTo}. ${sixty}: renew the certificate on the configuration server.`,
      started,
      now,
    );
  }
  if (new Date(cert.validFrom).getTime() > nowMs) {
    return check(
      'tls',
      'warn',
      'conn.tls.notYetValid',
      `The certificate is valid only from ${cert.validFrom}; check this machine's clock. ${sixty}.`,
      started,
      now,
    );
  }
  if (!cert.trusted) {
    return check(
      'tls',
      'warn',
      'conn.tls.untrusted',
      `The certificate (${cert.subject}) is not trusted by this machine (${facts.authorizationError ?? 'unknown issuer'}); a self-signed configuration server certificate is common. Compare its SHA-256 fingerprint ${cert.sha256Fingerprint} with the server's. ${sixty} if the server's TLS settings are wrong.`,
      started,
      now,
    );
  }
  return check(
    'tls',
    'ok',
    'conn.tls.ok',
    `The certificate (${cert.subject}) is valid until ${cert.validTo} and trusted (${facts.protocol ?? 'TLS'}).`,
    started,
    now,
  );
}

async function probeControl(
  endpoint: Endpoint,
  addresses: string[],
  timeoutMs: number,
  now: () => number,
): Promise<{ control: Check; tls: Check; certificate: CertificateFacts | null }> {
  const started = now();
  const target = `${endpoint.kind === 'ipv6' ? `[${endpoint.host}]` : endpoint.host}:${endpoint.port}`;
  const tcp = await connectAny(addresses, endpoint.port, timeoutMs);
  if (!tcp.ok) {
    const kind = CONNECT_CODES[tcp.code] ?? 'failed';
    return {
      control: check(
        'control',
        'fail',
        `conn.control.${kind}`,
        `Cannot reach ${target} (${tcp.code}): (7) Couldn't connect to server. Open TCP ${endpoint.port} from this machine to the configuration server, and check that the server is running.`,
        started,
        now,
      ),
      tls: {
        id: 'tls',
        state: 'skipped',
        code: 'conn.tls.skipped',
        message: `The certificate was not checked: TCP ${endpoint.port} is not reachable.`,
        durationMs: 0,
      },
      certificate: null,
    };
  }
  const control = check(
    'control',
    'ok',
    'conn.control.ok',
    `${target} accepts connections (via ${tcp.address}).`,
    started,
    now,
  );
  const tlsStarted = now();
  const shake = await handshake(tcp.socket, endpoint.host, endpoint.kind === 'hostname', timeoutMs);
  if (!shake.ok) {
    closeSocket(tcp.socket);
    return {
      control,
      tls: check(
        'tls',
        'fail',
        'conn.tls.handshake',
        `The TLS handshake with ${target} failed (${shake.code}). Check that this is the configuration server's HTTPS port and that TLS 1.2 is enabled on both machines.`,
        tlsStarted,
        now,
      ),
      certificate: null,
    };
  }
  const nowMs = now();
  const certificate = certificateFacts(shake.facts, nowMs);
  return { control, tls: describeTls(shake.facts, certificate, nowMs, tlsStarted, now), certificate };
}

async function probeData(
  endpoint: Endpoint,
  addresses: string[],
  dataPort: number,
  timeoutMs: number,
  now: () => number,
): Promise<Check> {
  const started = now();
  const tcp = await connectAny(addresses, dataPort, timeoutMs);
  if (tcp.ok) {
    closeSocket(tcp.socket);
    return check(
      'data',
      'ok',
      'conn.data.ok',
      `${endpoint.host} accepts connections on data port ${dataPort}.`,
      started,
      now,
    );
  }
  return check(
    'data',
    'warn',
    'conn.data.closed',
    `Nothing answered on ${endpoint.host}:${dataPort} (${tcp.code}). The process server may be another machine; if it runs on the configuration server, open TCP ${dataPort} to it for replication.`,
    started,
    now,
  );
}

/** Runs the checks; throws UserError (endpoint.* code) for an address that does not parse. */
export async function checkConnectivity(options: ConnectivityOptions): Promise<ConnectivityReport> {
  const parsed = parseEndpoint(options.endpoint);
  if (!parsed.ok)
    throw new UserError(
      parsed.code,
      parsed.message,
      'Enter the configuration server as an IP address or host name, optionally with :port.',
    );
  const endpoint = parsed.endpoint;
  const dataPort = options.dataPort ?? DEFAULT_DATA_PORT;
  const timeoutMs = options.timeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const now = options.now ?? Date.now;

  const dnsStarted = now();
  let addresses: string[];
  let dns: Check;
  if (endpoint.kind === 'hostname') {
    const outcome = await (options.resolve ?? resolveHost)(endpoint.host, timeoutMs);
    addresses = outcome.ok ? outcome.addresses : [];
    dns = describeDns(endpoint, outcome, dnsStarted, now);
  } else {
    addresses = [endpoint.host];
    dns = check(
      'dns',
      'ok',
      'conn.dns.literal',
      `${endpoint.host} is an IP address: no lookup needed.`,
      dnsStarted,
      now,
    );
  }
  if (dns.state === 'fail') {
    const skipped = (id: Check['id']): Check => ({
      id,
      state: 'skipped',
      code: `conn.${id}.skipped`,
      message: `Not checked: ${endpoint.host} could not be resolved.`,
      durationMs: 0,
    });
    return {
      host: endpoint.host,
      port: endpoint.port,
      dataPort,
      addresses,
      checks: [dns, skipped('control'), skipped('tls'), skipped('data')],
      certificate: null,
      canRegister: false,
    };
  }
  // The control port (then its certificate) and the data port are independent: probe them together.
  const [control, data] = await Promise.all([
    probeControl(endpoint, addresses, timeoutMs, now),
    probeData(endpoint, addresses, dataPort, timeoutMs, now),
  ]);
  return {
    host: endpoint.host,
    port: endpoint.port,
    dataPort,
    addresses,
    checks: [dns, control.control, control.tls, data],
    certificate: control.certificate,
    canRegister: control.control.state === 'ok',
  };
}
