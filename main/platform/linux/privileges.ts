import type { PrivilegeFacts } from '../../../common/detection';
import { composeText } from '../../../common/core-text/coded-text';
import { detectionTextsEn } from '../../../common/core-text/detection-texts';
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

/** The hint's English and its code, from common/core-text/detection-texts.ts. */
function hint(code: 'privileges.noPkexec' | 'privileges.noPolkitAgent'): Pick<PrivilegeFacts, 'hint' | 'hintText'> {
  const { message, ...hintText } = composeText(detectionTextsEn, code);
  return { hint: message, hintText };
}

/** Pure: whether we are root, and if not, whether elevation through pkexec can be tried in this session. */
export function linuxPrivileges(input: LinuxPrivilegeInput, agents: readonly string[] = POLKIT_AGENTS): PrivilegeFacts {
  if (input.uid === 0) return { elevated: true, user: input.user, canElevate: true, method: 'none-needed' };
  if (input.pkexec === null) {
    return {
      elevated: false,
      user: input.user,
      canElevate: false,
      method: 'unavailable',
      ...hint('privileges.noPkexec'),
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
      ...hint('privileges.noPolkitAgent'),
    };
  }
  return { elevated: false, user: input.user, canElevate: true, method: 'pkexec' };
}
