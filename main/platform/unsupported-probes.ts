import os from 'node:os';
import { NO_AGENT } from '../../common/detection';
import type { PlatformDeps } from './platform-deps';
import type { DetectionProbes } from './detection-probes';
import { readMachineFacts } from './machine-facts';
import { supportVerdict } from './support-matrix';
import type { RootFiles } from './root-files';

/** macOS and other systems: the agent has no installer for them, and detection says so plainly. */
export function createUnsupportedDetectionProbes(deps: PlatformDeps, files: RootFiles): DetectionProbes {
  return {
    async readOs() {
      const machine = await readMachineFacts(deps.paths, files);
      return {
        os: {
          family: 'other',
          distribution: os.type(),
          version: os.release(),
          kernel: machine.kernel,
          arch: machine.arch,
          source: null,
        },
        ...supportVerdict({ token: null, supported: false, supportReason: 'support.platform' }, 'support.platform', {
          system: os.type(),
        }),
      };
    },
    readAgent: () => Promise.resolve(NO_AGENT),
    readPrivileges() {
      const uid = process.getuid?.() ?? -1;
      return Promise.resolve({
        elevated: uid === 0,
        user: `uid ${uid}`,
        canElevate: false,
        method: uid === 0 ? 'none-needed' : 'unavailable',
      });
    },
    checkDisk: () => Promise.resolve([]),
    readPendingRestart: () => Promise.resolve({ pending: false, markers: [] }),
  };
}
