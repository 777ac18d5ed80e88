/**
 * Whether this host's files carry POSIX owner and mode bits worth checking (0700 folders, 0600 files).
 * Windows has ACLs instead, and its %TEMP% is per-user already, so mode checks there would refuse good folders.
 */
export function hasPosixModes(platform: string = process.platform): boolean {
  return platform !== 'win32';
}
