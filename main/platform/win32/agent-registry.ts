import path from 'node:path';
import type { AgentFacts } from '../../../common/detection';
import { NO_AGENT } from '../../../common/detection';
import type { RegKey } from './reg-query';
import { regString } from './reg-query';

/**
 * The agent's product key (shared/domain.md "Installed state"). The vendor documents the key and
 * AgentConfigurationStatus; the other value names read below (Version, InstallDirectory, InstallPath) are
 * INFERRED from installed agents, and so is the MSI entry's DisplayVersion/InstallLocation fallback.
 */
export const AGENT_PRODUCT_KEY = 'HKLM\\SOFTWARE\\Wow6432Node\\InMage Systems\\Installed Products\\5';
/** The MSI's uninstall entry; where the vendor's own deployment script checks "is it installed". */
export const AGENT_UNINSTALL_KEY =
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{275197FC-14FD-4560-A5EB-38217F80CBD1}';
/** Unverified (shared/domain.md): the agent's CS address, ServerName under "SV Systems". Absence is not an error. */
export const AGENT_SERVER_KEY = 'HKLM\\SOFTWARE\\Wow6432Node\\SV Systems';

/**
 * The one place the agent's folders come from: the product key's InstallDirectory names the agent folder
 * (`…\\Microsoft Azure Site Recovery\\agent`), the MSI entry's InstallLocation its parent (with a trailing
 * backslash). AgentFacts.installDir is the parent, the install location: the installer takes it as
 * /InstallLocation and the register builder appends `agent` itself. Read verbatim, an upgrade installed into
 * `…\\agent` and register ran `…\\agent\\agent\\UnifiedAgentConfigurator.exe`.
 */
function installLocationOf(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.replace(/[\\/]+$/, '');
  const parent = path.win32.dirname(trimmed);
  if (path.win32.basename(trimmed).toLowerCase() === 'agent' && parent !== trimmed) return parent;
  return trimmed === '' ? null : trimmed;
}

/**
 * Pure: agent facts from the parsed keys (empty arrays when `reg query` said the key does not exist).
 * Installed when either the product key or the MSI's uninstall entry exists.
 */
export function windowsAgentFacts(
  product: readonly RegKey[],
  uninstall: readonly RegKey[],
  server: readonly RegKey[],
): AgentFacts {
  if (product.length === 0 && uninstall.length === 0) {
    return NO_AGENT;
  }
  const status = regString(product, 'AgentConfigurationStatus');
  const address = regString(server, 'ServerName');
  return {
    installed: true,
    version: regString(product, 'Version') ?? regString(uninstall, 'DisplayVersion'),
    installDir: installLocationOf(
      regString(product, 'InstallDirectory') ??
        regString(product, 'InstallPath') ??
        regString(uninstall, 'InstallLocation'),
    ),
    // No status value: installed, never configured.
    registered: product.length === 0 ? null : status !== null && status.toLowerCase() === 'succeeded',
    configurationStatus: status,
    csAddress: address === null || address === '0.0.0.0' ? null : address,
    source: product.length > 0 ? AGENT_PRODUCT_KEY : AGENT_UNINSTALL_KEY,
  };
}
