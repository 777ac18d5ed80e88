import type { TroubleshootProbes } from '../troubleshoot-probes';
import { win32PushReadiness } from './push-readiness';

/** ../shared/domain.md "Logs": the installer's, the configurator's and the MSI uninstall's logs. */
const ASR_SETUP_LOGS = 'C:\\ProgramData\\ASRSetupLogs';

export function createWin32TroubleshootProbes(): TroubleshootProbes {
  return {
    vendorLogs: ['ASRUnifiedAgentInstaller.log', 'ASRUnifiedAgentConfigurator.log', 'UnifiedAgentMSIUninstall.log'].map(
      (name) => `${ASR_SETUP_LOGS}\\${name}`,
    ),
    // `sc query` parsing comes with captured output fixtures (next round); until then the line says "not checked".
    agentServices: () => Promise.resolve(null),
    pushReadiness: () => Promise.resolve(win32PushReadiness()),
  };
}
