import type { AgentFacts, InterruptedJobFacts, WayBack } from '../../../common/detection';
import type { JobJournal, JournalRecord } from './job-journal';

/**
 * At start (every front door detects first): finds jobs whose process is gone without an end, removes their
 * leftovers (job-journal.ts logs each removal and the interruption to the app log), and returns the last job
 * when it is such a one. It stays reported until another job runs.
 */
export async function findInterruptedJob(journal: JobJournal): Promise<JournalRecord | null> {
  const recovered = await journal.recover();
  const last = await journal.latest();
  if (!last) return null;
  // A process that is not root cannot mark root's record: the one recover returned is the interrupted one.
  return recovered.find((record) => record.id === last.id) ?? (last.state === 'interrupted' ? last : null);
}

/** The interrupted job as detection reports it: the machine's state now and the way back, from the agent facts. */
export function describeInterruptedJob(record: JournalRecord, agent: AgentFacts): InterruptedJobFacts {
  const { machineState, wayBack } = wayBackFrom(agent);
  return {
    id: record.id,
    kind: record.kind,
    frontDoor: record.frontDoor,
    step: record.step,
    startedAt: new Date(record.startedAt).toISOString(),
    pid: record.pid,
    machineState,
    wayBack,
    removed: record.removed ?? [],
    kept: record.kept ?? [],
  };
}

function wayBackFrom(agent: AgentFacts): { machineState: string; wayBack: WayBack[] } {
  if (!agent.installed) {
    return { machineState: 'The Mobility service is not installed.', wayBack: ['install'] };
  }
  const version = agent.version ?? 'an unknown version';
  if (agent.registered === true) {
    // Registered, but an interrupted install may have stopped half-way through its files: repairing is safe.
    return {
      machineState: `The Mobility service ${version} is installed and registered${agent.csAddress ? ` with ${agent.csAddress}` : ''}.`,
      wayBack: ['install', 'uninstall'],
    };
  }
  return {
    machineState: `The Mobility service ${version} is installed but not registered.`,
    wayBack: ['register', 'install', 'uninstall'],
  };
}
