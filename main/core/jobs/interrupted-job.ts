import type { AgentFacts, InterruptedJobFacts, WayBack } from '../../../common/detection';
import type { CodedText, TextParams } from '../../../common/core-text/coded-text';
import { composeText } from '../../../common/core-text/coded-text';
import { detectionTextsEn } from '../../../common/core-text/detection-texts';
import type { DetectionTextCode } from '../../../common/core-text/detection-texts';
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
  const { machineState, machineStateText, wayBack } = wayBackFrom(agent);
  return {
    id: record.id,
    kind: record.kind,
    frontDoor: record.frontDoor,
    step: record.step,
    startedAt: new Date(record.startedAt).toISOString(),
    pid: record.pid,
    machineState,
    machineStateText,
    wayBack,
    removed: record.removed ?? [],
    kept: record.kept ?? [],
  };
}

type MachineState = { machineState: string; machineStateText: CodedText };

function machineState(code: DetectionTextCode, params: TextParams = {}): MachineState {
  const { message, ...text } = composeText(detectionTextsEn, code, params);
  return { machineState: message, machineStateText: text };
}

function wayBackFrom(agent: AgentFacts): MachineState & { wayBack: WayBack[] } {
  if (!agent.installed) return { ...machineState('machine.notInstalled'), wayBack: ['install'] };
  const version = agent.version ?? '?';
  if (agent.registered === true) {
    // Registered, but an interrupted install may have stopped half-way through its files: repairing is safe.
    const state = agent.csAddress
      ? machineState('machine.registeredWith', { version, server: agent.csAddress })
      : machineState('machine.registered', { version });
    return { ...state, wayBack: ['install', 'uninstall'] };
  }
  return { ...machineState('machine.notRegistered', { version }), wayBack: ['register', 'install', 'uninstall'] };
}
