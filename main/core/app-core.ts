import type { SessionInfo } from '../../common/api';
import type { EventBus } from '../api/event-bus';
import { createDispatcher } from '../api/dispatch';
import type { Dispatch, Handlers } from '../api/dispatch';
import { createAntivirusHandlers } from './antivirus';
import { AntivirusService } from './antivirus/antivirus-service';
import type { CoreDeps } from './core-deps';
import { createDetectionHandlers } from './detect';
import { createCoreDeps } from './detection-core';
import type { CoreDepsOptions } from './detection-core';
import { DetectionService } from './detect/detection-service';
import { chooseElevator, createInstallHandlers } from './install';
import { createElevatedAntivirusFix } from './elevation/elevated-antivirus-fix';
import { DEFAULT_INACTIVITY_TIMEOUT_MS } from './install/pipeline-env';
import { defaultWorkBase } from './jobs/job-records';
import { TROUBLESHOOT_METHODS } from '../../common/troubleshoot-methods';
import { lazyHandlers } from './lazy-handlers';
import type * as TroubleshootModule from './troubleshoot';
import { uninstallJob } from './uninstall/uninstall-job';
import type { BundleArchives } from './troubleshoot/bundle-store';
import type { InstallOverrides } from './install';
import type { DetectionProbes } from '../platform/detection-probes';
import { appFolders, findInstallerDirNearApp } from './install/installer-dir-default';
import { logJobLifecycle } from './app-log';
import { waitForJob } from './jobs/wait-for-job';
import type { RunJob } from './jobs/run-job';

type TroubleshootParts = ReturnType<typeof TroubleshootModule.createTroubleshootHandlers>;

/**
 * The outside world's adapters, injected by the composition root (a front door passes systemAdapters();
 * a test passes its own): the core builds none of them itself.
 */
export interface CoreAdapters extends Pick<
  InstallOverrides,
  'helper' | 'elevator' | 'checkServer' | 'workBase' | 'disposeLimitMs'
> {
  /** This OS's detection probes; by default the profile's, chosen from the platform. */
  detectionProbes?: DetectionProbes;
}

export interface CoreOptions extends CoreDepsOptions, CoreAdapters {
  session: Omit<SessionInfo, 'root' | 'platform' | 'folders'>;
  /** Folders searched for an installer when the session names none ("next to the app"). */
  installerSearchDirs?: readonly string[];
}

export interface Core {
  deps: CoreDeps;
  detection: DetectionService;
  antivirus: AntivirusService;
  handlers: Handlers;
  dispatch: Dispatch;
  /** Prepared diagnostics bundles as archive streams, for the browser host's download (not a JSON method). */
  bundleArchives: BundleArchives;
  events: EventBus;
  dispose(): Promise<void>;
}

/** Composes the core services. Each front door (Electron, browser host, CLI) builds exactly one. */
export function createCore(options: CoreOptions): Core {
  const deps = createCoreDeps(options);
  const events = deps.events;
  const folders = {
    installDir: deps.profile.defaultInstallDir,
    logDir: deps.paths.toSystem(deps.profile.logDir(deps.paths)),
  };
  const session: SessionInfo = { ...options.session, root: deps.paths.root, platform: deps.platform, folders };
  // Looked up once, on the first getSession, so starting a front door does no disk work for it.
  let sessionWithDefaults: Promise<SessionInfo> | null = null;
  const getSession = (): Promise<SessionInfo> =>
    (sessionWithDefaults ??=
      session.defaults.installerDir !== null
        ? Promise.resolve(session)
        : findInstallerDirNearApp(options.installerSearchDirs ?? appFolders()).then((installerDir) => ({
            ...session,
            defaults: { ...session.defaults, installerDir },
          })));
  if (options.appLog) logJobLifecycle(events, deps.logger);
  const detection = new DetectionService(deps, options.detectionProbes, options.workBase);
  const overrides = installOverrides(options);
  const elevatedFix = createElevatedAntivirusFix(
    (privileges) => chooseElevator(deps, privileges, overrides, overrides.workBase ?? defaultWorkBase(deps)),
    {
      inactivityTimeoutMs: deps.inactivityTimeoutMs ?? DEFAULT_INACTIVITY_TIMEOUT_MS,
      sandboxRoot: deps.paths.isSandbox ? deps.paths.root : null,
    },
  );
  const antivirus = new AntivirusService(deps, detection, undefined, elevatedFix);
  const {
    dispose: disposeInstall,
    engine,
    jobLogs,
    startJob,
    ...installHandlers
  } = createInstallHandlers(deps, detection, {
    ...overrides,
    antivirusNote: (choice) => antivirus.note(choice),
    frontDoor: options.session.shell,
  });
  // Features whose handler answers when its job ends (the anti-virus fix, the diagnostics bundle).
  const runJob: RunJob = (definition, request) =>
    engine
      .start(definition, request)
      .then(({ jobId }) => waitForJob(events, (id) => installHandlers.getJob({ jobId: id }), jobId));
  // Troubleshooting and the connectivity check load on first use (tls, zlib and their code): not on the first screen.
  let troubleshoot: Promise<TroubleshootParts> | null = null;
  const loadTroubleshoot = (): Promise<TroubleshootParts> =>
    (troubleshoot ??= import('./troubleshoot').then(
      (m) => m.createTroubleshootHandlers(deps, detection, antivirus, jobLogs, runJob),
      (error: unknown) => {
        troubleshoot = null; // the next call tries again
        throw error;
      },
    ));
  const bundleArchives: BundleArchives = {
    archive: (bundleId) => loadTroubleshoot().then((parts) => parts.archives.archive(bundleId)),
  };
  const handlers: Handlers = {
    getSession,
    ...createDetectionHandlers(detection),
    ...lazyHandlers(['checkConnectivity'], () =>
      import('./connectivity').then((m) => m.createConnectivityHandlers(deps)),
    ),
    ...installHandlers,
    ...createAntivirusHandlers(antivirus, runJob),
    ...lazyHandlers(TROUBLESHOOT_METHODS, loadTroubleshoot),
    startUninstall: (request) => startJob(uninstallJob, request),
  };
  return {
    deps,
    detection,
    antivirus,
    handlers,
    dispatch: createDispatcher(handlers, deps.logger),
    bundleArchives,
    events,
    dispose: () =>
      Promise.all([
        disposeInstall(),
        troubleshoot?.then(
          (parts) => parts.dispose(),
          () => undefined,
        ),
      ]).then(() => undefined),
  };
}

/** The install seams among the options; only those given, so an absent one keeps its default. */
function installOverrides(options: CoreAdapters): InstallOverrides {
  const { helper, elevator, checkServer, workBase, disposeLimitMs } = options;
  return {
    ...(helper !== undefined ? { helper } : {}),
    ...(elevator !== undefined ? { elevator } : {}),
    ...(checkServer !== undefined ? { checkServer } : {}),
    ...(workBase !== undefined ? { workBase } : {}),
    ...(disposeLimitMs !== undefined ? { disposeLimitMs } : {}),
  };
}
