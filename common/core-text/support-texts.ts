/**
 * The detection's support verdict in English (detect's text output, --json's supportMessage, the logs). The
 * Korean is support-texts-ko.ts; `system` is the distribution and version as the release file names them.
 */
export const supportTextsEn = {
  'support.arch':
    'The Mobility service runs on 64-bit x86 machines ({{architectures}}) only; this machine is {{arch}}.',
  'support.platform': 'The Mobility service runs on Windows and Linux only; this machine runs {{system}}.',
  'support.noRelease':
    'No Linux release file was found (/etc/os-release and the files the vendor reads are missing), so the ' +
    'distribution is unknown and no installer applies.',
  'support.distribution':
    '{{system}} is not a distribution the Mobility service supports (RHEL and its rebuilds, Oracle Linux, SLES, ' +
    'Ubuntu LTS, Debian).',
  'support.detectionFailed':
    'Mobility Setup could not read the operating system facts, so it cannot tell which installer applies. Try ' +
    'again; if it persists, send the Mobility Setup log to support.',
  'support.ok': '{{system}} is supported (installer {{token}}).',
  'support.version':
    '{{system}} has no published Mobility service installer (agent {{agents}}). Use a supported version: see the ' +
    'support matrix.',
  'support.windows.ok': '{{system}} (build {{build}}) is supported ({{edition}}; installer {{token}}).',
  'support.windows.updatesInstalled':
    '{{system}} (build {{build}}) is supported ({{edition}}; installer {{token}}); {{updates}} are installed.',
  'support.windows.updatesUnread':
    '{{system}} (build {{build}}) is supported ({{edition}}; installer {{token}}) with {{updates}}, needed from ' +
    'agent {{fromAgent}} on; the installed updates could not be read, so check them before installing.',
  'support.windows.updatesMissing':
    '{{system}} (build {{build}}) needs {{updates}} for the Mobility service {{fromAgent}} and later; missing: ' +
    '{{missing}}. Install each missing update (Windows Update or the Microsoft Update Catalog), restart, then ' +
    'check again.',
  'support.windows.version':
    '{{system}} (build {{build}}) is not a Windows version the Mobility service supports ({{editions}}).',
} as const;

export type SupportTextCode = keyof typeof supportTextsEn;
