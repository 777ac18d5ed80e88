import type { HelperLauncher, LaunchOutcome } from './helper-elevator';
import path from 'node:path';
import { isSafeCommandPart, toElevatedCommandLine } from './helper-command';

/**
 * sudo-prompt's fixed English error texts (node_modules/@vscode/sudo-prompt/index.js). On Linux it runs
 * `/usr/bin/pkexec --disable-internal-agent /bin/bash -c "echo SUDOPROMPT; <command>"` (no display needed) and
 * maps pkexec's stderr: "No authentication agent found" (polkit wants a password, nobody can ask) →
 * NO_POLKIT_AGENT; anything else before its marker (a dismissed dialog, or "Not authorized" from a rule) →
 * PERMISSION_DENIED. Seen for real in test/unit/core/elevation/pkexec-elevation.test.ts.
 */
const PERMISSION_DENIED = 'User did not grant permission.';
const NO_POLKIT_AGENT = 'No polkit authentication agent found.';
const NO_PKEXEC = 'Unable to find pkexec or kdesudo.';

export const NO_POLKIT_MESSAGE =
  'polkit asked for a password, but no password dialog (polkit agent) runs in this session (usual over SSH), so nothing was changed: run `sudo mobility-setup install …` or start Mobility Setup as root.';

/** Maps sudo-prompt's callback error to an outcome. A refused prompt is a value, not an error. */
export function launchOutcomeFromError(error: Error | undefined): LaunchOutcome {
  if (!error) return { kind: 'completed' };
  if (error.message === PERMISSION_DENIED) return { kind: 'notGranted' };
  if (error.message === NO_POLKIT_AGENT || error.message === NO_PKEXEC) {
    return {
      kind: 'unavailable',
      code: 'elevation.noPolkitAgent',
      message: NO_POLKIT_MESSAGE,
      hint: 'sudo mobility-setup install --help shows the silent install.',
    };
  }
  // The helper ran but exited non-zero (it refused the request): the result file says why.
  return { kind: 'completed' };
}

/**
 * sudo-prompt puts process.cwd() into the elevated command text: `cd "<cwd>";` run by /bin/sh on Linux
 * (escaping only "), `cd /d "<cwd>"` in a .bat file on Windows. A working folder the shell would interpret
 * ($(), backticks, %VAR%) must not get there: returns the fixed folder to use instead, or null when the
 * current one is safe. (On Windows a trailing backslash is fine here: cmd's cd has no argv escaping.)
 */
export function workingFolderForPrompt(
  cwd: string,
  platform: NodeJS.Platform,
  systemRoot: string | undefined = process.env.SystemRoot,
): string | null {
  if (platform === 'win32') {
    if (isSafeCommandPart(cwd.replace(/\\+$/, '') || 'C:', 'win32')) return null;
    const fallback = systemRoot && isSafeCommandPart(systemRoot, 'win32') ? systemRoot : 'C:\\Windows';
    return path.win32.normalize(fallback);
  }
  return isSafeCommandPart(cwd, platform) ? null : '/';
}

/** Elevates the fixed helper command through pkexec (Linux) or UAC (Windows). */
export const sudoPromptLauncher: HelperLauncher = {
  launch(command) {
    let line: string;
    try {
      line = toElevatedCommandLine(command);
    } catch (err) {
      const message = err instanceof Error ? err.message : 'The elevated command is not safe to run.';
      const allowed =
        process.platform === 'win32'
          ? 'has no % ! ^ & | < > or " characters'
          : 'has only letters, digits, spaces and . _ - characters';
      return Promise.resolve({
        kind: 'unavailable',
        code: 'elevation.unsafeCommand',
        message,
        hint: `Install Mobility Setup in a folder whose path ${allowed}.`,
      });
    }
    const original = process.cwd();
    const safeFolder = workingFolderForPrompt(original, process.platform);
    // sudo-prompt reads the cwd asynchronously (after probing for pkexec / writing its scripts), so the safe
    // folder stays current until its callback; then the original one comes back.
    try {
      if (safeFolder !== null) process.chdir(safeFolder);
    } catch {
      const message =
        'The current folder has characters a shell would interpret, and no safe folder could be used instead.';
      return Promise.resolve({
        kind: 'unavailable',
        code: 'elevation.unsafeCommand',
        message,
        hint: 'Start Mobility Setup from another folder (for example your home folder).',
      });
    }
    const restoreFolder = () => {
      if (safeFolder === null || process.cwd() !== safeFolder) return;
      try {
        process.chdir(original);
      } catch {
        // The original folder is gone: stay in the safe one.
      }
    };
    // sudo-prompt loads at its first use: ~10 ms of every CLI install and `serve` start, which rarely elevate.
    return import('@vscode/sudo-prompt').then(
      ({ exec: sudoExec }) =>
        new Promise<LaunchOutcome>((resolve) => {
          // No env option: the request file carries everything the helper needs.
          sudoExec(line, { name: 'Mobility Setup' }, (error) => {
            restoreFolder();
            resolve(launchOutcomeFromError(error));
          });
        }),
      (err: unknown) => {
        restoreFolder();
        throw err;
      },
    );
  },
};
