import type { AgentServiceState } from '../../../common/troubleshoot';
import type { RootFiles } from '../root-files';
import { runningProcessNames } from './process-scan';

/**
 * The agent's daemons, judged by running processes in /proc. UNVERIFIED (../shared/domain.md: "Linux service
 * names: unverified"): svagentsA is the replication daemon in the agent's Vx/bin, appservice the application
 * service; kept in this one table so a correction is one line.
 */
export const LINUX_AGENT_PROCESSES = ['svagentsA', 'appservice'] as const;

export async function linuxAgentServices(files: RootFiles): Promise<AgentServiceState[]> {
  const names = new Set(await runningProcessNames(files));
  return LINUX_AGENT_PROCESSES.map((name) => ({
    name,
    running: names.has(name),
    detail: names.has(name) ? 'a process of this name is running' : 'no process of this name in /proc',
  }));
}
