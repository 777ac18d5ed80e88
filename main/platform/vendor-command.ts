/**
 * The vendor's commands as data: what each is for (VendorSpec), the argument array it becomes (VendorCommand) and the
 * builder every OS implements (AgentCommands). Types only, so the per-OS builders and their switch
 * (agent-platform.ts) import this file and not each other.
 */

/** Classic: configuration server + passphrase (CSLegacy). Modernized: replication appliance + config.json (CSPrime). */
export type Architecture = 'classic' | 'modernized';

export type VendorOperation = 'extract' | 'install' | 'register' | 'uninstall';

/** What a vendor command is for, with every value it is built from. Paths are real paths (root prefix applied). */
export type VendorSpec =
  | { operation: 'extract'; installerFile: string; extractedDir: string }
  | { operation: 'install'; extractedDir: string; installDir: string; architecture: Architecture; upgrade: boolean }
  | { operation: 'register'; installDir: string; architecture: 'classic'; endpoint: string; passphraseFile: string }
  | { operation: 'register'; installDir: string; architecture: 'modernized'; configFile: string }
  | { operation: 'uninstall'; installDir: string };

export interface VendorCommand {
  operation: VendorOperation;
  file: string;
  args: string[];
  /** Working directory the vendor expects (the extracted folder for ./install, the agent folder for ./uninstall.sh). */
  cwd: string | null;
}

export interface AgentCommands {
  readonly platform: 'linux' | 'win32';
  /** The vendor's default install folder (a system path). */
  readonly defaultInstallDir: string;
  /** The vendor's own install/register logs (system paths). */
  readonly vendorLogs: readonly string[];
  /** null when the installer is an archive the app extracts itself (Linux tar.gz). */
  extract(spec: Extract<VendorSpec, { operation: 'extract' }>): VendorCommand | null;
  install(spec: Extract<VendorSpec, { operation: 'install' }>): VendorCommand;
  register(spec: Extract<VendorSpec, { operation: 'register' }>): VendorCommand;
  uninstall(spec: Extract<VendorSpec, { operation: 'uninstall' }>): VendorCommand;
}

/** True when two commands are identical (same program, same arguments in the same order, same folder). */
export function sameCommand(a: VendorCommand, b: VendorCommand): boolean {
  return (
    a.operation === b.operation &&
    a.file === b.file &&
    a.cwd === b.cwd &&
    a.args.length === b.args.length &&
    a.args.every((arg, i) => arg === b.args[i])
  );
}
