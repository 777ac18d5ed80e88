import fs from 'node:fs';
import type { AgentFacts } from '../../../common/detection';
import type { AntivirusChoice } from '../../../common/antivirus';
import type { AgentSummary } from '../../../common/install';
import type { PipelineEnv } from './pipeline-env';
import { realPath } from './pipeline-env';

/** Whether WALinuxAgent is on this machine; null where the profile has no such agent (Windows). */
function walinuxagentPresent(env: PipelineEnv): boolean | null {
  const markers = env.profile.azureLinuxAgentMarkers;
  return markers === null ? null : markers.some((marker) => fs.existsSync(realPath(env.deps, marker)));
}

/** The summary screen's facts, read from the agent's state after the job. */
export function buildSummary(
  env: PipelineEnv,
  agent: AgentFacts,
  logFiles: string[],
  antivirusChoice?: AntivirusChoice,
): AgentSummary {
  return {
    installed: agent.installed,
    version: agent.installed ? agent.version : null,
    installDir: agent.installed ? agent.installDir : null,
    registered: agent.installed && agent.registered === true,
    server: agent.installed ? agent.csAddress : null,
    logFiles,
    azureVmAgentNote: env.profile.azureVmAgentNote(agent),
    walinuxagentPresent: walinuxagentPresent(env),
    ...(env.antivirusNote ? { antivirus: env.antivirusNote(antivirusChoice) } : {}),
  };
}
