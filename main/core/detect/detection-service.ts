import type { AgentFacts, DetectionReport } from '../../../common/detection';
import { UserError } from '../../../common/result';
import type { CoreDeps } from '../core-deps';

/**
 * Detection of this machine: OS, installer token, support verdict, privileges, installed agent, disk.
 * (Stub: the detection work replaces the bodies; the signatures are what the rest of the core uses.)
 */
export class DetectionService {
  constructor(private readonly deps: CoreDeps) {}

  /** The full report; cached after the first call unless `refresh`. Streams `detection` events as sections finish. */
  detect(_options: { refresh?: boolean } = {}): Promise<DetectionReport> {
    return Promise.reject(new UserError('notImplemented', `Detection is not implemented yet (root ${this.deps.paths.root}).`));
  }

  /** The installed agent's state, read now (never cached): install/verify steps call it after changing the machine. */
  readAgent(): Promise<AgentFacts> {
    return Promise.reject(new UserError('notImplemented', 'Agent detection is not implemented yet.'));
  }
}
