/**
 * The upgrade rules (../shared/domain.md "Updates"), in one place for the core's install check, the CLI and the
 * wizard: an installer newer than the installed agent upgrades it (keeping the registration), the same version
 * repairs or registers, an older one is refused (downgrade is not supported), and a jump of more than four
 * minor versions is refused with the stepwise path, because the vendor supports only the last four versions.
 */
import { compareVersions } from './version';

/** The vendor's largest supported jump, in minor versions (9.16 → 9.20). */
export const MAX_UPGRADE_STEP = 4;

export type UpgradePath =
  | { kind: 'fresh' }
  | { kind: 'upgrade'; from: string; to: string }
  | { kind: 'same'; version: string }
  | { kind: 'downgrade'; installed: string; installer: string }
  /** More than four minor versions apart: `steps` are the versions to install in order, the last one `to`. */
  | { kind: 'tooFar'; from: string; to: string; steps: string[] };

/** The major and minor numbers of a dotted version ("9.65.0.0" → [9, 65]); null when it has none. */
function majorMinor(version: string): [number, number] | null {
  const match = /^(\d+)\.(\d+)/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2])] : null;
}

/**
 * The versions to install one after the other, each at most four minor versions after the one before:
 * 9.16 → 9.24 is [9.20, 9.24]. Different major versions have no documented path: just the target.
 */
export function stepwiseUpgrade(from: string, to: string): string[] {
  const start = majorMinor(from);
  const end = majorMinor(to);
  if (!start || !end || start[0] !== end[0]) return [to];
  const steps: string[] = [];
  for (let minor = start[1] + MAX_UPGRADE_STEP; minor < end[1]; minor += MAX_UPGRADE_STEP)
    steps.push(`${start[0]}.${minor}`);
  return [...steps, to];
}

/** What an installer of version `installer` may do on a machine with the agent at `installed` (null: none). */
export function upgradePath(installed: string | null, installer: string): UpgradePath {
  if (installed === null) return { kind: 'fresh' };
  const order = compareVersions(installed, installer);
  if (order > 0) return { kind: 'downgrade', installed, installer };
  if (order === 0) return { kind: 'same', version: installed };
  const start = majorMinor(installed);
  const end = majorMinor(installer);
  const tooFar = !start || !end || start[0] !== end[0] || end[1] - start[1] > MAX_UPGRADE_STEP;
  return tooFar
    ? { kind: 'tooFar', from: installed, to: installer, steps: stepwiseUpgrade(installed, installer) }
    : { kind: 'upgrade', from: installed, to: installer };
}

/** Said before every upgrade, by the wizard and the command line: the order the vendor requires, and the other way. */
export const UPGRADE_REMINDER =
  'Before upgrading: update the configuration server, then the scale-out process servers and the master target ' +
  'servers first; the agent must never be newer than its configuration server. The portal can also update the ' +
  'agent (Replicated items → the server → Agent update).';

/** The refusal of a downgrade (the core's `install.downgrade`), worded once for the wizard and the CLI. */
export function downgradeMessage(path: Extract<UpgradePath, { kind: 'downgrade' }>): { message: string; hint: string } {
  return {
    message: `A downgrade is not supported: the Mobility service ${path.installed} is installed and the installer is the older ${path.installer}.`,
    hint: `Use an installer of version ${path.installed} or newer, or uninstall the agent first (then install ${path.installer}).`,
  };
}

/** The refusal of a jump of more than four versions (the core's `install.upgradeSteps`), with the path to take. */
export function stepwiseMessage(path: Extract<UpgradePath, { kind: 'tooFar' }>): { message: string; hint: string } {
  const route = [path.from, ...path.steps].join(' → ');
  const needed = path.steps.join(', ');
  return {
    message: `Upgrading from ${path.from} to ${path.to} skips more than ${MAX_UPGRADE_STEP} versions, which the vendor does not support. Upgrade step by step: ${route}.`,
    hint: `Install each version in turn (installers needed: ${needed}), or uninstall the agent and install ${path.to}.`,
  };
}
