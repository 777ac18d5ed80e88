import type { PrivilegeFacts } from '../../../common/detection';
import { UserError } from '../../../common/result';
import type { Handlers } from '../../api/dispatch';
import { selectAgentPlatform } from '../../platform/agent-platform';
import type { CoreDeps } from '../core-deps';
import type { DetectionService } from '../detect/detection-service';
import { createDirectElevator } from '../elevation/direct-elevator';
import type { Elevator } from '../elevation/elevator';
import type { HelperCommand } from '../elevation/helper-command';
import { createHelperElevator } from '../elevation/helper-elevator';
import type { HelperLauncher } from '../elevation/helper-elevator';
import { createJobEngine } from '../jobs/job-engine';
import type { JobEngine } from '../jobs/job-engine';
import type { JobLogSources } from '../troubleshoot';
import type { FrontDoor } from '../jobs/job-lock';
import type { JobDefinition } from '../jobs/job-engine';
import { JobManager } from '../jobs/job-manager';
import { defaultWorkBase, jobsFolder, machineJournal } from '../jobs/job-records';
import { findInstaller } from '../installer/installer-finder';
import { installJob } from './install-pipeline';
import { openAllowedLog, readAllowedLog } from './log-files';
import type { PipelineEnv } from './pipeline-env';
import { DEFAULT_INACTIVITY_TIMEOUT_MS } from './pipeline-env';
import { registerJob } from './register-pipeline';

type InstallMethods =
  | 'findInstaller'
  | 'startInstall'
  | 'startRegister'
  | 'getJob'
  | 'getLatestJob'
  | 'readJobLog'
  | 'cancelJob'
  | 'readLogFile'
  | 'openLogFile';

/** How to ask for the administrator password and which command it runs; a front door passes the real ones. */
export interface HelperAdapter {
  launcher: HelperLauncher;
  command: (requestFile: string) => HelperCommand;
}

/** Test and front-door seams: an elevator to use instead of the one chosen from the privileges, and more. */
export interface InstallOverrides {
  /** The elevated helper; absent or null: this build has none, so a non-administrator cannot install. */
  helper?: HelperAdapter | null;
  elevator?: Elevator;
  checkServer?: PipelineEnv['checkServer'];
  workBase?: string;
  /** How long dispose waits for running jobs to end (default DISPOSE_LIMIT_MS). */
  disposeLimitMs?: number;
  antivirusNote?: PipelineEnv['antivirusNote'];
  /** The front door this core serves (named by the job lock to a refused second job); default 'cli'. */
  frontDoor?: FrontDoor;
}

/**
 * dispose cancels running jobs, then waits at most this long: a pending password prompt (pkexec, UAC)
 * cannot be cancelled from here, and quitting the app or Ctrl+C on serve must not hang on it.
 */
export const DISPOSE_LIMIT_MS = 15_000;

export type InstallHandlers = Pick<Handlers, InstallMethods> & {
  dispose: () => Promise<void>;
  /** The one job engine, for the other job kinds (the anti-virus fix) composed next to install. */
  engine: JobEngine;
  /** The job logs and secrets of this session, for the log viewer (core/troubleshoot/log-access.ts). */
  jobLogs: JobLogSources;
  /**
   * Starts another job kind on the same engine and environment (uninstall, composed in app-core.ts), so one job
   * at a time holds for all of them; core/uninstall builds on install/ and cannot be imported from here.
   */
  startJob: <R, S>(job: (env: PipelineEnv) => JobDefinition<R, S>, request: R) => Promise<{ jobId: string }>;
};

export function chooseElevator(
  deps: CoreDeps,
  privileges: PrivilegeFacts,
  overrides: InstallOverrides,
  workBase: string,
): Elevator | { unavailable: string } {
  if (overrides.elevator) return overrides.elevator;
  if (privileges.elevated) return createDirectElevator(deps.runner, deps.platform, workBase);
  if (!privileges.canElevate)
    return {
      unavailable: privileges.hint ?? 'No way to ask for the administrator password is available in this session.',
    };
  if (!overrides.helper) return { unavailable: 'The elevated helper is not part of this build.' };
  return createHelperElevator(deps.profile.platform, overrides.helper.launcher, overrides.helper.command);
}

/** Install/register/job handlers over one job manager. */
export function createInstallHandlers(
  deps: CoreDeps,
  detection: DetectionService,
  overrides: InstallOverrides = {},
): InstallHandlers {
  const commands = selectAgentPlatform(deps.platform);
  const workBase = overrides.workBase ?? defaultWorkBase(deps);
  const inactivityTimeoutMs = deps.inactivityTimeoutMs ?? DEFAULT_INACTIVITY_TIMEOUT_MS;
  const jobs = new JobManager({
    clock: deps.clock,
    events: deps.events,
    logger: deps.logger,
    logDir: deps.profile.logDir(deps.paths),
    inactivityTimeoutMs,
  });
  const disposeLimitMs = overrides.disposeLimitMs ?? DISPOSE_LIMIT_MS;
  const engine = createJobEngine({
    jobs,
    inactivityTimeoutMs,
    workBase,
    disposeLimitMs,
    frontDoor: overrides.frontDoor ?? 'cli',
    lockDir: jobsFolder(deps),
    journal: machineJournal(deps, workBase),
    logger: deps.logger,
  });
  const env = (): PipelineEnv => {
    if (!commands)
      throw new UserError(
        'platform.unsupported',
        `Installing the Mobility service is not supported on ${deps.platform}.`,
        'Run Mobility Setup on the Linux or Windows machine to protect.',
      );
    return {
      deps,
      detection,
      commands,
      profile: deps.profile,
      elevatorFor: (privileges) => chooseElevator(deps, privileges, overrides, workBase),
      checkServer:
        overrides.checkServer === undefined
          ? (endpoint, dataPort) =>
              // Loaded when an install checks its server (tls): not while a front door starts.
              import('../connectivity/check-connectivity').then((m) =>
                m.checkConnectivity({ endpoint, dataPort, now: () => deps.clock.now() }),
              )
          : overrides.checkServer,
      workBase,
      ...(overrides.antivirusNote ? { antivirusNote: overrides.antivirusNote } : {}),
    };
  };

  return {
    engine,
    findInstaller: async ({ dir }) => {
      const report = await detection.detect();
      return findInstaller(dir, report.token, env().profile.installer);
    },
    startInstall: (request) => engine.start(installJob(env()), request),
    startRegister: (request) => engine.start(registerJob(env()), request),
    startJob: (job, request) => engine.start(job(env()), request),
    getJob: ({ jobId }) => Promise.resolve(jobs.get(jobId)),
    getLatestJob: () => Promise.resolve(jobs.latest()),
    readJobLog: ({ jobId, from, max }) => Promise.resolve(jobs.readLog(jobId, from, max)),
    cancelJob: ({ jobId }) => jobs.cancel(jobId),
    readLogFile: ({ path, maxBytes }) => readAllowedLog(jobs.knownLogFiles(), path, maxBytes, jobs.knownSecrets()),
    openLogFile: ({ path }) => openAllowedLog(jobs.knownLogFiles(), path, deps.desktop),
    // The log viewer (core/troubleshoot) reads the same job logs, with the same secrets redacted.
    jobLogs: { jobLogFiles: () => jobs.knownLogFiles(), knownSecrets: () => jobs.knownSecrets() },
    dispose: async () => {
      const { stillRunning } = await engine.dispose();
      if (stillRunning.length > 0)
        deps.logger.warn('jobs still running at shutdown (a password prompt may be open); not waiting any longer', {
          waitedMs: disposeLimitMs,
          jobs: stillRunning,
        });
    },
  };
}
