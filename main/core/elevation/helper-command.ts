import fs from 'node:fs';
import path from 'node:path';

/** The one command the app ever elevates: its own helper, with a request file path as the only variable. */
export interface HelperCommand {
  file: string;
  args: string[];
}

/**
 * Characters allowed in the elevated command line. sudo-prompt hands the command to `/bin/bash -c "…"`
 * (a string, inside double quotes), so anything a shell would interpret ($ ` \ " ' ! and control
 * characters) is refused outright instead of escaped. Paths with spaces are fine: each part is quoted.
 */
const SAFE = /^[A-Za-z0-9 _@%+=:,./-]+$/;

export function isSafeCommandPart(part: string): boolean {
  return part.length > 0 && part.length <= 4096 && SAFE.test(part);
}

/** The shell text sudo-prompt needs; throws when a part could be interpreted by the shell. */
export function toElevatedCommandLine(command: HelperCommand): string {
  const parts = [command.file, ...command.args];
  const unsafe = parts.find((p) => !isSafeCommandPart(p));
  if (unsafe !== undefined) throw new Error('The elevated command contains characters a shell would interpret.');
  return parts.map((p) => `'${p}'`).join(' ');
}

/**
 * The bundled CLI (dist/main/cli.js) is the helper's entry point; it sits next to whichever bundle runs
 * the core (dist/main/index.js or cli.js). Under plain Node the helper is `<node> <cli.js> helper --request F`.
 *
 * Packaged Electron: the runAsNode fuse is disabled, so `<electron> cli.js` would start the app, not Node.
 * There the helper is started as `<app executable> helper --request F`, and the Electron entry
 * (main/index.ts, through launch/helper-invocation.ts) routes that argv to runHelper before any window code.
 */
export function defaultHelperCommand(cliPath: string = path.join(__dirname, 'cli.js'), execPath: string = process.execPath) {
  return (requestFile: string): HelperCommand => {
    if ('electron' in process.versions) return { file: execPath, args: ['helper', '--request', requestFile] };
    return { file: execPath, args: [cliPath, 'helper', '--request', requestFile] };
  };
}

/** Whether the helper entry point exists (it does not when the core runs from source, e.g. under vitest). */
export function helperEntryExists(cliPath: string = path.join(__dirname, 'cli.js')): boolean {
  return fs.existsSync(cliPath);
}
