import type { PrivilegeFacts } from '../../../common/detection';
import agentData from './polkit-agents.json';

/** gnome-shell and cinnamon carry their own polkit agent; the rest are separate programs. */
export const POLKIT_AGENTS: readonly string[] = agentData.agents;

/** Where pkexec is installed on the distributions the vendor supports. */
export const PKEXEC_PATHS = ['/usr/bin/pkexec', '/bin/pkexec', '/usr/local/bin/pkexec'] as const;

/** The kernel cuts /proc/<pid>/comm to 15 characters (TASK_COMM_LEN - 1). */
const COMM_LENGTH = 15;

export function isPolkitAgent(processName: string, agents: readonly string[] = POLKIT_AGENTS): boolean {
  return agents.some((agent) => processName === agent || (processName.length === COMM_LENGTH && agent.startsWith(processName)));
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

/** Pure: whether we are root, and if not, whether pkexec can ask for a password in this session. */
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
    return {
      elevated: false,
      user: input.user,
      canElevate: false,
      method: 'unavailable',
      hint: `Installing needs root, and no polkit authentication agent is running in this session (usual over SSH or without a desktop), so pkexec cannot ask for the password. ${ROOT_HINT}`,
    };
  }
  return { elevated: false, user: input.user, canElevate: true, method: 'pkexec' };
}
