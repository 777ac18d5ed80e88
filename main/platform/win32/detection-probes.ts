import os from 'node:os';
import path from 'node:path';
import type { PlatformDeps } from '../platform-deps';
import type { DetectionProbes } from '../detection-probes';
import { checkDiskSpace, MB, requirementsFor } from '../disk-space';
import type { DiskRequirement } from '../disk-space';
import { readMachineFacts } from '../machine-facts';
import type { RootFiles } from '../root-files';
import { win32AgentCommands } from './agent-commands';
import { AGENT_PRODUCT_KEY, AGENT_SERVER_KEY, AGENT_UNINSTALL_KEY, windowsAgentFacts } from './agent-registry';
import { windowsPrivileges } from './privileges';
import {
  CBS_REBOOT_PENDING_KEY,
  PENDING_RENAMES_VALUE,
  SESSION_MANAGER_KEY,
  WU_REBOOT_REQUIRED_KEY,
  windowsPendingRestart,
} from './pending-restart';
import { parseRegQuery, regNumber, regQueryArgs } from './reg-query';
import type { RegKey } from './reg-query';
import { SUPPORT_MATRIX } from '../support-matrix';
import { QFE_ARGS, parseHotFixIds } from './hotfixes';
import {
  buildFromRelease,
  CURRENT_VERSION_KEY,
  needsUpdateCheck,
  windowsOsVerdict,
  windowsVersionFacts,
} from './windows-os';

const UAC_POLICY_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System';
/** Windows prerequisite (shared/domain.md): 500 MB free in the install folder. */
export const WINDOWS_DISK_REQUIREMENTS: readonly DiskRequirement[] = [
  { path: win32AgentCommands.defaultInstallDir, requiredBytes: 500 * MB },
];

const REG_TIMEOUT_MS = 15_000;

/** System32 tools by full path, so a reg.exe planted in the working directory or PATH is never run. */
export function system32(tool: string): string {
  return path.win32.join(process.env.SystemRoot ?? 'C:\\Windows', 'System32', tool);
}

export function createWin32DetectionProbes(deps: PlatformDeps, files: RootFiles): DetectionProbes {
  /** The key's values, or [] when reg.exe says it does not exist (exit 1 + "unable to find"). */
  const readKey = async (key: string, valueName?: string): Promise<RegKey[]> => {
    const result = await deps.runner.run(system32('reg.exe'), regQueryArgs(key, valueName), {
      timeoutMs: REG_TIMEOUT_MS,
    });
    return result.code === 0 ? parseRegQuery(result.stdout) : [];
  };

  return {
    async readOs() {
      const [machine, keys] = await Promise.all([readMachineFacts(deps.paths, files), readKey(CURRENT_VERSION_KEY)]);
      const facts = windowsVersionFacts(keys);
      if (facts.build === null) facts.build = buildFromRelease(machine.kernel);
      // Only an edition with required updates (Server 2008 R2 SP1) pays for listing the installed updates.
      let hotfixes: Set<string> | null = null;
      if (needsUpdateCheck(facts)) {
        const qfe = await deps.runner.run(system32('wbem\\WMIC.exe'), [...QFE_ARGS], { timeoutMs: REG_TIMEOUT_MS });
        hotfixes = qfe.code === 0 ? parseHotFixIds(qfe.stdout) : null;
      }
      return windowsOsVerdict(facts, machine.arch, machine.kernel, SUPPORT_MATRIX, hotfixes);
    },

    async readAgent() {
      const [product, uninstall, server] = await Promise.all([
        readKey(AGENT_PRODUCT_KEY),
        readKey(AGENT_UNINSTALL_KEY),
        readKey(AGENT_SERVER_KEY, 'ServerName'),
      ]);
      return windowsAgentFacts(product, uninstall, server);
    },

    async readPrivileges() {
      const [groups, uac] = await Promise.all([
        deps.runner.run(system32('whoami.exe'), ['/groups'], { timeoutMs: REG_TIMEOUT_MS }),
        readKey(UAC_POLICY_KEY, 'EnableLUA'),
      ]);
      let user = 'unknown';
      try {
        user = os.userInfo().username;
      } catch {
        // Keep "unknown": the verdict does not depend on the name.
      }
      return windowsPrivileges({
        user,
        whoamiGroups: groups.code === 0 ? groups.stdout : null,
        enableLua: regNumber(uac, 'EnableLUA'),
      });
    },

    checkDisk(installDir) {
      return checkDiskSpace(
        deps.paths,
        requirementsFor(WINDOWS_DISK_REQUIREMENTS, win32AgentCommands.defaultInstallDir, installDir),
      );
    },

    async readPendingRestart() {
      const [cbsRebootPending, wuRebootRequired, sessionManager] = await Promise.all([
        readKey(CBS_REBOOT_PENDING_KEY),
        readKey(WU_REBOOT_REQUIRED_KEY),
        readKey(SESSION_MANAGER_KEY, PENDING_RENAMES_VALUE),
      ]);
      return windowsPendingRestart({ cbsRebootPending, wuRebootRequired, sessionManager });
    },
  };
}
