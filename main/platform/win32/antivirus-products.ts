import type { ConsoleProduct } from '../antivirus-product-table';
import { withBackslash } from '../antivirus-product-table';

/** The three steps every Windows console takes, naming the console and where its exclusions are (its own words). */
const consoleSteps = (consoleName: string, where: string): ConsoleProduct['manualSteps'] => [
  { code: 'av.steps.windows.open', params: { console: consoleName, where } },
  { code: 'av.steps.windows.add' },
  { code: 'av.steps.windows.save' },
];

/**
 * Third-party scanners on Windows Server, recognised by their service names (../shared/antivirus.md; most names
 * come from third-party code, hence a table). Their exclusions live in their consoles.
 */
export const WINDOWS_CONSOLE_PRODUCTS: readonly ConsoleProduct[] = [
  {
    id: 'symantec',
    product: 'Symantec / Broadcom Endpoint Protection',
    paths: [],
    processes: ['SepMasterService'],
    services: [],
    folderForm: withBackslash,
    manualSteps: consoleSteps(
      'Symantec Endpoint Protection Manager (or Symantec Endpoint Security)',
      'the Exceptions policy',
    ),
  },
  {
    id: 'trellix',
    product: 'Trellix (McAfee) Endpoint Security',
    paths: [],
    processes: ['McShield', 'masvc', 'mfemms'],
    services: [],
    folderForm: withBackslash,
    manualSteps: consoleSteps('Trellix ePO', 'the Threat Prevention on-access scan policy (Exclusions)'),
  },
  {
    id: 'trendmicro',
    product: 'Trend Micro',
    paths: [],
    processes: ['NTRtScan', 'TmListen', 'TmCCSF', 'ds_agent'],
    services: [],
    folderForm: withBackslash,
    manualSteps: consoleSteps(
      'Trend Micro Apex One / Deep Security (Vision One) console',
      'the real-time scan exclusion list of the policy',
    ),
  },
  {
    id: 'sophos',
    product: 'Sophos Endpoint',
    paths: [],
    processes: ['Sophos Endpoint Defense Service', 'SAVService'],
    services: [],
    folderForm: withBackslash,
    manualSteps: consoleSteps(
      'Sophos Central',
      'the Server threat protection policy (Global exclusions, "File or folder (Windows)")',
    ),
  },
  {
    id: 'eset',
    product: 'ESET Server Security',
    paths: [],
    processes: ['ekrn'],
    services: [],
    folderForm: (f) => `${withBackslash(f)}*`,
    manualSteps: consoleSteps('ESET PROTECT', 'the policy (Detection engine > Exclusions > Performance exclusions)'),
  },
  {
    id: 'kaspersky',
    product: 'Kaspersky Endpoint Security',
    paths: [],
    processes: ['AVP', 'klnagent'],
    services: [],
    folderForm: withBackslash,
    manualSteps: consoleSteps(
      'Kaspersky Security Center',
      'the Kaspersky Endpoint Security policy (Exclusions and trusted applications)',
    ),
  },
  {
    id: 'bitdefender',
    product: 'Bitdefender GravityZone',
    paths: [],
    processes: ['EPSecurityService', 'vsserv'],
    services: [],
    folderForm: withBackslash,
    manualSteps: consoleSteps('Bitdefender GravityZone', 'the policy (Antimalware > Settings > Custom exclusions)'),
  },
  {
    id: 'crowdstrike',
    product: 'CrowdStrike Falcon',
    paths: [],
    processes: ['CSFalconService'],
    services: [],
    folderForm: (f) => `${withBackslash(f)}**`,
    manualSteps: consoleSteps(
      'the Falcon console',
      'Prevention policy exclusions (Machine Learning and Sensor Visibility) for the host group (it can take up to 40 minutes to apply)',
    ),
  },
  {
    id: 'sentinelone',
    product: 'SentinelOne',
    paths: [],
    processes: ['SentinelAgent'],
    services: [],
    folderForm: withBackslash,
    manualSteps: consoleSteps(
      'the SentinelOne management console',
      'Sentinels > Exclusions (Path, include subfolders) in the scope',
    ),
  },
  {
    id: 'carbonblack',
    product: 'VMware Carbon Black Cloud',
    paths: [],
    processes: ['CbDefense'],
    services: [],
    folderForm: (f) => `${withBackslash(f)}**`,
    manualSteps: consoleSteps(
      'the Carbon Black Cloud console',
      'the policy\'s Permissions ("Performs any operation": Bypass)',
    ),
  },
  {
    id: 'cylance',
    product: 'Cylance PROTECT',
    paths: [],
    processes: ['CylanceSvc'],
    services: [],
    folderForm: withBackslash,
    manualSteps: consoleSteps(
      'the Cylance console',
      'the device policy (Protection settings > Exclude specific folders)',
    ),
  },
];

export const SERVICES_ENV = 'MOBILITY_SETUP_AV_SERVICES';

/** Which of the table's services exist, with their state; names travel in an environment variable. */
export const SERVICES_SCRIPT = [
  `$names = $env:${SERVICES_ENV} -split '\\|'`,
  '@(Get-Service -Name $names -ErrorAction SilentlyContinue | Select-Object Name, @{ n = \'Status\'; e = { "$($_.Status)" } }) | ConvertTo-Json -Compress',
].join('\n');

export const serviceNamesForScript = (): string => WINDOWS_CONSOLE_PRODUCTS.flatMap((p) => p.processes).join('|');

export interface WindowsService {
  name: string;
  status: string;
}

export function parseServices(output: string): WindowsService[] {
  let data: unknown;
  try {
    data = JSON.parse(output.trim().replace(/^\uFEFF/, '') || '[]');
  } catch {
    return [];
  }
  const list = Array.isArray(data) ? data : [data];
  return list
    .filter(
      (s): s is Record<string, unknown> =>
        typeof s === 'object' && s !== null && typeof (s as Record<string, unknown>).Name === 'string',
    )
    .map((s) => ({ name: String(s.Name), status: typeof s.Status === 'string' ? s.Status : 'Unknown' }));
}
