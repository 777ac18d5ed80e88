/**
 * A scanner Mobility Setup recognises but cannot change itself: how to find it, and the exact steps for the
 * person who can (its management console). Facts: ../shared/antivirus.md; names that come from third-party
 * code rather than the vendor's documentation live only in these tables, so a correction is one line.
 */
import type { TextParams } from '../../common/core-text/coded-text';
import type { AntivirusTextCode } from '../../common/core-text/antivirus-texts';

export interface ConsoleProduct {
  id: string;
  product: string;
  /** Install folders, control tools or config files (system paths) whose presence shows the product. */
  paths: readonly string[];
  /** Process names (Linux /proc comm or program) or Windows service names. */
  processes: readonly string[];
  /** Linux systemd units. */
  services: readonly string[];
  /** Steps from common/core-text/antivirus-texts.ts; `{{folders}}` gets the folders as the product writes them. */
  manualSteps: readonly { code: AntivirusTextCode; params?: TextParams }[];
  /** How this product writes a folder exclusion ("/usr/local/ASR/", "/usr/local/ASR/*", "C:\…\"). */
  folderForm: (folder: string) => string;
}

export const withSlash = (folder: string): string => `${folder.replace(/[\\/]+$/, '')}/`;
export const withStar = (folder: string): string => `${withSlash(folder)}*`;
export const withBackslash = (folder: string): string => `${folder.replace(/[\\/]+$/, '')}\\`;
