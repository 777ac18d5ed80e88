import type { PrivilegeFacts } from '../../../common/detection';
import agentData from './polkit-agents.json';

/** gnome-shell and cinnamon carry their own polkit agent; the rest are separate programs. */
export const POLKIT_AGENTS: readonly string[] = agentData.agents;

/**
 * Where @vscode/sudo-prompt looks for pkexec: only /usr/bin/pkexec (node_modules/@vscode/sudo-prompt/index.js,
 * LinuxBinary), so a pkexec elsewhere cannot be used and is not reported.
 */
export const PKEXEC_PATHS = ['/usr/bin/pkexec'] as const;

/** The kernel cuts /proc/<pid>/comm to 15 characters (TASK_COMM_LEN - 1). */
const COMM_LENGTH = 15;

export function isPolkitAgent(processName: string, agents: readonly string[] = POLKIT_AGENTS): boolean {
  return agents.some(
    (agent) => processName === agent || (processName.length === COMM_LENGTH && agent.startsWith(processName)),
  );
}

export interface LinuxPrivilegeInput {
  uid: number;
  user: string;
  /** System path of pkexec, or null when it is not installed. */
  pkexec: string | null;
  /** Names of running processes (comm and program names from cmdline). */
  processNames: readonly string[];
}

const ROOT_HINT =
  'Run Mobility Setup as root instead: sudo mobility-setup open on a desktop, sudo mobility-setup serve over SSH, or sudo mobility-setup install … for a silent install.';

/** Pure: whether we are root, and if not, whether elevation through pkexec can be tried in this session. */
export function linuxPrivileges(input: LinuxPrivilegeInput, agents: readonly string[] = POLKIT_AGENTS): PrivilegeFacts {
  if (input.uid === 0) return { elevated: true, user: input.user, canElevate: true, method: 'none-needed' };
  if (input.pkexec === null) {
    return {
      elevated: false,
      user: input.user,
      canElevate: false,
      method: 'unavailable',
      hint: `Installing needs root, and pkexec (polkit) is not installed, so Mobility Setup cannot ask for the password itself. ${ROOT_HINT}`,
    };
  }
  if (!input.processNames.some((name) => isPolkitAgent(name, agents))) {
    // Without an agent pkexec can still succeed: a polkit rule may allow this user without a password
    // (polkit.Result.YES), or an agent such as pkttyagent may be registered for the session without being a
    // process we recognise. Only polkit knows, when it is asked: so "will ask", never "cannot".
    return {
      elevated: false,
      user: input.user,
      canElevate: true,
      method: 'pkexec',
      hint: `Mobility Setup will ask polkit (pkexec) when it installs. No password dialog (polkit agent) is running in this session, usual over SSH: it works where a polkit rule allows it without a password; otherwise it stops before changing anything. ${ROOT_HINT}`,
    };
  }
  return { elevated: false, user: input.user, canElevate: true, method: 'pkexec' };
}
