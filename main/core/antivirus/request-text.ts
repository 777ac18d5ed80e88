import type { ScannerFinding } from '../../../common/antivirus';

/** The message a person copies for the security team: product, host, folders, why, and how to check. */
export function securityTeamRequest(
  finding: Pick<ScannerFinding, 'product'>,
  host: string,
  folders: readonly string[],
): string {
  return [
    `Please add a real-time scanning exclusion in ${finding.product} for the server ${host}:`,
    ...folders.map((folder) => `  - ${folder} (the folder and everything under it)`),
    '',
    // One line per paragraph: the person pastes it into a ticket or a mail, which wraps it.
    'Why: the Mobility service (the disaster-recovery replication agent) is installed in these folders. Real-time scanning of them is a known cause of failed installs and broken replication (for example VSS error 0x800706BE).',
    'Once it is in place, the check in Mobility Setup (mobility-setup av-check) will show the folders as excluded.',
  ].join('\n');
}
