import type { CoreDeps } from '../core/core-deps';
import type { AntivirusProbes } from './antivirus-probes';
import { createLinuxAntivirusProbes } from './linux/antivirus-probes';
import { createWin32AntivirusProbes } from './win32/antivirus-probes';
import type { DetectionProbes } from './detection-probes';
import { createLinuxDetectionProbes } from './linux/detection-probes';
import { createRootFiles } from './root-files';
import type { RootFiles } from './root-files';
import { createWin32DetectionProbes } from './win32/detection-probes';
import { createUnsupportedDetectionProbes } from './unsupported-probes';
import type { TroubleshootProbes } from './troubleshoot-probes';
import { createLinuxTroubleshootProbes } from './linux/troubleshoot-probes';
import { createWin32TroubleshootProbes } from './win32/troubleshoot-probes';

/**
 * The only place that chooses OS-specific code by platform. Everything else talks to the interfaces.
 * `files` may be injected (tests count reads through it).
 */
export function selectDetectionProbes(deps: CoreDeps, files: RootFiles = createRootFiles(deps.paths)): DetectionProbes {
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
export function selectAntivirusProbes(deps: CoreDeps, files: RootFiles = createRootFiles(deps.paths)): AntivirusProbes | null {
  switch (deps.platform) {
    case 'linux':
      return createLinuxAntivirusProbes(deps, files);
    case 'win32':
      return createWin32AntivirusProbes(deps);
    default:
      return null;
  }
}

/** The troubleshooting probes (vendor logs, agent services, push-install readiness); null where there are none. */
export function selectTroubleshootProbes(deps: CoreDeps, files: RootFiles = createRootFiles(deps.paths)): TroubleshootProbes | null {
  switch (deps.platform) {
    case 'linux':
      return createLinuxTroubleshootProbes(files);
    case 'win32':
      return createWin32TroubleshootProbes(deps);
    default:
      return null;
  }
}
