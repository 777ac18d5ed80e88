import type path from 'node:path';
import type { AgentFacts } from '../../common/detection';
import type { AgentCommands } from './vendor-command';
import type { SystemPaths } from './system-paths';

/** How the vendor names this OS's installer, and which OS token to look for. */
export interface InstallerNaming {
  readonly platform: 'linux' | 'win32';
  /** The token the installer must carry: the detected one on Linux, the fixed "Windows" on Windows. */
  readonly tokenFor: (detected: string | null) => string | null;
  /** The file name to ask for when none matches ("<version>" and "<date>" left as placeholders). */
  readonly wantedFileName: (token: string) => string;
}

/**
 * Everything that differs by OS, behind one interface, so the core asks instead of branching on the platform.
 * System paths are as the OS sees them; methods that take `paths` return real paths (root prefix applied).
 */
export interface OsProfile {
  readonly platform: 'linux' | 'win32';
  /** The vendor's commands (extract, install, register, uninstall) for this OS. */
  readonly commands: AgentCommands;
  /** The vendor's default install folder (a system path); the one place it is written per OS. */
  readonly defaultInstallDir: string;
  readonly installer: InstallerNaming;
  /** This OS's path rules (a Windows path is checked with win32 rules on any host). */
  readonly pathApi: path.PlatformPath;
  /** A full path on this OS: "/…" on Linux, a drive letter ("C:\\…") on Windows (no "\\server" or "\\…"). */
  readonly isAbsolute: (systemPath: string) => boolean;
  /** Whether the vendor's installer carries a signature the app checks (Authenticode on the Windows .exe). */
  readonly signedInstaller: boolean;
  /** Mobility Setup's own log folder (its app log and one file per job), as a real path. */
  readonly logDir: (paths: SystemPaths) => string;
  /** What a person runs to remove the agent by hand. */
  readonly uninstallHint: (installDir: string) => string;
  /** The summary's note about the Azure VM agent for an agent as it is now; null where it would not be true. */
  readonly azureVmAgentNote: (agent: Pick<AgentFacts, 'installed' | 'version'>) => string | null;
  /** Where WALinuxAgent shows itself (system paths); null on an OS where it does not apply. */
  readonly azureLinuxAgentMarkers: readonly string[] | null;
  /** The vendor's exit code as documented, from the status this OS reported. */
  readonly vendorExitCode: (status: number) => number;
}

/** Mobility Setup's own log file name, in the profile's log folder. */
export const APP_LOG_NAME = 'mobility-setup.log';
