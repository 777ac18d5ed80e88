import type { AntivirusChoice } from '../../../common/antivirus';
import type { AgentFacts } from '../../../common/detection';
import type { AgentSummary, JobOutcome } from '../../../common/install';
import type { JobEnding } from '../jobs/job-engine';
import { machineStateOf, withMachineState } from '../jobs/job-stop';
import { machineStateFromAgent } from './outcomes';
import type { PipelineEnv } from './pipeline-env';
import { buildSummary } from './summary';

/**
 * The ending of a job on the agent (install, register): the summary is read from the machine after the
 * job, and a failed or cancelled job's machine state is said from that same reading, so they agree.
 */
export async function concludeAgentJob(
  env: PipelineEnv,
  ending: JobEnding,
  facts: {
    agent: AgentFacts | null;
    logFiles: string[];
    upgrade: boolean;
    targetVersion: string | null;
    antivirusChoice?: AntivirusChoice;
  },
): Promise<{ outcome: JobOutcome; summary: AgentSummary | null }> {
  const agent = facts.agent ?? (await env.detection.readAgent().catch(() => null));
  const summary = agent ? buildSummary(env, agent, facts.logFiles, facts.antivirusChoice) : null;
  if (ending.state === 'succeeded') return { outcome: ending.outcome, summary };
  const stop = {
    step: ending.step,
    upgrade: facts.upgrade,
    targetVersion: facts.targetVersion,
    uninstallHint: env.profile.uninstallHint,
  };
  const current = machineStateOf(ending.outcome);
  const read = machineStateFromAgent(current, stop, agent);
  return { outcome: read === current ? ending.outcome : withMachineState(ending.outcome, read), summary };
}
