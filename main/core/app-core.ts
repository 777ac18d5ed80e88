import type { SessionInfo } from '../../common/api';
import type { EventBus } from '../api/event-bus';
import { createDispatcher } from '../api/dispatch';
import type { Dispatch, Handlers } from '../api/dispatch';
import { createAntivirusHandlers } from './antivirus';
import { AntivirusService } from './antivirus/antivirus-service';
import { createConnectivityHandlers } from './connectivity';
import type { CoreDeps } from './core-deps';
import { createDetectionHandlers } from './detect';
import { createCoreDeps } from './detection-core';
import type { CoreDepsOptions } from './detection-core';
import { DetectionService } from './detect/detection-service';
import { createInstallHandlers } from './install';
import { appFolders, findInstallerDirNearApp } from './install/installer-dir-default';
import { logJobLifecycle } from './app-log';

export interface CoreOptions extends CoreDepsOptions {
  session: Omit<SessionInfo, 'root' | 'platform'>;
  /** Folders searched for an installer when the session names none ("next to the app"). */
  installerSearchDirs?: readonly string[];
}

export interface Core {
  deps: CoreDeps;
  detection: DetectionService;
  antivirus: AntivirusService;
  handlers: Handlers;
  dispatch: Dispatch;
  events: EventBus;
  dispose(): Promise<void>;
}

/** Composes the core services. Each front door (Electron, browser host, CLI) builds exactly one. */
export function createCore(options: CoreOptions): Core {
  const deps = createCoreDeps(options);
  const events = deps.events;
  const session: SessionInfo = { ...options.session, root: deps.paths.root, platform: deps.platform };
  // Looked up once, on the first getSession, so starting a front door does no disk work for it.
  let sessionWithDefaults: Promise<SessionInfo> | null = null;
  const getSession = (): Promise<SessionInfo> =>
    (sessionWithDefaults ??= session.defaults.installerDir !== null
      ? Promise.resolve(session)
      : findInstallerDirNearApp(options.installerSearchDirs ?? appFolders()).then((installerDir) => ({ ...session, defaults: { ...session.defaults, installerDir } })));
  if (options.appLog) logJobLifecycle(events, deps.logger);
  const detection = new DetectionService(deps);
  const antivirus = new AntivirusService(deps, detection);
  const { dispose: disposeInstall, ...installHandlers } = createInstallHandlers(deps, detection, { antivirusNote: (choice) => antivirus.note(choice) });
  const handlers: Handlers = {
    getSession,
    ...createDetectionHandlers(detection),
    ...createConnectivityHandlers(deps),
    ...installHandlers,
    ...createAntivirusHandlers(antivirus),
  };
  return {
    deps,
    detection,
    antivirus,
    handlers,
    dispatch: createDispatcher(handlers, deps.logger),
    events,
    dispose: () => disposeInstall(),
  };
}
