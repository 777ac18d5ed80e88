import path from 'node:path';
import type { OsProfile } from '../os-profile';
import type { SystemPaths } from '../system-paths';
import { linuxAgentCommands } from './agent-commands';

/** The vendor: the Mobility service does not install the Azure VM agent on Linux. */
const AZURE_VM_AGENT_NOTE =
  'Install WALinuxAgent on the Azure VM after failover (the Mobility service does not install it on Linux).';

/**
 * A Linux exit status has 8 bits, so a vendor binary that exits 3010 reaches us as 3010 & 0xFF = 194
 * (1641 → 105, 1602 → 66, 1603 → 67, 1618 → 82). None of these low bytes is a documented code of its
 * own, so they are read as the Windows code they came from. INFERRED: the vendor documents no Linux
 * exit codes at all; this mapping is ours.
 */
const LOW_BYTE: Readonly<Record<number, number>> = { 194: 3010, 105: 1641, 66: 1602, 67: 1603, 82: 1618 };

/** The app's own log folder; its name says whose it is next to the vendor's /var/log/ua_install.log. */
export const LINUX_LOG_DIR = '/var/log/mobility-setup';

/** The Linux profile; also used for other POSIX hosts (a developer's Mac), where the agent is not supported. */
export const linuxProfile: OsProfile = {
  platform: 'linux',
  commands: linuxAgentCommands,
  defaultInstallDir: linuxAgentCommands.defaultInstallDir,
  installer: {
    platform: 'linux',
    tokenFor: (detected) => detected,
    wantedFileName: (token) => `Microsoft-ASR_UA_<version>_${token}_GA_<date>_release.tar.gz`,
  },
  pathApi: path.posix,
  isAbsolute: (systemPath) => systemPath.startsWith('/'),
  // The tar.gz is not signed; its checksum file is what the installer search compares.
  signedInstaller: false,
  logDir: (paths: SystemPaths) => (paths.isSandbox ? path.join(paths.root, LINUX_LOG_DIR) : LINUX_LOG_DIR),
  uninstallHint: (installDir) => `as root: cd ${installDir} && ./uninstall.sh -Y`,
  azureVmAgentNote: (agent) => (agent.installed ? AZURE_VM_AGENT_NOTE : null),
  /**
   * INFERRED: the vendor documents no marker; these are where the distributions' waagent / walinuxagent
   * packages put them.
   */
  azureLinuxAgentMarkers: [
    '/usr/sbin/waagent',
    '/usr/bin/waagent',
    '/usr/lib/systemd/system/waagent.service',
    '/lib/systemd/system/waagent.service',
    '/usr/lib/systemd/system/walinuxagent.service',
    '/lib/systemd/system/walinuxagent.service',
  ],
  vendorExitCode: (status) => LOW_BYTE[status] ?? status,
};
