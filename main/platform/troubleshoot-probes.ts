import type { AgentServiceState, PushReadinessItem } from '../../common/troubleshoot';

/** The troubleshooting facts that differ by OS; each OS's probes live in linux/ and win32/. */
export interface TroubleshootProbes {
  /** The vendor's installer and configurator logs (system paths). */
  vendorLogs: readonly string[];
  /** The agent's services and whether they run; null where this OS has no probe. */
  agentServices(): Promise<AgentServiceState[] | null>;
  /** What the configuration server's push install needs on this machine. */
  pushReadiness(): Promise<PushReadinessItem[]>;
}
