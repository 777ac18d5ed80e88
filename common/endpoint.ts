import { parsePort, portRangeMessage } from './port';
/**
 * Configuration-server address validation, shared by the wizard (as typed), the CLI and the core.
 * Accepts IPv4, IPv6 (bracketed when a port follows), or an FQDN/hostname, with an optional port.
 */
export interface Endpoint {
  host: string;
  port: number;
  kind: 'ipv4' | 'ipv6' | 'hostname';
  /** host[:port] as the vendor configurator takes it (IPv6 without brackets when the port is the default). */
  display: string;
}

export type EndpointParse =
  | { ok: true; endpoint: Endpoint }
  | { ok: false; code: 'endpoint.empty' | 'endpoint.invalid' | 'endpoint.scheme' | 'endpoint.port'; message: string };

export const DEFAULT_CONTROL_PORT = 443;

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

function isIpv6(text: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(text) || !text.includes(':')) return false;
  const doubleColons = text.split('::').length - 1;
  if (doubleColons > 1) return false;
  const parts = text.split(':');
  const last = parts[parts.length - 1] ?? '';
  const hasV4Tail = last.includes('.');
  if (hasV4Tail && !IPV4.test(last)) return false;
  const groups = parts.filter((p, i) => !(hasV4Tail && i === parts.length - 1));
  if (groups.some((g) => g.length > 4)) return false;
  const groupCount = groups.filter((g) => g !== '').length + (hasV4Tail ? 2 : 0);
  return doubleColons === 1 ? groupCount < 8 : groupCount === 8 && groups.every((g) => g !== '');
}

function isHostname(text: string): boolean {
  if (text.length > 253) return false;
  const labels = text.replace(/\.$/, '').split('.');
  // An all-numeric dotted name is a mistyped IPv4 address, not a hostname.
  if (labels.every((l) => /^\d+$/.test(l))) return false;
  return labels.every((l) => LABEL.test(l));
}

export function parseEndpoint(input: string): EndpointParse {
  const text = input.trim();
  if (text === '') return { ok: false, code: 'endpoint.empty', message: 'Enter the configuration server address.' };
  if (text.length > 300 || /[\s\p{Cc}]/u.test(text)) {
    return { ok: false, code: 'endpoint.invalid', message: 'The address contains spaces or control characters.' };
  }
  if (/^[a-z]+:\/\//i.test(text) || text.includes('/')) {
    return {
      ok: false,
      code: 'endpoint.scheme',
      message: 'Enter only the address (and optionally :port), without https:// or a path.',
    };
  }
  let host = text;
  let port = DEFAULT_CONTROL_PORT;
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(text);
  if (bracketed) {
    host = bracketed[1] ?? '';
    if (bracketed[2] !== undefined) {
      const p = parsePort(bracketed[2]);
      if (p === null) return { ok: false, code: 'endpoint.port', message: portRangeMessage() };
      port = p;
    }
    if (!isIpv6(host)) return { ok: false, code: 'endpoint.invalid', message: 'That is not a valid IPv6 address.' };
  } else if (isIpv6(text)) {
    host = text;
  } else {
    const colon = text.lastIndexOf(':');
    if (colon !== -1) {
      const p = parsePort(text.slice(colon + 1));
      if (p === null) return { ok: false, code: 'endpoint.port', message: portRangeMessage() };
      port = p;
      host = text.slice(0, colon);
    }
  }
  let kind: Endpoint['kind'];
  if (IPV4.test(host)) kind = 'ipv4';
  else if (isIpv6(host)) kind = 'ipv6';
  else if (isHostname(host)) kind = 'hostname';
  else {
    return {
      ok: false,
      code: 'endpoint.invalid',
      message: 'Enter an IPv4 address, an IPv6 address or a host name (letters, digits, hyphens and dots).',
    };
  }
  const hostForPort = kind === 'ipv6' ? `[${host}]` : host;
  const display = port === DEFAULT_CONTROL_PORT ? host : `${hostForPort}:${port}`;
  return { ok: true, endpoint: { host, port, kind, display } };
}
