import type {
  AgentFacts,
  DetectionReport,
  DetectionSnapshot,
  DiskCheck,
  InterruptedJobFacts,
  PendingRestartFacts,
  PrivilegeFacts,
} from '../../../common/detection';
import { NO_AGENT } from '../../../common/detection';
import type { DetectionProbes, OsSection } from '../../platform/detection-probes';
import { osFamilyOf, selectDetectionProbes } from '../../platform/select';
import { supportVerdict } from '../../platform/support-matrix';
import type { CoreDeps } from '../core-deps';
import { describeInterruptedJob, findInterruptedJob } from '../jobs/interrupted-job';
import { defaultWorkBase, machineJournal } from '../jobs/job-records';

/**
 * Detection of this machine: OS, installer token, support verdict, privileges, installed agent, disk and
 * a pending restart. The sections run in parallel; each is published as a `detection` snapshot when it finishes so a
 * screen renders the fast facts before the slow probes (disk, process scan, reg query) answer.
 */
export class DetectionService {
  private readonly probes: DetectionProbes;
  private cached: Promise<DetectionReport> | null = null;

  /** `probes` is injectable so tests can count or fake the platform work; the default is chosen by platform. */
  constructor(
    private readonly deps: CoreDeps,
    probes?: DetectionProbes,
    /** The work folder interrupted jobs' leftovers may be removed from (default: the OS's, or the sandbox's tmp). */
    private readonly workBase?: string,
  ) {
    this.probes = probes ?? selectDetectionProbes(deps);
  }

  /** The full report; cached after the first call unless `refresh`. Streams `detection` events as sections finish. */
  detect(options: { refresh?: boolean } = {}): Promise<DetectionReport> {
    if (this.cached === null || options.refresh === true) {
      const run = this.run();
      this.cached = run;
      // A failed run is not remembered: the next call tries again.
      run.catch(() => {
        if (this.cached === run) this.cached = null;
      });
    }
    return this.cached;
  }

  /** The installed agent's state, read now (never cached): install/verify steps call it after changing the machine. */
  readAgent(): Promise<AgentFacts> {
    return this.probes.readAgent();
  }

  /** Free space for an install into `installDir` (a system path): the install check asks for the folder it will use. */
  diskFor(installDir: string): Promise<DiskCheck[]> {
    return this.section(
      'disk',
      () => this.probes.checkDisk(installDir),
      (): DiskCheck[] => [],
    );
  }

  private async run(): Promise<DetectionReport> {
    const { clock, events, paths } = this.deps;
    const started = clock.now();
    let snapshot: DetectionSnapshot = { root: paths.root, complete: false };
    const publish = (section: Partial<DetectionReport>) => {
      snapshot = { ...snapshot, ...section };
      events.emit('detection', snapshot);
    };

    // Jobs killed with their process are found (and their leftovers removed) while the other probes run.
    let interruptedJob: InterruptedJobFacts | null = null;
    const interrupted = this.section(
      'interruptedJob',
      () => findInterruptedJob(this.journal()),
      () => null,
    );
    const [osSection, agent, privileges, disk, pendingRestart] = await Promise.all([
      this.section(
        'os',
        () => this.probes.readOs(),
        (error) => this.osFallback(error),
      ).then((value) => {
        const { os, token, supported, supportReason, supportMessage, supportText } = value;
        publish({ os, token, supported, supportReason, supportMessage, supportText });
        return value;
      }),
      this.section(
        'agent',
        () => this.probes.readAgent(),
        // An agent whose facts cannot be read is reported as none found, like a missing one.
        () => NO_AGENT,
      ).then(async (agent) => {
        publish({ agent });
        const record = await interrupted;
        interruptedJob = record ? describeInterruptedJob(record, agent) : null;
        // Only a found one is a section of its own; none arrives with the final report.
        if (interruptedJob) {
          this.deps.logger.warn('interrupted job: the machine now', { ...interruptedJob });
          publish({ interruptedJob });
        }
        return agent;
      }),
      this.section(
        'privileges',
        () => this.probes.readPrivileges(),
        () => privilegesUnknown,
      ).then((privileges) => {
        publish({ privileges });
        return privileges;
      }),
      this.section(
        'disk',
        () => this.probes.checkDisk(),
        (): DiskCheck[] => [],
      ).then((disk) => {
        publish({ disk });
        return disk;
      }),
      // Unknown (null) rather than "none pending" when the probe fails: the install check then does not refuse.
      this.section(
        'pendingRestart',
        () => this.probes.readPendingRestart(),
        (): PendingRestartFacts | null => null,
      ).then((pendingRestart) => {
        publish({ pendingRestart });
        return pendingRestart;
      }),
    ]);

    const report: DetectionReport = {
      root: paths.root,
      os: osSection.os,
      token: osSection.token,
      supported: osSection.supported,
      supportReason: osSection.supportReason,
      supportMessage: osSection.supportMessage,
      supportText: osSection.supportText,
      privileges,
      agent,
      disk,
      pendingRestart,
      interruptedJob,
      durationMs: Math.max(0, clock.now() - started),
    };
    events.emit('detection', { ...report, complete: true });
    return report;
  }

  /** The journal of this machine's jobs, in the OS's log folder, with the default work folder. */
  private journal() {
    return machineJournal(this.deps, this.workBase ?? defaultWorkBase(this.deps));
  }

  /** A probe that throws unexpectedly degrades its own section only; the rest of the report still arrives. */
  private async section<T>(name: string, probe: () => Promise<T>, fallback: (error: unknown) => T): Promise<T> {
    try {
      return await probe();
    } catch (error) {
      this.deps.logger.warn('detection probe failed', {
        section: name,
        error: error instanceof Error ? error.name : typeof error,
      });
      return fallback(error);
    }
  }

  private osFallback(_error: unknown): OsSection {
    return {
      os: {
        family: osFamilyOf(this.deps.platform),
        distribution: null,
        version: null,
        kernel: null,
        arch: 'unknown',
        source: null,
      },
      ...supportVerdict(
        { token: null, supported: false, supportReason: 'support.detectionFailed' },
        'support.detectionFailed',
      ),
    };
  }
}

const privilegesUnknown: PrivilegeFacts = {
  elevated: false,
  user: 'unknown',
  canElevate: false,
  method: 'unavailable',
  hint: 'Mobility Setup could not check its privileges. Run it as root (sudo mobility-setup …) or as Administrator.',
};
