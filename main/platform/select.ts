import type { PlatformDeps } from './platform-deps';
import type { OsFamily } from '../../common/detection';
import type { AntivirusProbes } from './antivirus-probes';
import { createLinuxAntivirusProbes } from './linux/antivirus-probes';
import { createWin32AntivirusProbes } from './win32/antivirus-probes';
import type { DetectionProbes } from './detection-probes';
import { createLinuxDetectionProbes } from './linux/detection-probes';
import { linuxProfile } from './linux/profile';
import type { OsProfile } from './os-profile';
import { createRootFiles } from './root-files';
import type { RootFiles } from './root-files';
import { createWin32DetectionProbes } from './win32/detection-probes';
import { win32Profile } from './win32/profile';
import { createUnsupportedDetectionProbes } from './unsupported-probes';
import type { TroubleshootProbes } from './troubleshoot-probes';
import { createLinuxTroubleshootProbes } from './linux/troubleshoot-probes';
import { createWin32TroubleshootProbes } from './win32/troubleshoot-probes';

/**
 * The only place that chooses OS-specific code by platform. Everything else talks to the interfaces.
 * `files` may be injected (tests count reads through it).
 */
export function selectDetectionProbes(
  deps: PlatformDeps,
  files: RootFiles = createRootFiles(deps.paths),
): DetectionProbes {
  switch (deps.platform) {
    case 'linux':
      return createLinuxDetectionProbes(deps, files);
    case 'win32':
      return createWin32DetectionProbes(deps, files);
    default:
      return createUnsupportedDetectionProbes(deps, files);
  }
}

/** The anti-virus check's OS-specific probes (null where there are none). */
export function selectAntivirusProbes(
  deps: PlatformDeps,
  files: RootFiles = createRootFiles(deps.paths),
): AntivirusProbes | null {
  switch (deps.platform) {
    case 'linux':
      return createLinuxAntivirusProbes(deps, files);
    case 'win32':
      return createWin32AntivirusProbes(deps);
    default:
      return null;
  }
}

/**
 * The OS profile (paths, folders, hints, vendor commands). Hosts other than Windows get the Linux profile for
 * their folders; whether the agent can be installed there is the detection's and the install handlers' answer.
 */
export function selectOsProfile(platform: NodeJS.Platform): OsProfile {
  return platform === 'win32' ? win32Profile : linuxProfile;
}

/** The OS family a report names for this platform ("other" where the agent has no build). */
export function osFamilyOf(platform: NodeJS.Platform): OsFamily {
  return platform === 'linux' || platform === 'win32' ? platform : 'other';
}

/** The troubleshooting probes (vendor logs, agent services, push-install readiness); null where there are none. */
export function selectTroubleshootProbes(
  deps: PlatformDeps,
  files: RootFiles = createRootFiles(deps.paths),
): TroubleshootProbes | null {
  switch (deps.platform) {
    case 'linux':
      return createLinuxTroubleshootProbes(files);
    case 'win32':
      return createWin32TroubleshootProbes(deps);
    default:
      return null;
  }
}
