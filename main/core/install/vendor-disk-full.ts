/**
 * A full disk (ENOSPC) or a used-up quota (EDQUOT) during the vendor's own run: its installer or configurator
 * writes into the install folder and ends with a generic failure (1, 1603, "Unexpected installer error"), which
 * would send the person to the vendor log. Its output says why ("No space left on device"): the job then ends
 * with the code for "not enough free disk space" (install.diskSpace, exit 75), naming the folder that was full
 * and how much the install folder needs (the documented prerequisite).
 */
import path from 'node:path';
import { failed } from '../jobs/job-stop';
import type { JobStop } from '../jobs/job-stop';
import { freeBytes, megabytes } from '../installer/disk-full';

const DISK_FULL_LINE = /No space left on device|Disk quota exceeded|\bENOSPC\b|\bEDQUOT\b/i;

/** True when a vendor output line says its disk or quota is full. */
export const saysDiskFull = (line: string): boolean => DISK_FULL_LINE.test(line);

/**
 * The folder of the file a disk-full line names, as the vendor printed it (a system path):
 * `cp: error writing '/usr/local/ASR/Vx/bin/x': No space left on device`, `tar: /usr/local/ASR/x: Cannot write: …`.
 */
export function folderNamedBy(line: string): string | null {
  const quoted = /['"‘“](\/[^'"’”]+)['"’”]/.exec(line)?.[1];
  const bare = /(?:^|\s)(\/[^\s:'"]+):/.exec(line)?.[1];
  const file = quoted ?? bare;
  return file ? path.posix.dirname(path.posix.normalize(file)) : null;
}

/** Where the vendor tool writes: the install folder (a system path) and what it needs free there. */
export interface VendorDiskNeed {
  installDir: string;
  neededBytes: number | null;
}

/**
 * The stop for a vendor run that failed with a disk-full line. `toReal` turns the system path the vendor printed
 * into the one to measure (the sandbox root prefix); the person reads the system path.
 */
export async function vendorDiskFullStop(
  tool: string,
  line: string,
  need: VendorDiskNeed,
  exitCode: number,
  toReal: (systemPath: string) => string,
): Promise<JobStop> {
  const folder = folderNamedBy(line) ?? need.installDir;
  const free = await freeBytes(toReal(folder));
  const freeText = free === null ? '' : ` (${megabytes(free)} free)`;
  const needText =
    need.neededBytes === null
      ? ''
      : ` The Mobility service needs ${megabytes(need.neededBytes)} free in its install folder ${need.installDir}.`;
  return failed({
    code: 'install.diskSpace',
    message: `Not enough free disk space in ${folder}${freeText}: ${tool} ran out of space writing there ("${line.trim()}").${needText}`,
    hint: `Free at least ${need.neededBytes === null ? 'some space' : megabytes(need.neededBytes)} in ${folder} (or the file system holding it), then run the install again: it completes what this one left half-done.`,
    exitCode,
    vendorError: { line: line.trim(), explanation: null },
  });
}
