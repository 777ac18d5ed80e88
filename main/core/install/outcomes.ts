import type { AgentFacts } from '../../../common/detection';
import type { StepId } from '../../../common/install';

export const NOTHING_CHANGED = 'Nothing was changed on this machine.';
/** The vendor installer's own checks failed (exit 2, 3, 10, 11, 15, …): it changed nothing. */
export const INSTALLER_REFUSED = 'The installer refused before changing anything on this machine.';
/** The password prompt was dismissed before the installer ran. */
const NOTHING_INSTALLED = 'Nothing was installed.';

/** What state the machine is in when a job stops during a step (cancel, timeout, failure). */
export function machineStateAfter(
  step: StepId,
  ctx: { installDir: string; upgrade: boolean; uninstallHint: string },
): string {
  switch (step) {
    case 'check':
      return NOTHING_CHANGED;
    case 'extract':
      return 'Nothing was installed; the temporary folder with the extracted installer was removed.';
    case 'install':
      return ctx.upgrade
        ? `The upgrade may be partly done: the agent in ${ctx.installDir} may not work until you run the install again (or uninstall it: ${ctx.uninstallHint}).`
        : `The agent may be partly installed in ${ctx.installDir}: run the install again, or uninstall it (${ctx.uninstallHint}).`;
    case 'register':
      return 'The agent is installed but not registered: register it again (mobility-setup register …, or Register in the wizard).';
    case 'uninstall':
      return `The agent in ${ctx.installDir} may be partly removed: read the log, then run the uninstall again.`;
    case 'verify':
      return 'The vendor tools reported success, but the agent state does not confirm it: read the logs, then run the install again.';
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

const REGISTER_AGAIN = 'register it again (mobility-setup register …, or Register only in the wizard)';

/**
 * One statement about the machine after a failed or cancelled job, made from the agent's state read back
 * from the machine (not from what the step might have done), so it cannot contradict the summary's facts.
 * A statement that nothing changed (the check or extract step, or an installer that refused before
 * changing anything) is already exact and is kept.
 */
export function machineStateFromAgent(
  current: string | null,
  stop: StopContext,
  agent: AgentFacts | null,
): string | null {
  if (agent === null || stop.step === 'check' || stop.step === 'extract') return current;
  if (current === NOTHING_CHANGED || current === INSTALLER_REFUSED || current === NOTHING_INSTALLED) return current;
  if (!agent.installed) {
    return stop.step === 'install'
      ? 'The Mobility service is not installed: the installer stopped before it finished. Run the install again when the cause is fixed.'
      : 'The Mobility service is not installed on this machine.';
  }
  const where = agent.installDir ? ` in ${agent.installDir}` : '';
  const version = agent.version ?? 'of an unknown version';
  const registration =
    agent.registered === true
      ? `registered with ${agent.csAddress ?? 'a configuration server'}`
      : agent.registered === false
        ? 'not registered'
        : 'of unknown registration state';
  if (stop.step === 'install') {
    const target = stop.targetVersion;
    if (stop.upgrade && target !== null && agent.version !== null && agent.version !== target) {
      return `The upgrade did not finish: the Mobility service ${version} is still installed${where} and ${registration}. Run the install again, or uninstall it (${stop.uninstallHint(agent.installDir ?? '')}).`;
    }
    return `The Mobility service ${version} is installed${where} but may be incomplete, and it is ${registration}. Run the install again, or uninstall it (${stop.uninstallHint(agent.installDir ?? '')}).`;
  }
  if (agent.registered === true)
    return `The Mobility service ${version} is installed${where} and still ${registration}.`;
  return `The Mobility service ${version} is installed${where} and ${registration}: ${REGISTER_AGAIN}.`;
}
