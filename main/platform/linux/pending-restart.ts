/**
 * Linux: is a restart pending? The vendor's installer fails with exit 62 when one is, so detection says so first.
 * Three markers, each read under the root prefix (a sandbox root sees only what was planted there):
 * - Debian/Ubuntu: `/var/run/reboot-required` (written by update-notifier hooks; `.pkgs` names the packages);
 * - RHEL family: `needs-restarting -r` (exit 1 = restart needed, 0 = not); fixed argv, output parsed here;
 * - any distribution: a kernel image installed that is newer than the running kernel (`uname -r`).
 * The parsers are pure; the probe at the bottom is the only impure part.
 */
import type { PendingRestartFacts, PendingRestartMarker } from '../../../common/detection';
import type { PlatformDeps } from '../platform-deps';
import { readMachineFacts } from '../machine-facts';
import { restartMarker } from '../pending-restart-marker';
import type { RootFiles } from '../root-files';

/** /var/run is a link to /run on current systems; a sandbox root may hold either. */
export const REBOOT_REQUIRED_PATHS = ['/var/run/reboot-required', '/run/reboot-required'] as const;
export const NEEDS_RESTARTING_PATHS = ['/usr/bin/needs-restarting', '/usr/sbin/needs-restarting'] as const;
export const NEEDS_RESTARTING_ARGS = ['-r'] as const;
const NEEDS_RESTARTING_TIMEOUT_MS = 20_000;
const MAX_NAMED = 5;

/** The first names and how many more: the templates say "and N more" in each language. */
function shortList(items: readonly string[]): { shown: string; more: number } {
  return { shown: items.slice(0, MAX_NAMED).join(', '), more: Math.max(0, items.length - MAX_NAMED) };
}

/** The reboot-required marker, with the packages from `reboot-required.pkgs` when there are any. */
export function rebootRequiredMarker(markerPath: string, pkgsText: string | null): PendingRestartMarker {
  const pkgs = [
    ...new Set(
      (pkgsText ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => /^[\w.+:-]+$/.test(l)),
    ),
  ];
  if (pkgs.length === 0) return restartMarker('rebootRequiredFile', 'restart.rebootRequiredFile', { path: markerPath });
  const { shown, more } = shortList(pkgs);
  return more > 0
    ? restartMarker('rebootRequiredFile', 'restart.rebootRequiredFile.packagesMore', {
        path: markerPath,
        packages: shown,
        more,
      })
    : restartMarker('rebootRequiredFile', 'restart.rebootRequiredFile.packages', { path: markerPath, packages: shown });
}

/**
 * `needs-restarting -r`: exit 1 with "Reboot is required" means pending; exit 0 means not; anything else
 * (missing plugin, no repository metadata, a crash) is no answer rather than a guess.
 */
export function parseNeedsRestarting(code: number | null, stdout: string): PendingRestartMarker | null {
  if (code !== 1 || !/reboot is required/i.test(stdout)) return null;
  const updated = stdout
    .split('\n')
    .map((line) => /^\s*\*\s*(\S+)/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
  if (updated.length === 0) return restartMarker('needsRestarting', 'restart.needsRestarting');
  const { shown, more } = shortList(updated);
  return more > 0
    ? restartMarker('needsRestarting', 'restart.needsRestarting.updatedMore', { names: shown, more })
    : restartMarker('needsRestarting', 'restart.needsRestarting.updated', { names: shown });
}

/** Natural order of kernel release strings: numeric runs compare as numbers ("5.14.0-427" > "5.14.0-362"). */
export function compareKernelReleases(a: string, b: string): number {
  const split = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const left = split(a);
  const right = split(b);
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const x = left[i];
    const y = right[i];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    const bothNumbers = /^\d/.test(x) && /^\d/.test(y);
    const order = bothNumbers ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    if (order !== 0) return Math.sign(order);
  }
  return 0;
}

/** A kernel release as found in a file name; rescue images (RHEL's vmlinuz-0-rescue-<id>) are not kernels to boot into. */
function isKernelRelease(release: string): boolean {
  return /^\d+\.\d+/.test(release) && !release.includes('rescue');
}

/** The newest installed kernel when it is newer than the running one, else null. */
export function newerKernelMarker(running: string, installed: readonly string[]): PendingRestartMarker | null {
  const newest = installed.filter(isKernelRelease).sort(compareKernelReleases).at(-1);
  if (newest === undefined || !isKernelRelease(running) || compareKernelReleases(newest, running) <= 0) return null;
  return restartMarker('newerKernel', 'restart.newerKernel', { newest, running });
}

/** Kernel releases with an image: /boot/vmlinuz-<release> (all families) and /lib/modules/<release>/vmlinuz (RHEL, Fedora). */
async function installedKernels(files: RootFiles): Promise<string[]> {
  const boot = (await files.listDir('/boot'))
    .filter((name) => name.startsWith('vmlinuz-'))
    .map((name) => name.slice('vmlinuz-'.length));
  const modules = await files.listDir('/lib/modules');
  const withImage = await Promise.all(
    modules.map(async (release) => ((await files.exists(`/lib/modules/${release}/vmlinuz`)) ? release : null)),
  );
  return [...new Set([...boot, ...withImage.filter((r): r is string => r !== null)])];
}

async function firstExisting(files: RootFiles, candidates: readonly string[]): Promise<string | null> {
  for (const candidate of candidates) if (await files.exists(candidate)) return candidate;
  return null;
}

export async function readLinuxPendingRestart(deps: PlatformDeps, files: RootFiles): Promise<PendingRestartFacts> {
  const [marker, tool, machine, kernels] = await Promise.all([
    firstExisting(files, REBOOT_REQUIRED_PATHS),
    firstExisting(files, NEEDS_RESTARTING_PATHS),
    readMachineFacts(deps.paths, files),
    installedKernels(files),
  ]);
  const markers: PendingRestartMarker[] = [];
  if (marker !== null) markers.push(rebootRequiredMarker(marker, await files.readText(`${marker}.pkgs`)));
  if (tool !== null) {
    // Run from under the root prefix: in a sandbox root only a tool placed there runs, never the real one.
    const result = await deps.runner.run(deps.paths.resolve(tool), [...NEEDS_RESTARTING_ARGS], {
      timeoutMs: NEEDS_RESTARTING_TIMEOUT_MS,
    });
    const found = parseNeedsRestarting(result.code, result.stdout);
    if (found) markers.push(found);
  }
  const kernel = newerKernelMarker(machine.kernel, kernels);
  if (kernel) markers.push(kernel);
  return { pending: markers.length > 0, markers };
}
