/**
 * Where the elevated helper finds the uninstaller it runs as root. The request names nothing but "uninstall":
 * the helper reads the installed agent's own state file and checks that everything it will run from is root's
 * alone, so a person who installed into a folder another user can write (or another user's planted "sandbox")
 * never gets a script of theirs run as root.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseKeyValueLines, VX_VERSION_PATH } from '../../platform/linux/vx-version';
import { SystemPaths } from '../../platform/system-paths';
import type { UninstallOperation } from './elevator';
import { refuse } from './helper-checks';

/** The vendor's Linux uninstaller, in the agent's folder (linux/agent-commands.ts runs `./uninstall.sh -Y` there). */
const UNINSTALL_SCRIPT = 'uninstall.sh';

const RUN_AS_ROOT_HINT =
  'Make the agent folder and every folder above it belong to root and writable by root only, or uninstall as root: ' +
  'sudo mobility-setup uninstall.';

/**
 * Root's alone: owned by root, not a link, and no write access for group or others. A sticky root folder
 * (/tmp) passes: others may add entries there but cannot rename or replace root's.
 */
function checkRootOnly(file: string, what: string): fs.Stats {
  let info: fs.Stats;
  try {
    info = fs.lstatSync(file);
  } catch {
    return refuse('helper.uninstaller', `The ${what} ${file} does not exist.`, RUN_AS_ROOT_HINT);
  }
  if (info.isSymbolicLink()) refuse('helper.uninstaller', `The ${what} ${file} is a symbolic link.`, RUN_AS_ROOT_HINT);
  if (info.uid !== 0) refuse('helper.uninstaller', `The ${what} ${file} does not belong to root.`, RUN_AS_ROOT_HINT);
  const sticky = info.isDirectory() && (info.mode & 0o1000) !== 0;
  if ((info.mode & 0o022) !== 0 && !sticky) {
    refuse('helper.uninstaller', `Other users can write to the ${what} ${file}.`, RUN_AS_ROOT_HINT);
  }
  return info;
}

/** The file and every folder above it, up to /, must be root's alone (a writable parent could swap any of them). */
function checkRootOnlyChain(file: string, what: string): void {
  checkRootOnly(file, what);
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    checkRootOnly(dir, 'folder');
    if (dir === path.dirname(dir)) return;
  }
}

/**
 * The uninstall the helper runs: Linux, `./uninstall.sh -Y` in the folder the agent's root-owned .vx_version
 * records (under the sandbox root only when root itself asked: loadHelperRequest refuses it otherwise).
 * Windows: the MSI product code, nothing in a folder to find.
 */
export function findInstalledUninstaller(platform: 'linux' | 'win32', sandboxRoot: string | null): UninstallOperation {
  if (platform === 'win32') return { operation: 'uninstall', installDir: '' };
  const paths = new SystemPaths(sandboxRoot ?? '/');
  const vxVersion = paths.resolve(VX_VERSION_PATH);
  if (!fs.existsSync(vxVersion)) {
    refuse(
      'helper.notInstalled',
      'No Mobility service is installed on this machine: nothing to uninstall.',
      'Nothing to do.',
    );
  }
  checkRootOnlyChain(vxVersion, 'agent state file');
  const recorded = parseKeyValueLines(fs.readFileSync(vxVersion, 'utf8')).get('INSTALLATION_DIR');
  if (!recorded || !path.posix.isAbsolute(recorded)) {
    refuse('helper.uninstaller', `${VX_VERSION_PATH} records no install folder.`, 'Remove the agent as root by hand.');
  }
  // The vendor records the path it was handed: under a sandbox root that is already the physical path.
  const installDir = paths.resolve(paths.toSystem(path.posix.normalize(recorded as string)));
  checkRootOnlyChain(path.join(installDir, UNINSTALL_SCRIPT), 'uninstaller');
  return { operation: 'uninstall', installDir };
}
