/**
 * What every OS's anti-virus probes say the same way: a scanner's status and reason from its folder verdicts,
 * and the finding for a product whose exclusions live in its management console. Kept here, not in one OS's
 * folder, so linux/ and win32/ both build on it without depending on each other.
 */
import type { FolderVerdict, ScannerFinding, ScannerStatus } from '../../common/antivirus';
import { composeText } from '../../common/core-text/coded-text';
import { antivirusTextsEn } from '../../common/core-text/antivirus-texts';
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

/** Manual steps for a console product (English and coded), with the folders written the way it wants them. */
export function consoleSteps(
  product: ConsoleProduct,
  folders: readonly string[],
): Pick<ScannerFinding, 'manualSteps' | 'manualStepTexts'> {
  const list = folders.map(product.folderForm).join(', ');
  const said = product.manualSteps.map((step) =>
    composeText(antivirusTextsEn, step.code, { ...step.params, folders: list }),
  );
  return {
    manualSteps: said.map((step) => step.message),
    manualStepTexts: said.map(({ code, params }) => ({ code, params })),
  };
}

function consoleReason(product: string): Pick<ScannerFinding, 'reason' | 'reasonText'> {
  const { message, ...reasonText } = composeText(antivirusTextsEn, 'av.console.reason', { product });
  return { reason: message, reasonText };
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
      ...consoleReason(product.product),
      folders: unknownVerdicts(folders),
      exclusions: [],
      fix: 'manual',
      ...consoleSteps(product, folders),
    },
    plan: null,
  };
}
