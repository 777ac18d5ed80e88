/** Install, register and job types shared by the core, the CLI and the renderer. */
import type { CodedText } from './core-text/coded-text';
import type { AntivirusChoice, AntivirusNote } from './antivirus';
import type { VendorError } from './known-errors';

export interface InstallerCandidate {
  fileName: string;
  /** Absolute path as the core sees it. */
  path: string;
  version: string;
  token: string;
  platform: 'linux' | 'win32';
  sizeBytes: number;
}

export type ChecksumState = 'match' | 'absent' | 'mismatch';

/** Who owns the chosen installer file, shown so the person can see whose file will run as root. */
export interface InstallerOwner {
  uid: number;
  /** The account name for the uid (from the passwd database); null when it has none. */
  user: string | null;
  gid: number;
  /** Permission bits as four octal digits, e.g. "0644". */
  mode: string;
}

export interface InstallerChoice {
  chosen: InstallerCandidate;
  sha256: string;
  checksum: ChecksumState;
  /** The checksum file that was compared against, when there was one. */
  checksumFile: string | null;
  /** The SHA-256 the checksum file expects (lowercase hex); null when absent or unreadable. */
  expectedSha256?: string | null;
  /** Every installer file seen in the folder, for the "what was found" message. */
  seen: string[];
  /** Owner and mode of the chosen file; null where the OS has no POSIX owners (Windows). */
  owner?: InstallerOwner | null;
}

export type Registration =
  | { mode: 'classic'; endpoint: string; passphrase: string }
  | { mode: 'modernized'; configJson: string }
  /**
   * Install only. The vendor's installer takes the server kind at install time (-c CSLegacy | CSPrime,
   * /CSType): every caller says which, nothing guesses.
   */
  | { mode: 'none'; serverKind: ServerKind };

/** Which kind of server the agent is installed for: a configuration server (classic) or a replication appliance (modernized). */
export type ServerKind = 'classic' | 'modernized';

/** The server kind the installer is run for (-c CSLegacy for classic, -c CSPrime for modernized). */
export function serverKindOf(registration: Registration): ServerKind {
  if (registration.mode === 'none') return registration.serverKind;
  return registration.mode;
}

export interface InstallRequest {
  /** The installer file chosen by findInstaller (must be inside installerDir). */
  installerDir: string;
  installerFile?: string;
  /** Where the agent goes; the vendor default when absent. */
  installDir?: string;
  registration: Registration;
  /** Port of the process server's data channel (9443 unless a lab says otherwise). */
  dataPort?: number;
  antivirusChoice?: AntivirusChoice;
  /** Install although a restart is pending (the CLI's --ignore-pending-restart; the wizard after its warning). */
  ignorePendingRestart?: boolean;
}

export type RegisterRequest = { registration: Exclude<Registration, { mode: 'none' }> };

/** Uninstall takes nothing: it removes the agent that is installed (under the core's root). */
export type UninstallRequest = Record<string, never>;

/** The kinds of job the engine runs (main/core/jobs/job-engine.ts); a new kind is added here. */
export type JobKind = 'install' | 'register' | 'antivirusFix' | 'uninstall' | 'diagnosticsBundle';
export type StepId =
  'check' | 'extract' | 'install' | 'register' | 'verify' | 'fix' | 'uninstall' | 'diagnose' | 'collect';
export type StepState = 'pending' | 'running' | 'done' | 'failed' | 'skipped' | 'cancelled';
export type JobState = 'running' | 'succeeded' | 'failed' | 'cancelled';
export type Severity = 'success' | 'warning' | 'error';

export interface JobStep {
  id: StepId;
  state: StepState;
  startedAt: number | null;
  finishedAt: number | null;
}

export interface JobOutcome {
  severity: Severity;
  /** Catalog code, e.g. "exit.14" or "install.timeout". */
  code: string;
  message: string;
  hint: string | null;
  /** The vendor command's exit code, when a vendor command decided the outcome. */
  exitCode: number | null;
  rebootRequired: boolean;
  /** What state the machine is in after a failure or cancel, in plain words. */
  machineState: string | null;
  /** machineState as a code and its params (common/core-text/job-texts.ts), for the front doors' languages. */
  machineStateText?: CodedText;
  /** A failed vendor command: the first error line it wrote and, where the known-error table has it, why. */
  vendorError?: VendorError;
}

export interface AgentSummary {
  /** Whether the agent is installed now (read from the machine after the job, not assumed). */
  installed: boolean;
  version: string | null;
  installDir: string | null;
  registered: boolean;
  server: string | null;
  logFiles: string[];
  /**
   * Windows: installed with the agent (9.7.0.0 and later). Linux: install WALinuxAgent after failover.
   * null when it does not apply: no agent is installed, or a Windows agent older than 9.7.0.0.
   */
  azureVmAgentNote: string | null;
  walinuxagentPresent: boolean | null;
  /** The anti-virus check's state and the person's choice when the install ran. */
  antivirus?: AntivirusNote;
}

export interface JobSnapshot {
  id: string;
  kind: JobKind;
  state: JobState;
  steps: JobStep[];
  startedAt: number;
  finishedAt: number | null;
  /** Lines in the live log so far. */
  logLines: number;
  logFiles: string[];
  outcome: JobOutcome | null;
  summary: AgentSummary | null;
  /** Set when nothing had to be done (same version, same server). */
  nothingToDo: boolean;
  /** How long a vendor tool may print nothing before it is ended, so a quiet wait can say when that is. */
  inactivityTimeoutMs?: number;
}

export interface LogChunk {
  jobId: string;
  /** Index of the first line in `lines`. */
  from: number;
  lines: string[];
}
