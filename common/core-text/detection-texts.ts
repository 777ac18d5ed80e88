/**
 * Detection's other sentences in English: what said a restart is pending, the machine's state after an
 * interrupted job, why elevation cannot be asked for. Korean: detection-texts-ko.ts.
 */
const ROOT_HINT =
  'Run Mobility Setup as root instead: sudo mobility-setup open on a desktop, sudo mobility-setup serve over SSH, ' +
  'or sudo mobility-setup install … for a silent install.';

export const detectionTextsEn = {
  'restart.rebootRequiredFile': '{{path}} exists',
  'restart.rebootRequiredFile.packages': '{{path}} exists (packages: {{packages}})',
  'restart.rebootRequiredFile.packagesMore': '{{path}} exists (packages: {{packages}} and {{more}} more)',
  'restart.needsRestarting': 'needs-restarting -r says a reboot is required',
  'restart.needsRestarting.updated': 'needs-restarting -r says a reboot is required (updated since boot: {{names}})',
  'restart.needsRestarting.updatedMore':
    'needs-restarting -r says a reboot is required (updated since boot: {{names}} and {{more}} more)',
  'restart.newerKernel': 'kernel {{newest}} is installed but {{running}} is running',
  'restart.cbsRebootPending':
    'Component Based Servicing reports RebootPending (an update or feature change waits for a restart)',
  'restart.windowsUpdateRebootRequired': 'Windows Update reports RebootRequired (installed updates wait for a restart)',
  'restart.pendingFileRename.one': '1 file operation waits for a restart (PendingFileRenameOperations)',
  'restart.pendingFileRename': '{{count}} file operations wait for a restart (PendingFileRenameOperations)',
  'machine.notInstalled': 'The Mobility service is not installed.',
  'machine.registered': 'The Mobility service {{version}} is installed and registered.',
  'machine.registeredWith': 'The Mobility service {{version}} is installed and registered with {{server}}.',
  'machine.notRegistered': 'The Mobility service {{version}} is installed but not registered.',
  'privileges.noPkexec':
    'Installing needs root, and pkexec (polkit) is not installed, so Mobility Setup cannot ask for the password ' +
    `itself. ${ROOT_HINT}`,
  'privileges.noPolkitAgent':
    'Mobility Setup will ask polkit (pkexec) when it installs. No password dialog (polkit agent) is running in ' +
    'this session, usual over SSH: it works where a polkit rule allows it without a password; otherwise it stops ' +
    `before changing anything. ${ROOT_HINT}`,
  'privileges.uacOff':
    'Installing needs Administrator rights and User Account Control is turned off, so Mobility Setup cannot ask ' +
    'for them. Sign in as an administrator, or start Mobility Setup from an elevated prompt (Run as administrator).',
} as const;

export type DetectionTextCode = keyof typeof detectionTextsEn;
