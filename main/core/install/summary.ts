import fs from 'node:fs';
import type { AgentFacts } from '../../../common/detection';
import type { AntivirusChoice } from '../../../common/antivirus';
import type { AgentSummary } from '../../../common/install';
import type { PipelineEnv } from './pipeline-env';
import { realPath } from './pipeline-env';

/** Where WALinuxAgent shows itself on the distributions the vendor supports (system paths). */
const WALINUXAGENT_MARKERS = ['/usr/sbin/waagent', '/usr/bin/waagent', '/usr/lib/systemd/system/waagent.service', '/lib/systemd/system/waagent.service', '/usr/lib/systemd/system/walinuxagent.service', '/lib/systemd/system/walinuxagent.service'];

export const AZURE_VM_AGENT_NOTE = {
  win32: 'The Azure VM agent is installed with the Mobility service (9.7.0.0 and later).',
  linux: 'Install WALinuxAgent on the Azure VM after failover (the Mobility service does not install it on Linux).',
} as const;

function walinuxagentPresent(env: PipelineEnv): boolean {
  return WALINUXAGENT_MARKERS.some((marker) => fs.existsSync(realPath(env.deps, marker)));
}

/** The summary screen's facts, read from the agent's state after the job. */
export function buildSummary(env: PipelineEnv, agent: AgentFacts, logFiles: string[], antivirusChoice?: AntivirusChoice): AgentSummary {
  const linux = env.commands.platform === 'linux';
  return {
    version: agent.version,
    installDir: agent.installDir,
    registered: agent.registered === true,
    server: agent.csAddress,
    logFiles,
    azureVmAgentNote: linux ? AZURE_VM_AGENT_NOTE.linux : AZURE_VM_AGENT_NOTE.win32,
    walinuxagentPresent: linux ? walinuxagentPresent(env) : null,
    ...(env.antivirusNote ? { antivirus: env.antivirusNote(antivirusChoice) } : {}),
  };
}
