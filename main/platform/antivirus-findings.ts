/**
 * What every OS's anti-virus probes say the same way: a scanner's status and reason from its folder verdicts,
 * and the finding for a product whose exclusions live in its management console. Kept here, not in one OS's
 * folder, so linux/ and win32/ both build on it without depending on each other.
 */
import type { FolderVerdict, ScannerStatus } from '../../common/antivirus';
import type { DetectedScanner } from './antivirus-probes';
import type { ConsoleProduct } from './antivirus-product-table';

export function statusFromVerdicts(verdicts: readonly FolderVerdict[]): ScannerStatus {
  if (verdicts.every((v) => v.covered === 'yes')) return 'excluded';
  if (verdicts.some((v) => v.covered === 'no' || v.covered === 'partly')) return 'notExcluded';
  return 'cannotTell';
}

export function verdictReason(verdicts: readonly FolderVerdict[]): string {
  return verdicts
    .map((v) =>
      v.covered === 'yes'
        ? `${v.folder} is excluded (${v.by ?? 'exclusion'}).`
        : v.covered === 'partly'
          ? `${v.folder} is only partly excluded (${v.by ?? 'exclusion'} covers some files, not all).`
          : v.covered === 'unknown'
            ? `Cannot tell whether ${v.by ?? 'an exclusion'} covers ${v.folder}.`
            : `${v.folder} is not excluded.`,
    )
    .join(' ');
}

/** Every folder "cannot tell": the exclusions could not be read. */
export const unknownVerdicts = (folders: readonly string[]): FolderVerdict[] =>
  folders.map((folder) => ({ folder, covered: 'unknown', by: null }));

/** Manual steps for a console product, with the folders written the way that product wants them. */
export function consoleSteps(product: ConsoleProduct, folders: readonly string[]): string[] {
  const list = folders.map(product.folderForm).join(', ');
  return product.manualSteps.map((step) => step.replace('{folders}', list));
}

/** A console-managed product found on this machine (by `evidence`): "cannot tell", with its console's steps. */
export function consoleProductFinding(
  product: ConsoleProduct,
  evidence: string[],
  folders: readonly string[],
): DetectedScanner {
  return {
    finding: {
      id: product.id,
      product: product.product,
      evidence,
      status: 'cannotTell',
      reason: `${product.product} keeps its exclusions in its management console; Mobility Setup cannot read or change them from this server.`,
      folders: unknownVerdicts(folders),
      exclusions: [],
      fix: 'manual',
      manualSteps: consoleSteps(product, folders),
    },
    plan: null,
  };
}
