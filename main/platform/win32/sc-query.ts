/**
 * `sc query <service>`: one service's state. The argument array is fixed (the name comes from the table below,
 * never from input); the labels and state words sc prints (SERVICE_NAME, STATE, RUNNING…) are the same on every
 * Windows display language. Exit 1060 with "FAILED 1060" means the service is not installed.
 */
import type { AgentServiceState } from '../../../common/troubleshoot';

/** ../shared/domain.md "Installed state": the agent's Windows services, by service name. */
export const WIN32_AGENT_SERVICES = ['svagents', 'InMage Scout Application Service'] as const;

export const scQueryArgs = (service: string): string[] => ['query', service];

export type ScQueryResult = { installed: true; state: string } | { installed: false } | { unreadable: true };

export function parseScQuery(output: string): ScQueryResult {
  if (/FAILED 1060\b/.test(output)) return { installed: false };
  const state = /^\s*STATE\s*:\s*\d+\s+([A-Z_]+)/m.exec(output)?.[1];
  return state ? { installed: true, state } : { unreadable: true };
}

/** One health fact per service: running, not running (which state), not installed, or not readable. */
export function serviceState(name: string, result: ScQueryResult | null): AgentServiceState {
  if (result === null || 'unreadable' in result) return { name, running: null, detail: '`sc query` gave no state' };
  if (!result.installed)
    return { name, running: false, detail: 'not installed (sc query: 1060, the service does not exist)' };
  return { name, running: result.state === 'RUNNING', detail: `sc query: ${result.state}` };
}
