/** The anti-virus line of the review and the summary, in words. */
import type { TFunction } from 'i18next';
import type { AntivirusNote } from '../../common/antivirus';
import { needsAttention } from '../../common/antivirus';
import type { AntivirusState } from '../flow/wizard-state';

export function antivirusNoteText(t: TFunction, note: AntivirusNote): string {
  const fixed =
    note.fixed && note.fixed.length > 0 ? ` ${t('antivirus.note.fixed', { products: note.fixed.join(', ') })}` : '';
  return decisionText(t, note) + fixed;
}

function decisionText(t: TFunction, note: AntivirusNote): string {
  const products = note.openScanners.map((s) => s.product).join(', ');
  if (note.decision === 'notChecked') return t('antivirus.note.notChecked');
  if (note.decision === 'allExcluded' && products === '') return t('antivirus.note.allExcluded');
  return t('antivirus.note.continuedWithWarning', { products: products || t('common.unknown') });
}

export function antivirusSummary(t: TFunction, antivirus: AntivirusState): string {
  const report = antivirus.report;
  if (!report) return t('antivirus.note.notChecked');
  const open = report.scanners.filter(needsAttention);
  return antivirusNoteText(t, {
    decision: open.length === 0 ? 'allExcluded' : 'continuedWithWarning',
    openScanners: open.map((s) => ({ product: s.product, status: s.status })),
  });
}
