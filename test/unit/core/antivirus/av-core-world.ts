/**
 * The anti-virus tests' world: throw-away sandbox roots with scanners in them (test/world/antivirus-scanners.ts)
 * and a core over one, all removed after each test.
 */
import { rmSync } from 'node:fs';
import { afterEach } from 'vitest';
import type { AntivirusReport, ScannerFinding } from '../../../../common/antivirus';
import { createCore } from '../../../../main/core/app-core';
import type { Core } from '../../../../main/core/app-core';
import { avSandbox as makeSandbox } from '../../../world/antivirus-scanners';
import type { AvSandbox } from '../../../world/antivirus-scanners';

const session = {
  shell: 'browser' as const,
  demo: false,
  defaults: { installerDir: null, csEndpoint: null, dataPort: null },
  appVersion: 'test',
};

/** Registers the clean-up; returns the sandbox and core makers whose results it removes. */
export function useAvCoreWorld(): { avSandbox(): AvSandbox; coreFor(root: string): Core } {
  const sandboxes: AvSandbox[] = [];
  const cores: Core[] = [];
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.dispose();
    for (const sandbox of sandboxes.splice(0)) rmSync(sandbox.root, { recursive: true, force: true });
  });
  return {
    avSandbox() {
      const sandbox = makeSandbox();
      sandboxes.push(sandbox);
      return sandbox;
    },
    coreFor(root) {
      const core = createCore({ root, platform: 'linux', session });
      cores.push(core);
      return core;
    },
  };
}

/** One scanner of a report, by id. */
export const scannerIn = (report: AntivirusReport, id: string): ScannerFinding | undefined =>
  report.scanners.find((s) => s.id === id);
