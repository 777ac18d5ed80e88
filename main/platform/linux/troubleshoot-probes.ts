import type { RootFiles } from '../root-files';
import type { TroubleshootProbes } from '../troubleshoot-probes';
import { linuxAgentServices } from './agent-services';
import { linuxPushReadiness } from './push-readiness';

export function createLinuxTroubleshootProbes(files: RootFiles): TroubleshootProbes {
  return {
    vendorLogs: ['/var/log/ua_install.log'],
    agentServices: () => linuxAgentServices(files),
    pushReadiness: () => linuxPushReadiness(files),
  };
}
