/** Anti-virus exclusion check: types shared by the core, the CLI and the renderer. */
import type { CodedText } from './core-text/coded-text';

/**
 * Per scanner, for the agent's folders:
 * - excluded: every folder that matters is covered by an exclusion;
 * - notExcluded: at least one folder is not covered (an exclusion that covers only some files counts as not covered);
 * - cannotTell: the exclusions could not be read or evaluated (the reason says why);
 * - notScanning: the product is there but does not scan in real time (off, passive mode), so it is not in the way.
 */
export type ScannerStatus = 'excluded' | 'notExcluded' | 'cannotTell' | 'notScanning';

/** How a not-excluded scanner can be fixed: by Mobility Setup, or by someone in the product's console. */
export type FixKind = 'automatic' | 'manual';

export interface FolderVerdict {
  folder: string;
  covered: 'yes' | 'no' | 'partly' | 'unknown';
  /** The exclusion that decided it, as the product shows it. */
  by: string | null;
}

export interface ScannerFinding {
  /** Stable id from the product table ("clamav", "mdatp", "defender", "crowdstrike", …). */
  id: string;
  product: string;
  /** What showed it: files, folders, processes, services (system paths and names). */
  evidence: string[];
  status: ScannerStatus;
  /** Why, in English (also for the CLI and the logs). */
  reason: string;
  /** The reason as a code and parameters, where it is one sentence (console-managed products; see reasonTexts). */
  reasonText?: CodedText;
  /**
   * The reason as coded sentences (common/core-text/antivirus-texts.ts): their English joined by spaces is
   * `reason` (a verdict per folder, then notes).
   */
  reasonTexts?: CodedText[];
  folders: FolderVerdict[];
  /** The exclusions read from the product, as written there (empty when they could not be read). */
  exclusions: string[];
  fix: FixKind;
  /** For manual fixes (and automatic ones done by hand): the exact steps in the product's console. */
  manualSteps: string[];
  /** The same steps as codes and parameters, one per step. */
  manualStepTexts?: CodedText[];
  /** A message to copy to the security team, naming the product, the host and the folders. */
  requestText: string;
  /** The request as a code and parameters (common/core-text/antivirus-texts.ts). */
  requestTextCoded?: CodedText;
}

export interface AntivirusReport {
  platform: string;
  /** The folders that must be excluded on this machine (system paths). */
  folders: string[];
  scanners: ScannerFinding[];
  /** Whether this process may apply automatic fixes (root/Administrator). */
  canFix: boolean;
  checkedAt: number;
}

export type FixOutcome = 'fixed' | 'unchanged' | 'failed' | 'needsRoot' | 'manual' | 'notFound';

export interface FixResult {
  scannerId: string;
  outcome: FixOutcome;
  /** What was done or why not, in English. */
  message: string;
  /** The message as coded sentences, where it has them: their English joined by spaces is `message`. */
  messageTexts?: CodedText[];
  /** Files changed (system paths) and backups kept, for the person and the log. */
  changedFiles: string[];
  backups: string[];
  /** Commands that were run (fixed argument arrays, shown joined). */
  commands: string[];
}

export interface AntivirusFixReport {
  results: FixResult[];
  /** The check run again after the fixes. */
  report: AntivirusReport;
}

/** What the person chose on the anti-virus step, recorded in the install's summary. */
export type AntivirusChoice = 'allExcluded' | 'continuedWithWarning';

export interface AntivirusNote {
  /** notChecked: the install ran without an anti-virus check in this session (e.g. the CLI without av-check). */
  decision: AntivirusChoice | 'notChecked';
  /** Products that were not excluded (or could not be told) when the install started. */
  openScanners: { product: string; status: ScannerStatus }[];
  /** Products Mobility Setup added the exclusions to in this session (confirmed by the check after the fix). */
  fixed?: string[];
}

/** Scanners a person still has to look at. */
export const needsAttention = (finding: Pick<ScannerFinding, 'status'>): boolean =>
  finding.status === 'notExcluded' || finding.status === 'cannotTell';
