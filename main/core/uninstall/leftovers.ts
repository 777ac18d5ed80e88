import type { AgentFacts } from '../../../common/detection';
import type { PipelineEnv } from '../install/pipeline-env';
import { realPath } from '../install/pipeline-env';

/**
 * What the uninstaller left behind, each named as the system sees it with what it is: the agent's state
 * (version file or registry key) and its install folder. Services are not listed: their Linux names are
 * unverified (shared/domain.md), and on Windows they go with the MSI.
 */
export function agentLeftovers(
  env: Pick<PipelineEnv, 'deps'>,
  before: AgentFacts | null,
  after: AgentFacts,
  exists: (realPath: string) => boolean,
): string[] {
  const left: string[] = [];
  if (after.installed)
    left.push(
      `the agent's installed state (${after.source ?? 'version record'}, version ${after.version ?? 'unknown'})`,
    );
  const folder = before?.installDir;
  if (folder && exists(realPath(env.deps, folder))) left.push(`the install folder ${folder}`);
  return left;
}
