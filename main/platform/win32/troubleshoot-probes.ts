import type { TroubleshootProbes } from '../troubleshoot-probes';
import type { PlatformDeps } from '../platform-deps';
import { system32 } from './detection-probes';
import { parseRegQuery, regQueryArgs } from './reg-query';
import { POLICIES_SYSTEM_KEY, win32PushReadiness } from './push-readiness';
import { FIREWALL_RULES_ARGS, parseFirewallRules } from './firewall-rules';
import { WIN32_AGENT_SERVICES, parseScQuery, scQueryArgs, serviceState } from './sc-query';

/** ../shared/domain.md "Logs": the installer's, the configurator's and the MSI uninstall's logs. */
const ASR_SETUP_LOGS = 'C:\\ProgramData\\ASRSetupLogs';

export function createWin32TroubleshootProbes(deps: PlatformDeps): TroubleshootProbes {
  const readKey = async (key: string) => {
    const result = await deps.runner
      .run(system32('reg.exe'), regQueryArgs(key), { timeoutMs: 15_000 })
      .catch(() => null);
    return result?.code === 0 ? parseRegQuery(result.stdout) : null;
  };
  // Exit 0 with the list; "No rules match" (exit 1) or any failure is no answer.
  const firewallRules = async () => {
    const result = await deps.runner
      .run(system32('netsh.exe'), [...FIREWALL_RULES_ARGS], { timeoutMs: 15_000 })
      .catch(() => null);
    return result?.code === 0 ? parseFirewallRules(result.stdout) : null;
  };
  return {
    vendorLogs: ['ASRUnifiedAgentInstaller.log', 'ASRUnifiedAgentConfigurator.log', 'UnifiedAgentMSIUninstall.log'].map(
      (name) => `${ASR_SETUP_LOGS}\\${name}`,
    ),
    agentServices: () =>
      Promise.all(
        WIN32_AGENT_SERVICES.map(async (name) => {
          const result = await deps.runner
            .run(system32('sc.exe'), scQueryArgs(name), { timeoutMs: 15_000 })
            .catch(() => null);
          // 0: found; 1060: not installed. Anything else (access denied, no output) is no answer.
          const answered = result !== null && (result.code === 0 || result.code === 1060);
          return serviceState(name, answered ? parseScQuery(result.stdout) : null);
        }),
      ),
    pushReadiness: async () => {
      const [rules, policies] = await Promise.all([firewallRules(), readKey(POLICIES_SYSTEM_KEY)]);
      return win32PushReadiness(rules, policies);
    },
  };
}
