import type { AntivirusChoice, AntivirusNote } from '../../../common/antivirus';
import type { ConnectivityReport } from '../../../common/connectivity';
import type { PrivilegeFacts } from '../../../common/detection';
import type { AgentCommands } from '../../platform/vendor-command';
import type { OsProfile } from '../../platform/os-profile';
import type { CoreDeps } from '../core-deps';
import type { DetectionService } from '../detect/detection-service';
import type { Elevator } from '../elevation/elevator';

export const DEFAULT_INACTIVITY_TIMEOUT_MS = 15 * 60_000;

/** Everything the install and register pipelines use; built once by createInstallHandlers. */
export interface PipelineEnv {
  deps: CoreDeps;
  detection: DetectionService;
  commands: AgentCommands;
  profile: OsProfile;
  /** The elevator for this machine's privileges; a string says why there is none. */
  elevatorFor(privileges: PrivilegeFacts): Elevator | { unavailable: string };
  /** Connectivity check of the configuration server before anything is installed; absent = skipped. */
  checkServer: ((endpoint: string, dataPort: number | undefined) => Promise<ConnectivityReport>) | null;
  /** Parent folder of the temporary extraction and secret folders. */
  workBase: string;
  /** The anti-virus note for the summary (absent: none is recorded). */
  antivirusNote?: (choice: AntivirusChoice | undefined) => AntivirusNote;
}

/** A system path as the vendor tools must get it: under the root prefix in a sandbox, as-is otherwise. */
export function realPath(deps: CoreDeps, systemPath: string): string {
  return deps.paths.isSandbox ? deps.paths.resolve(systemPath) : systemPath;
}

/** The vendor's log files, as real paths. */
export function vendorLogFiles(env: Pick<PipelineEnv, 'deps' | 'commands'>): string[] {
  return env.commands.vendorLogs.map((log) => realPath(env.deps, log));
}
