import type { AgentFacts } from '../../../common/detection';
import type { AgentRegistration, AgentStatementCode } from '../../../common/core-text/job-texts';
import type { StepId } from '../../../common/install';
import { machineState } from '../jobs/job-stop';
import type { MachineState } from '../jobs/job-stop';

export const NOTHING_CHANGED = machineState('stopped.nothingChanged');
/** The vendor installer's own checks failed (exit 2, 3, 10, 11, 15, …): it changed nothing. */
export const INSTALLER_REFUSED = machineState('stopped.installerRefused');
/** The password prompt was dismissed before the installer ran. */
export const NOTHING_INSTALLED = machineState('stopped.nothingInstalled');

/** What state the machine is in when a job stops during a step (cancel, timeout, failure). */
export function machineStateAfter(
  step: StepId,
  ctx: { installDir: string; upgrade: boolean; uninstallHint: string },
): MachineState {
  const { installDir, uninstallHint } = ctx;
  switch (step) {
    case 'check':
      return NOTHING_CHANGED;
    case 'extract':
      return machineState('stopped.extractRemoved');
    case 'install':
      return machineState(ctx.upgrade ? 'stopped.install.upgradePartly' : 'stopped.install.partly', {
        installDir,
        uninstallHint,
      });
    case 'register':
      return machineState('stopped.register.again');
    case 'uninstall':
      return machineState('stopped.uninstall.partly', { installDir });
    case 'verify':
      return machineState('stopped.verify.unconfirmed');
    case 'fix':
    case 'diagnose':
    case 'collect':
      // Other job kinds' steps (the anti-virus fix, the diagnostics bundle): an install never stops there.
      return NOTHING_CHANGED;
  }
}

/** What a failed or cancelled job knew when it stopped, to say what the machine is like now. */
export interface StopContext {
  step: StepId;
  /** The install was an upgrade from an older agent. */
  upgrade: boolean;
  /** The version being installed; null for a register job. */
  targetVersion: string | null;
  uninstallHint: (installDir: string) => string;
}

/**
 * One statement about the machine after a failed or cancelled job, made from the agent's state read back
 * from the machine (not from what the step might have done), so it cannot contradict the summary's facts.
 * A statement that nothing changed (the check or extract step, or an installer that refused before
 * changing anything) is already exact and is kept (`current` itself is returned).
 */
export function machineStateFromAgent(
  current: MachineState | null,
  stop: StopContext,
  agent: AgentFacts | null,
): MachineState | null {
  if (agent === null || stop.step === 'check' || stop.step === 'extract') return current;
  const exact = [NOTHING_CHANGED.code, INSTALLER_REFUSED.code, NOTHING_INSTALLED.code];
  if (current !== null && exact.includes(current.code)) return current;
  if (!agent.installed)
    return machineState(stop.step === 'install' ? 'stopped.agent.installerStopped' : 'stopped.agent.notInstalled');
  const where = agent.installDir ? 'in' : 'nowhere';
  const version = agent.version !== null ? 'known' : 'unknown';
  const registration: AgentRegistration =
    agent.registered === true
      ? agent.csAddress !== null
        ? 'with'
        : 'withSome'
      : agent.registered === false
        ? 'not'
        : 'unknown';
  const params = {
    ...(agent.installDir ? { installDir: agent.installDir } : {}),
    ...(agent.version !== null ? { version: agent.version } : {}),
    ...(agent.csAddress !== null && agent.registered === true ? { server: agent.csAddress } : {}),
  };
  const said = (code: AgentStatementCode, more: Record<string, string> = {}) =>
    machineState(code, { ...params, ...more });
  if (stop.step === 'install') {
    const target = stop.targetVersion;
    const uninstallHint = stop.uninstallHint(agent.installDir ?? '');
    if (stop.upgrade && target !== null && agent.version !== null && agent.version !== target)
      return said(`stopped.agent.upgradeUnfinished.${where}.${registration}`, { uninstallHint });
    return said(`stopped.agent.incomplete.${version}.${where}.${registration}`, { uninstallHint });
  }
  if (registration === 'with' || registration === 'withSome')
    return said(`stopped.agent.stillRegistered.${version}.${where}.${registration}`);
  return said(`stopped.agent.notRegistered.${version}.${where}.${registration}`);
}
