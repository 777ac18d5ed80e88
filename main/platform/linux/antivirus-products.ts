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
      'In Sophos Central, open the threat protection policy that applies to this server (Server Protection > Policies).',
      'Under Settings > Global exclusions (or the policy\'s exclusions), choose "Add exclusion", type "File or folder (Mac/Linux)".',
      'Add each folder, ending with a slash: {folders}',
      'Save, then wait for the server to receive the policy (Sophos Central shows the policy as applied).',
    ],
  },
  {
    id: 'sophos-sav',
    product: 'Sophos Anti-Virus for Linux (legacy, end of life)',
    paths: ['/opt/sophos-av'],
    processes: ['savd', 'sav-protect', 'savscand'],
    services: ['sav-protect'],
    folderForm: withSlash,
    manualSteps: [
      'If the server is managed by Sophos Enterprise Console or Central, add the folders to its on-access exclusions there.',
      'Otherwise, as root, for each folder run: /opt/sophos-av/bin/savconfig add ExcludeFilePaths <folder>, with: {folders}',
      'Plan the move to Sophos Protection for Linux: this product reached end of life in 2023.',
    ],
  },
  {
    id: 'trellix',
    product: 'Trellix (McAfee) Endpoint Security for Linux',
    paths: ['/opt/McAfee/ens/tp/bin/mfetpcli', '/opt/McAfee/ens/tp'],
    processes: ['mfetpd', 'mfeespd'],
    services: ['mfetpd'],
    folderForm: withSlash,
    manualSteps: [
      'In Trellix ePO, open the Endpoint Security Threat Prevention on-access scan policy assigned to this server (Linux).',
      'Under Exclusions, add each folder, ending with "/" so it is treated as a folder, with "Also exclude subfolders": {folders}',
      'Save, then send an agent wake-up call to this server; check with: /opt/McAfee/ens/tp/bin/mfetpcli --getoasconfig --summary',
    ],
  },
  {
    id: 'eset',
    product: 'ESET Server Security for Linux',
    paths: ['/opt/eset/efs/sbin/cfg', '/opt/eset/efs'],
    processes: ['efs', 'oaeventd'],
    services: ['efs'],
    folderForm: withStar,
    manualSteps: [
      'In ESET PROTECT, open the policy for ESET Server Security for Linux that applies to this server.',
      'Under Detection engine > Exclusions > Performance exclusions, add each folder with "/*" at the end: {folders}',
      'Assign the policy and wait for the next replication (or send a "Policy update" task to this server).',
    ],
  },
  {
    id: 'crowdstrike',
    product: 'CrowdStrike Falcon',
    paths: ['/opt/CrowdStrike/falconctl', '/opt/CrowdStrike'],
    processes: ['falcon-sensor', 'falcond'],
    services: ['falcon-sensor'],
    folderForm: (folder) => `${withSlash(folder)}**`,
    manualSteps: [
      'In the Falcon console, go to Host setup and management > Prevention policy exclusions (Machine Learning and Sensor Visibility exclusions).',
      'Create an exclusion for the host group holding this server, for each folder (the "**" takes in every subfolder): {folders}',
      'Save; Falcon can take up to 40 minutes to apply it. Then run the check again.',
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
      'In the SentinelOne management console, go to Sentinels > Exclusions and add a Path exclusion for Linux, in the scope (site or group) of this server.',
      'Add each folder, "Include subfolders", mode "Suppress alerts" or "Performance focus" as your policy allows: {folders}',
      'Check on the server with: /opt/sentinelone/bin/sentinelctl control status',
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
