/** What the detection screen, `detect --json` and the install flow know about this machine. */
import type { CodedText } from './core-text/coded-text';

export type OsFamily = 'linux' | 'win32' | 'other';

export interface OsFacts {
  family: OsFamily;
  /** Human name of the distribution or edition, e.g. "Ubuntu", "Red Hat Enterprise Linux", "Windows Server 2022". */
  distribution: string | null;
  /** Version as the release file states it, e.g. "22.04", "9.3", "12". */
  version: string | null;
  kernel: string | null;
  /** `uname -m` style: x86_64, aarch64, … */
  arch: string;
  /** The release file the verdict came from, relative to the root (e.g. "/etc/os-release"). */
  source: string | null;
}

/** No agent found (or none readable): what every OS profile and the detection's fallback report. */
export const NO_AGENT: Readonly<AgentFacts> = {
  installed: false,
  version: null,
  installDir: null,
  registered: null,
  configurationStatus: null,
  csAddress: null,
  source: null,
};

export interface PrivilegeFacts {
  /** root on Linux, Administrator on Windows. */
  elevated: boolean;
  user: string;
  /** Whether the app can obtain elevation for privileged steps when it is not elevated. */
  canElevate: boolean;
  method: 'none-needed' | 'pkexec' | 'uac' | 'unavailable';
  /** Why elevation is unavailable and what to do instead. */
  hint?: string;
  /** The hint as a code and parameters (common/core-text/detection-texts.ts). */
  hintText?: CodedText;
}

export interface AgentFacts {
  installed: boolean;
  version: string | null;
  installDir: string | null;
  /** true when AGENT_CONFIGURATION_STATUS / AgentConfigurationStatus is Succeeded; null when unknown. */
  registered: boolean | null;
  configurationStatus: string | null;
  /** The configuration server the agent points to, when it can be read. */
  csAddress: string | null;
  /** Where the facts were read from (a file under the root, or a registry key). */
  source: string | null;
}

export interface DiskCheck {
  /** The system path checked (not root-prefixed), e.g. "/" or "/usr/local/ASR". */
  path: string;
  requiredBytes: number;
  freeBytes: number | null;
  ok: boolean | null;
}

/** Which marker said a restart is pending (the first three are Linux's, the rest Windows registry markers). */
export type PendingRestartSource =
  | 'rebootRequiredFile'
  | 'needsRestarting'
  | 'newerKernel'
  | 'cbsRebootPending'
  | 'windowsUpdateRebootRequired'
  | 'pendingFileRename';

export interface PendingRestartMarker {
  source: PendingRestartSource;
  /** English: what was seen, e.g. "/var/run/reboot-required exists (packages: linux-image-6.1.0-18-amd64)". */
  detail: string;
  /** The detail as a code and parameters (common/core-text/detection-texts.ts). */
  text?: CodedText;
}

/**
 * The vendor's installer fails with exit 62 when a restart is pending, so detection says so before installing.
 * `pending` is true when any marker was seen; markers that could not be read are simply absent.
 */
export interface PendingRestartFacts {
  pending: boolean;
  markers: PendingRestartMarker[];
}

/** What to run to get back to a good state after an interrupted job. */
export type WayBack = 'install' | 'register' | 'uninstall';

/**
 * The last job on this machine ended with its process (kill -9, a power cut, a closed SSH session) before it
 * could finish: reported at the next start until another job runs.
 */
export interface InterruptedJobFacts {
  id: string;
  /** The job kind, e.g. "install". */
  kind: string;
  /** The front door that ran it: 'cli' | 'browser' | 'electron'. */
  frontDoor: string;
  /** The step it was in (a StepId). */
  step: string;
  /** When it started (ISO 8601). */
  startedAt: string;
  pid: number;
  /** English: what the machine is like now, from this detection. */
  machineState: string;
  /** The machine's state as a code and parameters (common/core-text/detection-texts.ts). */
  machineStateText?: CodedText;
  /** The ways back, first the one to try. */
  wayBack: WayBack[];
  /** Work folders it left that were removed, and those kept (with why). */
  removed: string[];
  kept: string[];
}

export interface DetectionReport {
  /** The root prefix everything was read under ("/" on a real system). */
  root: string;
  os: OsFacts;
  /** The installer OS token (e.g. "UBUNTU-22.04-64", "Windows"), null where none applies. */
  token: string | null;
  supported: boolean;
  /** Why the verdict is what it is (a catalog code, e.g. "support.ok", "support.arch"). */
  supportReason: string;
  /** English explanation of the verdict. */
  supportMessage: string;
  /** The explanation as a code and parameters (common/core-text/support-texts.ts), for other languages. */
  supportText?: CodedText;
  privileges: PrivilegeFacts;
  agent: AgentFacts;
  /** null until the slow disk probe has answered. */
  disk: DiskCheck[] | null;
  /** Whether a system restart is pending; absent or null until that probe has answered. */
  pendingRestart?: PendingRestartFacts | null;
  /** The last job, when it was interrupted; absent or null when there is none (or it could not be read). */
  interruptedJob?: InterruptedJobFacts | null;
  durationMs: number;
}

/** Sections arrive as each probe finishes so the screen renders before slow probes end. */
export type DetectionSnapshot = Partial<DetectionReport> & { root: string; complete: boolean };
