import fs from 'node:fs';
import type { AgentFacts } from '../../../common/detection';
import type { AntivirusChoice } from '../../../common/antivirus';
import type { AgentSummary } from '../../../common/install';
import { compareVersions } from './installer-finder';
import type { PipelineEnv } from './pipeline-env';
import { realPath } from './pipeline-env';

/**
 * Where WALinuxAgent shows itself on the distributions the vendor supports (system paths). INFERRED: the
 * vendor documents no marker; these are where the distributions' waagent / walinuxagent packages put them.
 */
const WALINUXAGENT_MARKERS = ['/usr/sbin/waagent', '/usr/bin/waagent', '/usr/lib/systemd/system/waagent.service', '/lib/systemd/system/waagent.service', '/usr/lib/systemd/system/walinuxagent.service', '/lib/systemd/system/walinuxagent.service'];

/** The vendor: "the Mobility service installer (9.7.0.0 and later) also installs the Azure VM agent" (Windows). */
export const WINDOWS_AZURE_VM_AGENT_SINCE = '9.7.0.0';

export const AZURE_VM_AGENT_NOTE = {
  win32: 'The Azure VM agent is installed with the Mobility service (9.7.0.0 and later).',
  linux: 'Install WALinuxAgent on the Azure VM after failover (the Mobility service does not install it on Linux).',
} as const;

function walinuxagentPresent(env: PipelineEnv): boolean {
  return WALINUXAGENT_MARKERS.some((marker) => fs.existsSync(realPath(env.deps, marker)));
}

/** The Azure VM agent note for an agent as it is now; null where it would not be true. */
export function azureVmAgentNote(platform: 'linux' | 'win32', agent: Pick<AgentFacts, 'installed' | 'version'>): string | null {
  if (!agent.installed) return null;
  if (platform === 'linux') return AZURE_VM_AGENT_NOTE.linux;
  // An unknown version cannot be said to be 9.7.0.0 or later.
  if (agent.version === null || compareVersions(agent.version, WINDOWS_AZURE_VM_AGENT_SINCE) < 0) return null;
  return AZURE_VM_AGENT_NOTE.win32;
}

/** The summary screen's facts, read from the agent's state after the job. */
export function buildSummary(env: PipelineEnv, agent: AgentFacts, logFiles: string[], antivirusChoice?: AntivirusChoice): AgentSummary {
  const linux = env.commands.platform === 'linux';
  return {
    installed: agent.installed,
    version: agent.installed ? agent.version : null,
    installDir: agent.installed ? agent.installDir : null,
    registered: agent.installed && agent.registered === true,
    server: agent.installed ? agent.csAddress : null,
    logFiles,
    azureVmAgentNote: azureVmAgentNote(linux ? 'linux' : 'win32', agent),
    walinuxagentPresent: linux ? walinuxagentPresent(env) : null,
    ...(env.antivirusNote ? { antivirus: env.antivirusNote(antivirusChoice) } : {}),
  };
}
