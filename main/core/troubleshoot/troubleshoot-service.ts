import path from 'node:path';
/**
 * Gathers the troubleshooting findings: the health report (detection, agent services, anti-virus, the newest
 * vendor error) and the connectivity test, each with its own time limit so one slow probe never holds the
 * page. It only reads: nothing here changes the machine.
 */
import { existsSync } from 'node:fs';
import { findFirstError } from '../../../common/known-errors';
import type { AntivirusReport } from '../../../common/antivirus';
import type { ConnectivityTest, HealthReport, PushReadinessItem } from '../../../common/troubleshoot';
import type { AntivirusService } from '../antivirus/antivirus-service';
import type { CoreDeps } from '../core-deps';
import type { DetectionService } from '../detect/detection-service';
import type { TroubleshootProbes } from '../../platform/troubleshoot-probes';
import { selectTroubleshootProbes } from '../../platform/select';
import { APP_LOG_NAME } from '../../platform/os-profile';
import { runConnectivityTest } from './connectivity-test';
import { buildHealthReport } from './health-report';
import { tailLines } from './log-reader';

/** The anti-virus check can run product commands (mdatp, PowerShell): the page shows "did not finish" after this. */
const ANTIVIRUS_LIMIT_MS = 15_000;
/** How far back in a vendor log the newest run's first error is looked for. */
const VENDOR_LOG_TAIL_LINES = 400;

export interface TroubleshootOptions {
  probes?: TroubleshootProbes | null;
}

function withinLimit<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([work.catch(() => null), limit]).finally(() => clearTimeout(timer));
}

export class TroubleshootService {
  readonly probes: TroubleshootProbes | null;

  constructor(
    private readonly deps: CoreDeps,
    private readonly detection: DetectionService,
    private readonly antivirus: AntivirusService,
    private readonly options: TroubleshootOptions = {},
  ) {
    this.probes = options.probes === undefined ? selectTroubleshootProbes(deps) : options.probes;
  }

  get paths(): CoreDeps['paths'] {
    return this.deps.paths;
  }

  get platform(): NodeJS.Platform {
    return this.deps.platform;
  }

  /** Mobility Setup's own log on this machine (the OS profile's log folder, under the root prefix). */
  get appLogFile(): string {
    return path.join(this.deps.profile.logDir(this.deps.paths), APP_LOG_NAME);
  }

  toSystem(file: string): string {
    return this.deps.paths.toSystem(file);
  }

  /** The server the installed agent points to (drscout.conf), or null. */
  async agentServer(): Promise<string | null> {
    return (await this.detection.detect()).agent.csAddress;
  }

  /** The vendor logs that exist on this machine (real paths under the root prefix). */
  vendorLogFiles(): string[] {
    return (this.probes?.vendorLogs ?? []).map((p) => this.deps.paths.resolve(p)).filter((file) => existsSync(file));
  }

  /** The first error line of the newest part of each vendor log; the last log that has one wins. */
  async lastVendorError(): Promise<HealthReport['lastVendorError']> {
    let found: HealthReport['lastVendorError'] = null;
    for (const file of this.vendorLogFiles()) {
      const { lines } = await tailLines(file, VENDOR_LOG_TAIL_LINES);
      const first = findFirstError(lines);
      if (first) found = { file: this.deps.paths.toSystem(file), line: first.line, explanation: first.explanation };
    }
    return found;
  }

  async health(expectedServer: string | null): Promise<{ health: HealthReport; antivirus: AntivirusReport | null }> {
    // The pending-restart line reads detection's own probe (detection.pendingRestart).
    const [detection, services, antivirus, lastVendorError] = await Promise.all([
      this.detection.detect({ refresh: true }),
      this.probes ? this.probes.agentServices().catch(() => null) : Promise.resolve(null),
      withinLimit(this.antivirus.check(), ANTIVIRUS_LIMIT_MS),
      this.lastVendorError(),
    ]);
    const health = buildHealthReport({
      detection,
      expectedServer,
      services,
      antivirus,
      lastVendorError,
    });
    return { health, antivirus };
  }

  connectivity(endpoint: string, dataPort?: number): Promise<ConnectivityTest> {
    return runConnectivityTest({
      endpoint,
      ...(dataPort !== undefined ? { dataPort } : {}),
      now: () => this.deps.clock.now(),
    });
  }

  pushReadiness(): Promise<PushReadinessItem[]> {
    return this.probes ? this.probes.pushReadiness() : Promise.resolve([]);
  }
}
