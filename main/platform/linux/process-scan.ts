import path from 'node:path';
import type { RootFiles } from '../root-files';

export interface RunningProcess {
  pid: string;
  /** The kernel's short name (comm) and the program's base name, without duplicates. */
  names: string[];
  /** The command line's arguments, program first (empty for kernel threads). */
  argv: string[];
}

/**
 * Running processes from /proc (under the root prefix, so a fixture root can provide a fake
 * /proc/<pid>/comm and cmdline). No `ps` child process: reading /proc is faster and needs no parsing of columns.
 */
export async function runningProcesses(files: RootFiles): Promise<RunningProcess[]> {
  const pids = (await files.listDir('/proc')).filter((entry) => /^\d+$/.test(entry));
  return Promise.all(
    pids.map(async (pid) => {
      const [comm, cmdline] = await Promise.all([
        files.readText(`/proc/${pid}/comm`),
        files.readText(`/proc/${pid}/cmdline`),
      ]);
      const names: string[] = [];
      if (comm !== null && comm.trim() !== '') names.push(comm.trim());
      const argv = cmdline ? cmdline.split('\0').filter((arg, i, all) => arg !== '' || i < all.length - 1) : [];
      const program = argv[0];
      if (program) names.push(path.posix.basename(program));
      return { pid, names: [...new Set(names)], argv };
    }),
  );
}

/** Names of running processes (see runningProcesses). */
export async function runningProcessNames(files: RootFiles): Promise<string[]> {
  return [...new Set((await runningProcesses(files)).flatMap((p) => p.names))];
}
