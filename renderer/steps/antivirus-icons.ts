import type { ScannerFinding } from '../../common/antivirus';
import type { IconName } from '../components/icons';

/**
 * The status icon of a scanner. Its own module because the detection screen's section needs it too, and
 * importing it from the scanner card would pull that card (and its copy button) into the first screen's bundle.
 */
export const SCANNER_ICON: Record<ScannerFinding['status'], IconName> = {
  excluded: 'ok',
  notScanning: 'ok',
  notExcluded: 'fail',
  cannotTell: 'warn',
};
