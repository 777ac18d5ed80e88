import type { TroubleshootProbes } from '../troubleshoot-probes';
import type { PlatformDeps } from '../platform-deps';
import { system32 } from './detection-probes';
import { parseRegQuery, regQueryArgs } from './reg-query';
import { POLICIES_SYSTEM_KEY, win32PushReadiness } from './push-readiness';

/** ../shared/domain.md "Logs": the installer's, the configurator's and the MSI uninstall's logs. */
const ASR_SETUP_LOGS = 'C:\\ProgramData\\ASRSetupLogs';

export function createWin32TroubleshootProbes(deps: PlatformDeps): TroubleshootProbes {
  const readKey = async (key: string) => {
    const result = await deps.runner
      .run(system32('reg.exe'), regQueryArgs(key), { timeoutMs: 15_000 })
      .catch(() => null);
    return result?.code === 0 ? parseRegQuery(result.stdout) : null;
  };
  return {
    vendorLogs: ['ASRUnifiedAgentInstaller.log', 'ASRUnifiedAgentConfigurator.log', 'UnifiedAgentMSIUninstall.log'].map(
      (name) => `${ASR_SETUP_LOGS}\\${name}`,
    ),
    // `sc query` parsing comes with captured output fixtures (next round); until then the line says "not checked".
    agentServices: () => Promise.resolve(null),
    pushReadiness: async () => win32PushReadiness(await readKey(POLICIES_SYSTEM_KEY)),
  };
}
