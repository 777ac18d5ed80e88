import type { ScannerFinding } from '../../../common/antivirus';
import { composeText } from '../../../common/core-text/coded-text';
import { antivirusTextsEn } from '../../../common/core-text/antivirus-texts';

/** The message a person copies for the security team: product, host, folders, why, and how to check. */
export function securityTeamRequest(
  finding: Pick<ScannerFinding, 'product'>,
  host: string,
  folders: readonly string[],
): Pick<ScannerFinding, 'requestText' | 'requestTextCoded'> {
  const { message, ...requestTextCoded } = composeText(antivirusTextsEn, 'av.request', {
    product: finding.product,
    host,
    folders: folders.map((folder) => `  - ${folder}`).join('\n'),
  });
  return { requestText: message, requestTextCoded };
}
