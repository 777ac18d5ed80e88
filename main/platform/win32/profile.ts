import path from 'node:path';
import { compareVersions } from '../../../common/version';
import type { OsProfile } from '../os-profile';
import type { SystemPaths } from '../system-paths';
import { win32AgentCommands } from './agent-commands';

/** The vendor: "the Mobility service installer (9.7.0.0 and later) also installs the Azure VM agent". */
export const WINDOWS_AZURE_VM_AGENT_SINCE = '9.7.0.0';
const AZURE_VM_AGENT_NOTE = 'The Azure VM agent is installed with the Mobility service (9.7.0.0 and later).';

/**
 * The app's own log folder: %ProgramData%\Mobility Setup (machine-wide, like the vendor's
 * %ProgramData%\ASRSetupLogs). A sandbox root keeps it under the root, so tests never write outside it.
 */
export function win32LogDir(paths: SystemPaths, env: NodeJS.ProcessEnv = process.env): string {
  if (paths.isSandbox) return path.join(paths.root, 'ProgramData', 'Mobility Setup');
  const programData = env.ProgramData && path.win32.isAbsolute(env.ProgramData) ? env.ProgramData : 'C:\\ProgramData';
  return path.win32.join(programData, 'Mobility Setup');
}

const WINDOWS_ABSOLUTE = /^[A-Za-z]:[\\/]/;

export const win32Profile: OsProfile = {
  platform: 'win32',
  commands: win32AgentCommands,
  defaultInstallDir: win32AgentCommands.defaultInstallDir,
  installer: {
    platform: 'win32',
    // One installer for every Windows edition: the .exe always carries the token "Windows".
    tokenFor: () => 'Windows',
    wantedFileName: () => 'Microsoft-ASR_UA_<version>_Windows_GA_<date>_release.exe',
  },
  pathApi: path.win32,
  isAbsolute: (systemPath) => WINDOWS_ABSOLUTE.test(systemPath),
  signedInstaller: true,
  logDir: (paths) => win32LogDir(paths),
  uninstallHint: () => 'Programs and Features → Microsoft Azure Site Recovery Mobility Service → Uninstall',
  azureVmAgentNote: (agent) => {
    if (!agent.installed) return null;
    // An unknown version cannot be said to be 9.7.0.0 or later.
    if (agent.version === null || compareVersions(agent.version, WINDOWS_AZURE_VM_AGENT_SINCE) < 0) return null;
    return AZURE_VM_AGENT_NOTE;
  },
  azureLinuxAgentMarkers: null,
  // Windows reports the full 32-bit exit code.
  vendorExitCode: (status) => status,
};
