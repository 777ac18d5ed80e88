import type { CoreDeps } from '../core/core-deps';
import type { DetectionProbes } from './detection-probes';
import { createLinuxDetectionProbes } from './linux/detection-probes';
import { createRootFiles } from './root-files';
import type { RootFiles } from './root-files';
import { createWin32DetectionProbes } from './win32/detection-probes';
import { createUnsupportedDetectionProbes } from './unsupported-probes';

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
