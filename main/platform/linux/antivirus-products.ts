import type { ConsoleProduct } from '../antivirus-product-table';
import { withSlash, withStar } from '../antivirus-product-table';

/** Console-managed scanners on Linux (../shared/antivirus.md). */
export const LINUX_CONSOLE_PRODUCTS: readonly ConsoleProduct[] = [
  {
    id: 'sophos',
    product: 'Sophos Protection for Linux',
    paths: ['/opt/sophos-spl'],
    processes: ['sophos_threat_d', 'sophos_threat_detector', 'soapd', 'sophos_managementagent'],
    services: ['sophos-spl'],
    folderForm: withSlash,
    manualSteps: [
      { code: 'av.steps.sophos.1' },
      { code: 'av.steps.sophos.2' },
      { code: 'av.steps.sophos.3' },
      { code: 'av.steps.sophos.4' },
    ],
  },
  {
    id: 'sophos-sav',
    product: 'Sophos Anti-Virus for Linux (legacy, end of life)',
    paths: ['/opt/sophos-av'],
    processes: ['savd', 'sav-protect', 'savscand'],
    services: ['sav-protect'],
    folderForm: withSlash,
    manualSteps: [{ code: 'av.steps.sophosSav.1' }, { code: 'av.steps.sophosSav.2' }, { code: 'av.steps.sophosSav.3' }],
  },
  {
    id: 'trellix',
    product: 'Trellix (McAfee) Endpoint Security for Linux',
    paths: ['/opt/McAfee/ens/tp/bin/mfetpcli', '/opt/McAfee/ens/tp'],
    processes: ['mfetpd', 'mfeespd'],
    services: ['mfetpd'],
    folderForm: withSlash,
    manualSteps: [{ code: 'av.steps.trellix.1' }, { code: 'av.steps.trellix.2' }, { code: 'av.steps.trellix.3' }],
  },
  {
    id: 'eset',
    product: 'ESET Server Security for Linux',
    paths: ['/opt/eset/efs/sbin/cfg', '/opt/eset/efs'],
    processes: ['efs', 'oaeventd'],
    services: ['efs'],
    folderForm: withStar,
    manualSteps: [{ code: 'av.steps.eset.1' }, { code: 'av.steps.eset.2' }, { code: 'av.steps.eset.3' }],
  },
  {
    id: 'crowdstrike',
    product: 'CrowdStrike Falcon',
    paths: ['/opt/CrowdStrike/falconctl', '/opt/CrowdStrike'],
    processes: ['falcon-sensor', 'falcond'],
    services: ['falcon-sensor'],
    folderForm: (folder) => `${withSlash(folder)}**`,
    manualSteps: [
      { code: 'av.steps.crowdstrike.1' },
      { code: 'av.steps.crowdstrike.2' },
      { code: 'av.steps.crowdstrike.3' },
    ],
  },
  {
    id: 'sentinelone',
    product: 'SentinelOne',
    paths: ['/opt/sentinelone/bin/sentinelctl', '/opt/sentinelone'],
    processes: ['sentinelone-agent', 's1-agent', 's1-orchestrator'],
    services: ['sentinelone'],
    folderForm: withSlash,
    manualSteps: [
      { code: 'av.steps.sentinelone.1' },
      { code: 'av.steps.sentinelone.2' },
      { code: 'av.steps.sentinelone.3' },
    ],
  },
];

/** ClamAV's signs of life besides its configuration file. */
export const CLAMAV_PROCESSES = ['clamd', 'clamonacc'] as const;
export const CLAMAV_SERVICES = ['clamav-daemon', 'clamd@scan', 'clamav-clamonacc'] as const;
/** Microsoft Defender for Endpoint's daemon. */
export const MDATP_PROCESSES = ['wdavdaemon'] as const;

/** Where systemd unit files live (the unit's presence says the product is installed, not that it runs). */
export const SYSTEMD_UNIT_DIRS = ['/etc/systemd/system', '/lib/systemd/system', '/usr/lib/systemd/system'] as const;
