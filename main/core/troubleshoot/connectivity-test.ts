/**
 * The troubleshooting connectivity test: the configuration server's control port (443) and the process
 * server's data port (9443), each with a timed TCP connect and a timed TLS handshake whose certificate is
 * described (protocol, subject, issuer, expiry, fingerprint). Unlike the pre-registration check, it judges
 * both ports the same way and says how long each step took, so a slow firewall shows up as a number.
 * Short timeouts, and both ports at once: the whole test ends within about two timeouts.
 */
import type { ConnectivityTest, PortProbe, ProbeVerdict, TlsDetails } from '../../../common/troubleshoot';
import { parseEndpoint } from '../../../common/endpoint';
import { UserError } from '../../../common/result';
import { certificateFacts } from '../connectivity/check-connectivity';
import { closeSocket, connectAny, handshake, resolveHost } from '../connectivity/probes';

export const TROUBLESHOOT_TIMEOUT_MS = 3_000;

export interface ConnectivityTestOptions {
  endpoint: string;
  dataPort?: number;
  timeoutMs?: number;
  now?: () => number;
  resolve?: typeof resolveHost;
}

const WHAT_TO_OPEN = (port: number, role: PortProbe['role']) =>
  role === 'control'
    ? `open TCP ${port} from this machine to the configuration server ("(7) Couldn't connect to server")`
    : `open TCP ${port} to the process server for replication data`;

function tlsVerdict(details: TlsDetails | null, nowMs: number): { verdict: ProbeVerdict; why: string } {
  if (!details) return { verdict: 'warn', why: 'the server sent no certificate' };
  if (details.expired)
    return { verdict: 'fail', why: `its certificate expired on ${details.validTo} ("(60) Peer certificate")` };
  if (new Date(details.validFrom).getTime() > nowMs)
    return { verdict: 'warn', why: `its certificate is valid only from ${details.validFrom}: check the clock` };
  if (!details.trusted)
    return { verdict: 'ok', why: 'self-signed or privately issued certificate (usual for a configuration server)' };
  return { verdict: 'ok', why: 'trusted certificate' };
}

async function probePort(
  host: string,
  addresses: string[],
  port: number,
  role: PortProbe['role'],
  timeoutMs: number,
  now: () => number,
): Promise<PortProbe> {
  const started = now();
  const tcp = await connectAny(addresses, port, timeoutMs);
  const tcpMs = Math.max(0, now() - started);
  if (!tcp.ok) {
    const verdict: ProbeVerdict = role === 'control' ? 'fail' : 'warn';
    return {
      port,
      role,
      tcp: { verdict, ms: tcpMs, code: tcp.code, address: null },
      tls: { verdict: 'skipped', ms: 0, code: null, details: null },
      verdict,
      message: `${host}:${port} did not accept a connection (${tcp.code}) after ${tcpMs} ms: ${WHAT_TO_OPEN(port, role)}.`,
    };
  }
  const tlsStarted = now();
  const shake = await handshake(tcp.socket, host, /[a-z]/i.test(host) && !host.includes(':'), timeoutMs);
  const tlsMs = Math.max(0, now() - tlsStarted);
  const tcpPart = { verdict: 'ok' as const, ms: tcpMs, code: null, address: tcp.address };
  if (!shake.ok) {
    closeSocket(tcp.socket);
    const silent = shake.code === 'ETIMEDOUT';
    return {
      port,
      role,
      tcp: tcpPart,
      tls: { verdict: 'fail', ms: tlsMs, code: shake.code, details: null },
      verdict: 'fail',
      message: silent
        ? `${host}:${port} accepted the connection but did not answer the TLS handshake within ${timeoutMs} ms: ` +
          'something in between (a proxy or an inspecting firewall) holds it, or this is not the server.'
        : `The TLS handshake with ${host}:${port} failed (${shake.code}): check that TLS 1.2 is enabled on both machines.`,
    };
  }
  const nowMs = now();
  const cert = certificateFacts(shake.facts, nowMs);
  const details: TlsDetails | null = cert ? { protocol: shake.facts.protocol, ...cert } : null;
  const judged = tlsVerdict(details, nowMs);
  return {
    port,
    role,
    tcp: tcpPart,
    tls: { verdict: judged.verdict, ms: tlsMs, code: null, details },
    verdict: judged.verdict,
    message:
      `${host}:${port} answered: TCP in ${tcpMs} ms, ${details?.protocol ?? 'TLS'} in ${tlsMs} ms; ${judged.why}.` +
      (judged.verdict === 'fail' ? ' Renew the certificate on the configuration server.' : ''),
  };
}

const WORST: ProbeVerdict[] = ['fail', 'warn', 'ok', 'skipped'];
const worst = (verdicts: ProbeVerdict[]): ProbeVerdict => WORST.find((v) => verdicts.includes(v)) ?? 'skipped';

/** Runs the test; a server address that does not parse is a UserError (endpoint.* code). */
export async function runConnectivityTest(options: ConnectivityTestOptions): Promise<ConnectivityTest> {
  const parsed = parseEndpoint(options.endpoint);
  if (!parsed.ok)
    throw new UserError(parsed.code, parsed.message, 'Give the configuration server as HOST or HOST:PORT.');
  const { host, port, kind } = parsed.endpoint;
  const timeoutMs = options.timeoutMs ?? TROUBLESHOOT_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const started = now();
  let addresses = [host];
  let dns: ConnectivityTest['dns'] = {
    verdict: 'ok',
    ms: 0,
    addresses,
    message: `${host} is an IP address: no lookup needed.`,
  };
  if (kind === 'hostname') {
    const outcome = await (options.resolve ?? resolveHost)(host, timeoutMs);
    const ms = Math.max(0, now() - started);
    addresses = outcome.ok ? outcome.addresses : [];
    dns = outcome.ok
      ? { verdict: 'ok', ms, addresses, message: `${host} resolves to ${addresses.join(', ')} in ${ms} ms.` }
      : {
          verdict: 'fail',
          ms,
          addresses,
          message: `${host} cannot be resolved (${outcome.code}): check the name and DNS, or use the IP address.`,
        };
  }
  if (dns.verdict === 'fail') return { host, dns, ports: [], verdict: 'fail', totalMs: Math.max(0, now() - started) };
  // The two ports are independent: probe them together so the test takes one timeout, not two.
  const ports = await Promise.all([
    probePort(host, addresses, port, 'control', timeoutMs, now),
    probePort(host, addresses, options.dataPort ?? 9443, 'data', timeoutMs, now),
  ]);
  return {
    host,
    dns,
    ports,
    verdict: worst([dns.verdict, ...ports.map((p) => p.verdict)]),
    totalMs: Math.max(0, now() - started),
  };
}
