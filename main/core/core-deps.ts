import type { UiLanguage } from '../../common/ui-language';
import type { EventBus } from '../api/event-bus';
import type { CommandRunner, Clock, Logger } from '../ports/ports';
import type { OsProfile } from '../platform/os-profile';
import type { SystemPaths } from '../platform/system-paths';

/** Opens files for a person on the desktop; only the Electron shell has one. */
export interface Desktop {
  openPath(path: string): Promise<boolean>;
  /**
   * The native save dialog, opened by the shell (never a path from the page), worded in the window's language;
   * null when the person cancelled.
   */
  chooseSaveFile(defaultName: string, language: UiLanguage): Promise<string | null>;
}

/** Everything a core service may depend on. Built once by a front door's composition root. */
export interface CoreDeps {
  paths: SystemPaths;
  /** process.platform, or an override for tests; the platform adapter is chosen from it. */
  platform: NodeJS.Platform;
  /** Paths, folders, hints and vendor commands of this OS: the core asks it instead of branching on the OS. */
  profile: OsProfile;
  runner: CommandRunner;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  desktop: Desktop | null;
  /** Ends a vendor installer/configurator that printed nothing for this long (default 15 minutes). */
  inactivityTimeoutMs?: number;
}
