import path from 'node:path';
import { parseEndpoint } from '../../common/endpoint';
import { parsePort, portRangeMessage } from '../../common/port';
import { checkPathInput } from '../../common/path-input';

/** Arguments the window cannot start with (a bad --root): said on stderr, exit 2. */
export class ShellArgsError extends Error {}

/** What every front door prefills in the wizard (SessionInfo.defaults). */
export interface WizardDefaults {
  installerDir: string | null;
  csEndpoint: string | null;
  dataPort: number | null;
}

/** The options the Electron main process takes, and that `mobility-setup open` forwards to it. */
export interface ShellArgs {
  root: string;
  demo: boolean;
  defaults: WizardDefaults;
  /** How long a vendor tool may print nothing before it is ended (the demo's hang scenario shortens it). */
  inactivityTimeoutMs?: number;
}

export type DefaultsCheck = { ok: true; defaults: WizardDefaults } | { ok: false; message: string };

/** Validates prefill values typed on a command line; the wizard re-validates whatever it is given anyway. */
export function checkDefaults(raw: {
  installerDir?: string | undefined;
  csEndpoint?: string | undefined;
  dataPort?: string | undefined;
}): DefaultsCheck {
  let csEndpoint: string | null = null;
  if (raw.csEndpoint !== undefined) {
    const parsed = parseEndpoint(raw.csEndpoint);
    if (!parsed.ok) return { ok: false, message: `--cs-endpoint: ${parsed.message}` };
    csEndpoint = parsed.endpoint.display;
  }
  let dataPort: number | null = null;
  if (raw.dataPort !== undefined) {
    dataPort = parsePort(raw.dataPort);
    if (dataPort === null) return { ok: false, message: `--data-port: ${portRangeMessage()}` };
  }
  if (raw.installerDir !== undefined && raw.installerDir !== '') {
    const check = checkPathInput(raw.installerDir, 'The --installer-dir path');
    if (!check.ok) return { ok: false, message: `--installer-dir: ${check.message}` };
  }
  // A relative folder means "relative to where the command was typed", which a child process may not share.
  const installerDir =
    raw.installerDir !== undefined && raw.installerDir !== '' ? path.resolve(raw.installerDir) : null;
  return { ok: true, defaults: { installerDir, csEndpoint, dataPort } };
}

const VALUE_OPTIONS = {
  '--root': 'root',
  '--installer-dir': 'installerDir',
  '--cs-endpoint': 'csEndpoint',
  '--data-port': 'dataPort',
  '--inactivity-timeout': 'inactivityTimeout',
} as const;
type ValueKey = (typeof VALUE_OPTIONS)[keyof typeof VALUE_OPTIONS];

const isValueOption = (name: string): name is keyof typeof VALUE_OPTIONS =>
  Object.prototype.hasOwnProperty.call(VALUE_OPTIONS, name);

/**
 * Reads our options out of the Electron main process's argv. Electron and Chromium put their own
 * switches (and, unpackaged, the app path) in the same list, so anything we do not know is skipped
 * rather than refused. A bad prefill value is dropped with a warning: the window still opens.
 */
export function parseShellArgs(argv: readonly string[]): { args: ShellArgs; warnings: string[] } {
  const values: Partial<Record<ValueKey, string>> = {};
  let demo = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--demo') {
      demo = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!isValueOption(name)) continue;
    if (eq !== -1) values[VALUE_OPTIONS[name]] = arg.slice(eq + 1);
    else if (i + 1 < argv.length) values[VALUE_OPTIONS[name]] = argv[++i];
  }
  const warnings: string[] = [];
  let defaults: WizardDefaults = { installerDir: null, csEndpoint: null, dataPort: null };
  // Checked one at a time so one bad value does not drop the good ones.
  for (const key of ['installerDir', 'csEndpoint', 'dataPort'] as const) {
    if (values[key] === undefined) continue;
    const one = checkDefaults({ [key]: values[key] });
    if (one.ok) defaults = { ...defaults, [key]: one.defaults[key] };
    else warnings.push(`${one.message} The value was ignored.`);
  }
  // A bad --root is not a prefill to drop: falling back to / would point the wizard at the real system.
  const rootCheck =
    values.root !== undefined && values.root !== '' ? checkPathInput(values.root, 'The --root path') : null;
  if (rootCheck && !rootCheck.ok) throw new ShellArgsError(`--root: ${rootCheck.message}`);
  const root = path.resolve(values.root !== undefined && values.root !== '' ? values.root : '/');
  const seconds = values.inactivityTimeout === undefined ? NaN : Number(values.inactivityTimeout);
  if (values.inactivityTimeout !== undefined && !(seconds > 0))
    warnings.push('--inactivity-timeout: give a number of seconds greater than 0. The value was ignored.');
  return {
    args: { root, demo, defaults, ...(seconds > 0 ? { inactivityTimeoutMs: Math.round(seconds * 1000) } : {}) },
    warnings,
  };
}

/** The argv that makes parseShellArgs return `args` again (used to start the Electron process). */
export function toShellArgs(args: ShellArgs): string[] {
  const out = ['--root', args.root];
  if (args.defaults.installerDir !== null) out.push('--installer-dir', args.defaults.installerDir);
  if (args.defaults.csEndpoint !== null) out.push('--cs-endpoint', args.defaults.csEndpoint);
  if (args.defaults.dataPort !== null) out.push('--data-port', String(args.defaults.dataPort));
  if (args.inactivityTimeoutMs !== undefined) out.push('--inactivity-timeout', String(args.inactivityTimeoutMs / 1000));
  if (args.demo) out.push('--demo');
  return out;
}
