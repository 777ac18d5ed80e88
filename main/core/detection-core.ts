import path from 'node:path';
import { EventBus } from '../api/event-bus';
import { createFileLogger, teeLogger } from './app-log';
import type { CoreDeps, Desktop } from './core-deps';
import { DetectionService } from './detect/detection-service';
import type { CommandRunner, Clock, Logger } from '../ports/ports';
import { silentLogger, systemClock } from '../ports/ports';
import { processRunner } from '../platform/process-runner';
import { APP_LOG_NAME } from '../platform/os-profile';
import type { OsProfile } from '../platform/os-profile';
import { selectOsProfile } from '../platform/select';
import { SystemPaths } from '../platform/system-paths';

/** What every composition root decides about the outside world (app-core adds the session and install settings). */
export interface CoreDepsOptions {
  root?: string;
  platform?: NodeJS.Platform;
  /** The OS profile; by default the one for `platform`. */
  profile?: OsProfile;
  runner?: CommandRunner;
  clock?: Clock;
  logger?: Logger;
  desktop?: Desktop | null;
  /** Ends a vendor installer/configurator that printed nothing for this long (default 15 minutes). */
  inactivityTimeoutMs?: number;
  /** Also write Mobility Setup's own log file (front doors do; unit tests leave it off). */
  appLog?: boolean;
}

export function createCoreDeps(options: CoreDepsOptions): CoreDeps {
  const paths = new SystemPaths(options.root ?? '/');
  const platform = options.platform ?? process.platform;
  const profile = options.profile ?? selectOsProfile(platform);
  const given = options.logger ?? silentLogger;
  return {
    paths,
    platform,
    profile,
    runner: options.runner ?? processRunner,
    clock: options.clock ?? systemClock,
    logger: options.appLog ? teeLogger(given, createFileLogger(path.join(profile.logDir(paths), APP_LOG_NAME))) : given,
    events: new EventBus(),
    desktop: options.desktop ?? null,
    ...(options.inactivityTimeoutMs !== undefined ? { inactivityTimeoutMs: options.inactivityTimeoutMs } : {}),
  };
}

/**
 * Detection alone, for `mobility-setup detect`: the same probes as the full core (app-core), without the
 * install pipeline, connectivity checks and request validation, whose modules (tar, zod, sudo-prompt) cost
 * more to load than detection takes to run.
 */
export function createDetectionCore(options: CoreDepsOptions): { deps: CoreDeps; detection: DetectionService } {
  const deps = createCoreDeps(options);
  return { deps, detection: new DetectionService(deps) };
}
