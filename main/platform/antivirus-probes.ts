import type { ScannerFinding } from '../../common/antivirus';
import type { CodedText } from '../../common/core-text/coded-text';

/** One command of a fix, as an argument array (no shell); `env` carries values a script reads (never a secret). */
export interface FixCommand {
  file: string;
  args: string[];
  env?: Record<string, string>;
  /** Output that proves success (mdatp prints one); absent: exit code 0 is enough. */
  success?: RegExp;
}

/** What an automatic fix does. The core carries it out, so every change to the machine happens in one place. */
export type FixPlan =
  /** Add anchored ExcludePath lines to clamd's configuration file, then restart its service. */
  | {
      kind: 'clamdConfig';
      configPath: string;
      service: string;
      restart: FixCommand | null;
      restartSkippedReason: string | null;
      /** The same reason as a coded sentence (common/core-text/antivirus-texts.ts). */
      restartSkippedText: CodedText | null;
    }
  /** Run product commands (mdatp exclusion add, Add-MpPreference), then read the exclusions back. */
  | { kind: 'commands'; commands: FixCommand[] };

/** A scanner as a platform probe found it: the finding, and how to fix it when Mobility Setup can. */
export interface DetectedScanner {
  finding: Omit<ScannerFinding, 'requestText'>;
  plan: FixPlan | null;
}

/** The OS-specific part of the anti-virus check, chosen in select.ts. */
export interface AntivirusProbes {
  findScanners(folders: readonly string[]): Promise<DetectedScanner[]>;
}
