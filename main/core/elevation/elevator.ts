import type { FixResult } from '../../../common/antivirus';
import type { ErrorCode } from '../../../common/error-codes';
import type { Architecture, VendorSpec } from '../../platform/vendor-command';
import type { InstallerRef } from '../installer/prepare-installer';

/**
 * The privileged steps (install, register, an anti-virus fix) run through this port. When the app already runs as
 * root/Administrator they run in this process; otherwise the app's own helper runs them elevated. Both
 * sides call the same runPrivileged, so copy → hash → extract → run is one implementation.
 * A refused password prompt is a value ('notGranted'), not an error.
 */
export type PrivilegedResult =
  | {
      kind: 'exited';
      code: number | null;
      signal: string | null;
      timedOut: boolean;
      cancelled: boolean;
      /** An anti-virus fix's own report (what it did and changed, coded), as the root app gets it in-process. */
      fix?: FixResult;
    }
  | { kind: 'notGranted' }
  /** Nothing ran: the request or the installer was refused before any vendor program started. */
  | { kind: 'refused'; code: ErrorCode; message: string; hint: string }
  | { kind: 'unavailable'; code: ErrorCode; message: string; hint: string };

/** The privileged side copies, hashes and extracts `installer` itself, then runs the vendor installer from its copy. */
export interface InstallOperation {
  operation: 'install';
  installer: InstallerRef;
  installDir: string;
  architecture: Architecture;
  upgrade: boolean;
}

export type RegisterOperation = Extract<VendorSpec, { operation: 'register' }>;

/** The vendor's uninstaller, run in the installed agent's folder (the builder's exact command). */
export type UninstallOperation = Extract<VendorSpec, { operation: 'uninstall' }>;

/**
 * An anti-virus exclusion: only the product and the agent folder. The privileged side finds the product's
 * configuration itself (the system's own clamd.conf, mdatp, Defender), so the request cannot steer its writes.
 */
export interface AntivirusFixOperation {
  operation: 'antivirusFix';
  scanner: AntivirusFixScanner;
  installDir: string;
}

/** The products Mobility Setup can change itself (the automatic fixes of the product table). */
export const ANTIVIRUS_FIX_SCANNERS = ['clamav', 'mdatp', 'defender'] as const;
export type AntivirusFixScanner = (typeof ANTIVIRUS_FIX_SCANNERS)[number];

/** What the app asks to be done with privileges. Paths are real paths (root prefix applied). */
export type PrivilegedOperation = InstallOperation | RegisterOperation | AntivirusFixOperation | UninstallOperation;

export interface PrivilegedRun {
  done: Promise<PrivilegedResult>;
  /** Ends the vendor command's whole process tree (or stops before it starts). */
  cancel(): void;
}

export interface PrivilegedOptions {
  onLine: (line: string) => void;
  /** The vendor command's output a read at a time, as line blocks (common/line-block.ts); else line by line. */
  onLines?: (block: string) => void;
  /** Install only: the private copy is extracted and the vendor installer is about to start. */
  onInstallerStarting?: () => void;
  /** Called with each private work folder's name before it is created (the job journal records it). */
  onWorkFolder?: (dir: string) => Promise<void>;
  /** Ends the command when it printed nothing for this long. */
  inactivityTimeoutMs: number;
  /** The root prefix when it is a sandbox (passed to vendor tools as MOBILITY_SETUP_SANDBOX_ROOT); else null. */
  sandboxRoot: string | null;
}

export interface Elevator {
  readonly mode: 'direct' | 'helper';
  run(operation: PrivilegedOperation, options: PrivilegedOptions): PrivilegedRun;
}

/** The environment a vendor command gets on top of the runner's fixed base. Never a secret. */
export function vendorEnvironment(sandboxRoot: string | null): Record<string, string> {
  return sandboxRoot ? { MOBILITY_SETUP_SANDBOX_ROOT: sandboxRoot } : {};
}
