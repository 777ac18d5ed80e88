import { exec as sudoExec } from '@vscode/sudo-prompt';
import type { HelperLauncher, LaunchOutcome } from './helper-elevator';
import { toElevatedCommandLine } from './helper-command';

/** sudo-prompt's fixed English error texts (node_modules/@vscode/sudo-prompt/index.js). */
const PERMISSION_DENIED = 'User did not grant permission.';
const NO_POLKIT_AGENT = 'No polkit authentication agent found.';
const NO_PKEXEC = 'Unable to find pkexec or kdesudo.';

export const NO_POLKIT_MESSAGE =
  'No graphical password prompt (polkit agent) is available: run `sudo mobility-setup install …` or start Mobility Setup as root.';

/** Maps sudo-prompt's callback error to an outcome. A refused prompt is a value, not an error. */
export function launchOutcomeFromError(error: Error | undefined): LaunchOutcome {
  if (!error) return { kind: 'completed' };
  if (error.message === PERMISSION_DENIED) return { kind: 'notGranted' };
  if (error.message === NO_POLKIT_AGENT || error.message === NO_PKEXEC) {
    return { kind: 'unavailable', code: 'elevation.noPolkitAgent', message: NO_POLKIT_MESSAGE, hint: 'sudo mobility-setup install --help shows the silent install.' };
  }
  // The helper ran but exited non-zero (it refused the request): the result file says why.
  return { kind: 'completed' };
}

/** Elevates the fixed helper command through pkexec (Linux) or UAC (Windows). */
export const sudoPromptLauncher: HelperLauncher = {
  launch(command) {
    let line: string;
    try {
      line = toElevatedCommandLine(command);
    } catch (err) {
      const message = err instanceof Error ? err.message : 'The elevated command is not safe to run.';
      return Promise.resolve({ kind: 'unavailable', code: 'elevation.unsafeCommand', message, hint: 'Install Mobility Setup in a folder whose path has only letters, digits, spaces and . _ - characters.' });
    }
    return new Promise<LaunchOutcome>((resolve) => {
      // No env option: the request file carries everything the helper needs.
      sudoExec(line, { name: 'Mobility Setup' }, (error) => resolve(launchOutcomeFromError(error)));
    });
  },
};
