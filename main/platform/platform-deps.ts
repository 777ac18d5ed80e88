import type { CommandRunner } from '../ports/ports';
import type { SystemPaths } from './system-paths';

/**
 * What the OS probes need from the outside world. The core's deps satisfy it as they are; it lives here so
 * that platform/ depends on the core's ports only, never on the core itself.
 */
export interface PlatformDeps {
  paths: SystemPaths;
  /** process.platform, or an override for tests. */
  platform: NodeJS.Platform;
  runner: CommandRunner;
}
