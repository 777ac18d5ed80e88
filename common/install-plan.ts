/**
 * What an install will do, decided the same way by the core's check step and by the wizard's review, so the
 * review can say beforehand what the summary will say afterwards (an upgrade, a registration of the agent
 * that is already there, or nothing to do).
 */
import type { AgentFacts } from './detection';
import { parseEndpoint } from './endpoint';
import type { Endpoint } from './endpoint';
import type { Registration } from './install';
import { compareVersions } from './version';

/** Whether the agent already points to the server being asked for: same host (case-insensitive) and port. */
export function sameServer(csAddress: string | null, endpoint: Endpoint | null): boolean {
  if (!csAddress || !endpoint) return false;
  const current = parseEndpoint(csAddress);
  if (!current.ok) return csAddress.toLowerCase() === endpoint.host.toLowerCase() && endpoint.port === 443;
  return current.endpoint.host.toLowerCase() === endpoint.host.toLowerCase() && current.endpoint.port === endpoint.port;
}

type AgentState = Pick<AgentFacts, 'installed' | 'version' | 'registered' | 'csAddress'>;

/**
 * Whether the configurator must run. Skipped only when nothing is installed and the agent is already
 * registered with the same server (classic), or when no registration is asked for.
 */
export function registrationNeeded(
  agent: AgentState,
  mode: Registration['mode'],
  endpoint: Endpoint | null,
  installNeeded: boolean,
): boolean {
  if (mode === 'none') return false;
  const alreadyRegistered = agent.registered === true && mode === 'classic' && sameServer(agent.csAddress, endpoint);
  return !(installNeeded === false && alreadyRegistered);
}

export type InstallAction = 'fresh' | 'upgrade' | 'downgrade' | 'registerOnly' | 'nothingToDo';

/** The one thing an install with this installer and registration will do on a machine with this agent. */
export function plannedInstallAction(
  agent: AgentState,
  installerVersion: string,
  mode: Registration['mode'],
  endpoint: Endpoint | null,
): InstallAction {
  if (!agent.installed || !agent.version) return 'fresh';
  const order = compareVersions(agent.version, installerVersion);
  if (order > 0) return 'downgrade';
  if (order < 0) return 'upgrade';
  return registrationNeeded(agent, mode, endpoint, false) ? 'registerOnly' : 'nothingToDo';
}
