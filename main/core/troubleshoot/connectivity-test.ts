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
import type { CodedText, TextParams } from '../../../common/core-text/coded-text';
import { composeText } from '../../../common/core-text/coded-text';
import { connectivityTextsEn } from '../../../common/core-text/connectivity-texts';
import type { ConnectivityTextCode } from '../../../common/core-text/connectivity-texts';
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

/** The English sentence and its code (common/core-text/connectivity-texts.ts), for the other languages. */
function said(code: ConnectivityTextCode, params: TextParams): { message: string; text: CodedText } {
  const { message, ...text } = composeText(connectivityTextsEn, code, params);
  return { message, text };
}

/** Which `answered.*` sentence the certificate earns, and its verdict. */
function tlsVerdict(
  details: TlsDetails | null,
  nowMs: number,
): { verdict: ProbeVerdict; code: ConnectivityTextCode; params: TextParams } {
  if (!details) return { verdict: 'warn', code: 'probe.answered.noCertificate', params: {} };
  if (details.expired) return { verdict: 'fail', code: 'probe.answered.expired', params: { validTo: details.validTo } };
  if (new Date(details.validFrom).getTime() > nowMs)
    return { verdict: 'warn', code: 'probe.answered.notYetValid', params: { validFrom: details.validFrom } };
  if (!details.trusted) return { verdict: 'ok', code: 'probe.answered.private', params: {} };
  return { verdict: 'ok', code: 'probe.answered.trusted', params: {} };
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
      ...said(role === 'control' ? 'probe.tcp.control' : 'probe.tcp.data', { host, port, error: tcp.code, ms: tcpMs }),
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
      ...(silent
        ? said('probe.tls.silent', { host, port, timeoutMs })
        : said('probe.tls.failed', { host, port, error: shake.code })),
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
    ...said(judged.code, { host, port, tcpMs, protocol: details?.protocol ?? 'TLS', tlsMs, ...judged.params }),
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
    ...said('probe.dns.ip', { host }),
  };
  if (kind === 'hostname') {
    const outcome = await (options.resolve ?? resolveHost)(host, timeoutMs);
    const ms = Math.max(0, now() - started);
    addresses = outcome.ok ? outcome.addresses : [];
    dns = outcome.ok
      ? { verdict: 'ok', ms, addresses, ...said('probe.dns.ok', { host, addresses: addresses.join(', '), ms }) }
      : { verdict: 'fail', ms, addresses, ...said('probe.dns.fail', { host, error: outcome.code }) };
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
