import type { AgentFacts, DiskCheck, OsFacts, PendingRestartFacts, PrivilegeFacts } from '../../common/detection';
import type { SupportVerdict } from './support-matrix';

/** The OS section of the report: facts plus the installer token and support verdict. */
export interface OsSection extends SupportVerdict {
  os: OsFacts;
}

/**
 * The one interface behind which Linux and Windows detection differ. Each method is one section of
 * the report, so the service can run them in parallel and publish each as it finishes.
 * Methods never reject for "not found": absence is a fact (agent not installed, no elevation).
 */
export interface DetectionProbes {
  readOs(): Promise<OsSection>;
  readAgent(): Promise<AgentFacts>;
  readPrivileges(): Promise<PrivilegeFacts>;
  /** Free space against the prerequisites; `installDir` (a system path) replaces the default install folder. */
  checkDisk(installDir?: string): Promise<DiskCheck[]>;
  /** Whether a system restart is pending (the vendor's installer refuses with exit 62 when one is). */
  readPendingRestart(): Promise<PendingRestartFacts>;
}
