import path from 'node:path';
import { EventBus } from '../../../../main/api/event-bus';
import type { CoreDeps } from '../../../../main/core/core-deps';
import { silentLogger, systemClock } from '../../../../main/ports/ports';
import type { CommandRunner } from '../../../../main/ports/ports';
import { processRunner } from '../../../../main/platform/process-runner';
import { selectOsProfile } from '../../../../main/platform/select';
import { SystemPaths } from '../../../../main/platform/system-paths';

export const FIXTURE_ROOTS = path.resolve(__dirname, '../../../fixtures/roots');

export function fixtureRoot(name: string): string {
  return path.join(FIXTURE_ROOTS, name);
}

export function testDeps(root: string, overrides: Partial<CoreDeps> & { runner?: CommandRunner } = {}): CoreDeps {
  return {
    paths: new SystemPaths(root),
    platform: 'linux',
    profile: selectOsProfile(overrides.platform ?? 'linux'),
    runner: processRunner,
    clock: systemClock,
    logger: silentLogger,
    events: new EventBus(),
    desktop: null,
    ...overrides,
  };
}
