import path from 'node:path';
import type { RootFiles } from '../root-files';

/**
 * Names of running processes from /proc (under the root prefix, so a fixture root can provide a
 * fake /proc/<pid>/comm). No `ps` child process: reading /proc is faster and needs no parsing of columns.
 */
export async function runningProcessNames(files: RootFiles): Promise<string[]> {
  const pids = (await files.listDir('/proc')).filter((entry) => /^\d+$/.test(entry));
  const perProcess = await Promise.all(
    pids.map(async (pid) => {
      const [comm, cmdline] = await Promise.all([files.readText(`/proc/${pid}/comm`), files.readText(`/proc/${pid}/cmdline`)]);
      const names: string[] = [];
      if (comm !== null && comm.trim() !== '') names.push(comm.trim());
      const program = cmdline?.split('\0')[0];
      if (program) names.push(path.posix.basename(program));
      return names;
    }),
  );
  return [...new Set(perProcess.flat())];
}
