/**
 * What every OS's anti-virus probes say the same way: a scanner's status and reason from its folder verdicts,
 * and the finding for a product whose exclusions live in its management console. Kept here, not in one OS's
 * folder, so linux/ and win32/ both build on it without depending on each other.
 */
import type { FolderVerdict, ScannerFinding, ScannerStatus } from '../../common/antivirus';
import { codedOnly, composeText, composeWithParts, joinTexts, joinedWith } from '../../common/core-text/coded-text';
import type { ComposedText, TextPart } from '../../common/core-text/coded-text';
import { antivirusTextsEn } from '../../common/core-text/antivirus-texts';
import type { AntivirusTextCode } from '../../common/core-text/antivirus-texts';
import type { DetectedScanner } from './antivirus-probes';
import type { ConsoleProduct } from './antivirus-product-table';

export function statusFromVerdicts(verdicts: readonly FolderVerdict[]): ScannerStatus {
  if (verdicts.every((v) => v.covered === 'yes')) return 'excluded';
  if (verdicts.some((v) => v.covered === 'no' || v.covered === 'partly')) return 'notExcluded';
  return 'cannotTell';
}

/** One sentence per folder (coded, with its English); `by` is the product's exclusion text, kept as written. */
export function verdictTexts(verdicts: readonly FolderVerdict[]): ComposedText[] {
  return verdicts.map(({ folder, covered, by }) => {
    if (covered === 'no') return avText('av.verdict.no', { folder });
    const code =
      covered === 'yes' ? 'av.verdict.excluded' : covered === 'partly' ? 'av.verdict.partly' : 'av.verdict.unknown';
    return by === null ? avText(`${code}Unnamed`, { folder }) : avText(code, { folder, by });
  });
}

/** A reason made of sentences (verdicts, then notes): its English joined by spaces, and its codes. */
export function reasonFrom(sentences: readonly ComposedText[]): Pick<ScannerFinding, 'reason' | 'reasonTexts'> {
  const { message, texts } = joinTexts(sentences);
  return { reason: message, reasonTexts: texts };
}

/** Manual steps from coded sentences: the English ones and their codes. */
export function stepsFrom(steps: readonly ComposedText[]): Pick<ScannerFinding, 'manualSteps' | 'manualStepTexts'> {
  return { manualSteps: steps.map((step) => step.message), manualStepTexts: steps.map(codedOnly) };
}

/** An anti-virus sentence whose parameters may be coded sentences themselves ("exit none", "A and B"). */
export function avText(code: AntivirusTextCode, parts: Readonly<Record<string, TextPart>> = {}): ComposedText {
  return composeWithParts(antivirusTextsEn, code, parts);
}

/** An exit code in a sentence: a process that has none (killed, timed out) says "none". */
export const exitPart = (code: number | null): TextPart => code ?? avText('av.word.none');

/** Items joined with " and " in English, and said the same way in the reader's language. */
export const joinedWithAnd = (items: readonly string[]): TextPart =>
  joinedWith(items, (first, second) => avText('av.word.and', { first, second }));

/** Every folder "cannot tell": the exclusions could not be read. */
export const unknownVerdicts = (folders: readonly string[]): FolderVerdict[] =>
  folders.map((folder) => ({ folder, covered: 'unknown', by: null }));

/** Manual steps for a console product (English and coded), with the folders written the way it wants them. */
export function consoleSteps(
  product: ConsoleProduct,
  folders: readonly string[],
): Pick<ScannerFinding, 'manualSteps' | 'manualStepTexts'> {
  const list = folders.map(product.folderForm).join(', ');
  return stepsFrom(
    product.manualSteps.map((step) => composeText(antivirusTextsEn, step.code, { ...step.params, folders: list })),
  );
}

function consoleReason(product: string): Pick<ScannerFinding, 'reason' | 'reasonText' | 'reasonTexts'> {
  const said = composeText(antivirusTextsEn, 'av.console.reason', { product });
  return { ...reasonFrom([said]), reasonText: codedOnly(said) };
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
