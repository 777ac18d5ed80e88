import os from 'node:os';
import path from 'node:path';
import type { PlatformDeps } from '../platform-deps';
import { linuxAgentCommands } from './agent-commands';
import type { DetectionProbes } from '../detection-probes';
import { checkDiskSpace, GB, MB, requirementsFor } from '../disk-space';
import type { DiskRequirement } from '../disk-space';
import { readMachineFacts } from '../machine-facts';
import type { RootFiles } from '../root-files';
import { linuxOsVerdict, RELEASE_FILE_PATHS } from './os-token';
import { readLinuxPendingRestart } from './pending-restart';
import type { LinuxReleaseFiles } from './os-token';
import { linuxPrivileges, PKEXEC_PATHS } from './privileges';
import { runningProcessNames } from './process-scan';
import { linuxAgentFacts, parseKeyValueLines, VX_VERSION_PATH } from './vx-version';

/** Linux prerequisites (shared/domain.md): 2 GB on /, 250 MB in the install folder. */
export const LINUX_DISK_REQUIREMENTS: readonly DiskRequirement[] = [
  { path: '/', requiredBytes: 2 * GB },
  { path: linuxAgentCommands.defaultInstallDir, requiredBytes: 250 * MB },
];

function currentUser(uid: number): string {
  try {
    return os.userInfo().username;
  } catch {
    // Containers may run with a uid that has no passwd entry.
    return `uid ${uid}`;
  }
}

export function createLinuxDetectionProbes(deps: PlatformDeps, files: RootFiles): DetectionProbes {
  return {
    async readOs() {
      const keys = Object.keys(RELEASE_FILE_PATHS) as (keyof LinuxReleaseFiles)[];
      const [machine, ...texts] = await Promise.all([
        readMachineFacts(deps.paths, files),
        ...keys.map((key) => files.readText(RELEASE_FILE_PATHS[key])),
      ]);
      const releaseFiles = Object.fromEntries(
        keys.map((key, i) => [key, texts[i] ?? null]),
      ) as unknown as LinuxReleaseFiles;
      return linuxOsVerdict(releaseFiles, machine.arch, machine.kernel);
    },

    async readAgent() {
      const vxVersion = await files.readText(VX_VERSION_PATH);
      if (vxVersion === null) return linuxAgentFacts(null, null);
      // The vendor's installer records the path it was handed: under --root that is already the physical
      // <root>/usr/local/ASR. Read it back as the system path, or every later use prefixes the root twice.
      const recorded = parseKeyValueLines(vxVersion).get('INSTALLATION_DIR');
      const installDir = recorded && path.posix.isAbsolute(recorded) ? deps.paths.toSystem(recorded) : recorded;
      const drscout =
        installDir && path.posix.isAbsolute(installDir)
          ? await files.readText(path.posix.join(installDir, 'etc/drscout.conf'))
          : null;
      return linuxAgentFacts(vxVersion, drscout, installDir);
    },

    async readPrivileges() {
      const uid = process.getuid?.() ?? -1;
      const user = currentUser(uid);
      if (uid === 0) return linuxPrivileges({ uid, user, pkexec: null, processNames: [] });
      const found = await Promise.all(
        PKEXEC_PATHS.map(async (candidate) => ((await files.exists(candidate)) ? candidate : null)),
      );
      const pkexec = found.find((candidate) => candidate !== null) ?? null;
      const processNames = pkexec === null ? [] : await runningProcessNames(files);
      return linuxPrivileges({ uid, user, pkexec, processNames });
    },

    checkDisk(installDir) {
      return checkDiskSpace(
        deps.paths,
        requirementsFor(LINUX_DISK_REQUIREMENTS, linuxAgentCommands.defaultInstallDir, installDir),
      );
    },

    readPendingRestart: () => readLinuxPendingRestart(deps, files),
  };
}
