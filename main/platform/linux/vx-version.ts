import type { AgentFacts } from '../../../common/detection';
import { NO_AGENT } from '../../../common/detection';

/** The agent's own state file (see shared/domain.md "Installed state"). */
export const VX_VERSION_PATH = '/usr/local/.vx_version';

/** `KEY=value` lines; later lines win, as the vendor's shell scripts source the file. */
export function parseKeyValueLines(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const value = line
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    values.set(line.slice(0, eq).trim(), value);
  }
  return values;
}

/**
 * The CS address the agent points to, as host[:port] (the port only when it is not 443, the way the wizard
 * shows an address): from drscout.conf's [vxagent.transport] section. INFERRED, not documented by the
 * vendor: `Hostname` is the server, and the control port is `SslPort` while `Https=1` (a registered agent's
 * file has Port=80, SslPort=443, Https=1), `Port` when Https=0.
 */
export function parseDrscoutServer(text: string): string | null {
  let section = '';
  const values = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = (header[1] ?? '').toLowerCase();
      continue;
    }
    if (section !== 'vxagent.transport') continue;
    const match = /^(\w+)\s*=\s*(.*)$/.exec(line);
    if (match && !values.has((match[1] ?? '').toLowerCase()))
      values.set((match[1] ?? '').toLowerCase(), (match[2] ?? '').trim());
  }
  const host = values.get('hostname') ?? '';
  // The unconfigured template ships 0.0.0.0: that is "no server", not an address.
  if (host === '' || host === '0.0.0.0') return null;
  const https = values.get('https') !== '0';
  const port = Number((https ? values.get('sslport') : values.get('port')) ?? (https ? '443' : '80'));
  if (!Number.isInteger(port) || port < 1 || port > 65535 || port === 443) return host;
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/**
 * Agent facts from the text of /usr/local/.vx_version (null when the file is absent) and the
 * drscout.conf text (null when absent). Pure, so every combination is tested without a machine.
 */
export function linuxAgentFacts(
  vxVersionText: string | null,
  drscoutText: string | null,
  /** INSTALLATION_DIR as the system sees it (the probe strips a --root prefix the installer recorded). */
  installDir?: string,
): AgentFacts {
  if (vxVersionText === null) return NO_AGENT;
  const values = parseKeyValueLines(vxVersionText);
  const status = values.get('AGENT_CONFIGURATION_STATUS') ?? null;
  return {
    installed: true,
    version: values.get('Version') ?? values.get('VERSION') ?? null,
    installDir: installDir ?? values.get('INSTALLATION_DIR') ?? null,
    registered: status === null ? null : status.toLowerCase() === 'succeeded',
    configurationStatus: status,
    csAddress: drscoutText === null ? null : parseDrscoutServer(drscoutText),
    source: VX_VERSION_PATH,
  };
}
