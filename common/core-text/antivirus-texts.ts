/**
 * The anti-virus step's console-managed scanners in English: why Mobility Setup cannot tell, the steps in each
 * product's console, and the request for the security team. Korean: antivirus-texts-ko.ts. Menu paths and
 * commands are the products' own words and stay as the product shows them.
 */
export const antivirusTextsEn = {
  'av.console.reason':
    '{{product}} keeps its exclusions in its management console; Mobility Setup cannot read or change them from ' +
    'this server.',
  'av.request':
    'Please add a real-time scanning exclusion in {{product}} for the server {{host}}, for each folder and ' +
    'everything under it:\n{{folders}}\n\n' +
    // One line per paragraph: the person pastes it into a ticket or a mail, which wraps it.
    'Why: the Mobility service (the disaster-recovery replication agent) is installed in these folders. Real-time ' +
    'scanning of them is a known cause of failed installs and broken replication (for example VSS error ' +
    '0x800706BE).\n' +
    'Once it is in place, the check in Mobility Setup (mobility-setup av-check) will show the folders as excluded.',
  'av.steps.windows.open': 'In {{console}}, open {{where}} that applies to this server.',
  'av.steps.windows.add': 'Add a folder exclusion (with subfolders) for each folder: {{folders}}',
  'av.steps.windows.save': 'Save and deploy the policy to this server, then run the check again.',
  'av.steps.sophos.1':
    'In Sophos Central, open the threat protection policy that applies to this server (Server Protection > Policies).',
  'av.steps.sophos.2':
    'Under Settings > Global exclusions (or the policy\'s exclusions), choose "Add exclusion", type "File or ' +
    'folder (Mac/Linux)".',
  'av.steps.sophos.3': 'Add each folder, ending with a slash: {{folders}}',
  'av.steps.sophos.4':
    'Save, then wait for the server to receive the policy (Sophos Central shows the policy as applied).',
  'av.steps.sophosSav.1':
    'If the server is managed by Sophos Enterprise Console or Central, add the folders to its on-access ' +
    'exclusions there.',
  'av.steps.sophosSav.2':
    'Otherwise, as root, for each folder run: /opt/sophos-av/bin/savconfig add ExcludeFilePaths <folder>, with: ' +
    '{{folders}}',
  'av.steps.sophosSav.3': 'Plan the move to Sophos Protection for Linux: this product reached end of life in 2023.',
  'av.steps.trellix.1':
    'In Trellix ePO, open the Endpoint Security Threat Prevention on-access scan policy assigned to this server ' +
    '(Linux).',
  'av.steps.trellix.2':
    'Under Exclusions, add each folder, ending with "/" so it is treated as a folder, with "Also exclude ' +
    'subfolders": {{folders}}',
  'av.steps.trellix.3':
    'Save, then send an agent wake-up call to this server; check with: /opt/McAfee/ens/tp/bin/mfetpcli ' +
    '--getoasconfig --summary',
  'av.steps.eset.1': 'In ESET PROTECT, open the policy for ESET Server Security for Linux that applies to this server.',
  'av.steps.eset.2':
    'Under Detection engine > Exclusions > Performance exclusions, add each folder with "/*" at the end: {{folders}}',
  'av.steps.eset.3':
    'Assign the policy and wait for the next replication (or send a "Policy update" task to this server).',
  'av.steps.crowdstrike.1':
    'In the Falcon console, go to Host setup and management > Prevention policy exclusions (Machine Learning and ' +
    'Sensor Visibility exclusions).',
  'av.steps.crowdstrike.2':
    'Create an exclusion for the host group holding this server, for each folder (the "**" takes in every ' +
    'subfolder): {{folders}}',
  'av.steps.crowdstrike.3': 'Save; Falcon can take up to 40 minutes to apply it. Then run the check again.',
  'av.steps.sentinelone.1':
    'In the SentinelOne management console, go to Sentinels > Exclusions and add a Path exclusion for Linux, in ' +
    'the scope (site or group) of this server.',
  'av.steps.sentinelone.2':
    'Add each folder, "Include subfolders", mode "Suppress alerts" or "Performance focus" as your policy allows: ' +
    '{{folders}}',
  'av.steps.sentinelone.3': 'Check on the server with: /opt/sentinelone/bin/sentinelctl control status',

  // Words that stand in a sentence's parameter ("exit none", "A and B").
  'av.word.none': 'none',
  'av.word.noOutput': 'no output',
  'av.word.unexpectedError': 'an unexpected error',
  'av.word.and': '{{first}} and {{second}}',

  // A folder's verdict, one sentence per folder. {{by}} is the exclusion as the product writes it.
  'av.verdict.excluded': '{{folder}} is excluded ({{by}}).',
  'av.verdict.excludedUnnamed': '{{folder}} is excluded (exclusion).',
  'av.verdict.partly': '{{folder}} is only partly excluded ({{by}} covers some files, not all).',
  'av.verdict.partlyUnnamed': '{{folder}} is only partly excluded (exclusion covers some files, not all).',
  'av.verdict.unknown': 'Cannot tell whether {{by}} covers {{folder}}.',
  'av.verdict.unknownUnnamed': 'Cannot tell whether an exclusion covers {{folder}}.',
  'av.verdict.no': '{{folder}} is not excluded.',
  'av.realTimeOff': 'Real-time protection is off.',

  // ClamAV: Mobility Setup reads clamd's configuration and adds ExcludePath lines itself.
  'av.clamav.noConfig':
    'clamd is running, but its configuration file was not found, so its ExcludePath lines cannot be read.',
  'av.clamav.exampleLine': '{{configPath}} still has the "Example" line, so clamd does not start with it.',
  'av.clamav.notRunning': 'clamd is not running now; the exclusion matters when it starts.',
  'av.clamav.steps.findConfig':
    "Find clamd's configuration (the -c option of the running clamd), add the lines {{lines}}, then restart clamd.",
  'av.clamav.steps.add': 'As root, add to {{configPath}}: {{lines}}',
  'av.clamav.steps.restart': 'Then restart clamd (a reload only reloads signatures): systemctl restart {{services}}',
  'av.clamav.restartSkipped.sandbox':
    'Sandbox root {{root}}: the {{service}} service was not restarted (no systemctl under the root prefix; the ' +
    'real service is never touched from a sandbox).',
  'av.clamav.restartSkipped.noSystemctl':
    'systemctl was not found: restart {{service}} by hand so clamd reads its configuration again.',

  // Defender for Endpoint on Linux (mdatp).
  'av.mdatp.noTool':
    'Defender for Endpoint is installed but the mdatp tool is missing, so its exclusions cannot be read.',
  'av.mdatp.realTimeOffManaged': 'Real-time protection is off (set by the managed profile).',
  'av.mdatp.listFailed': 'mdatp exclusion list failed (exit {{exit}}), so the exclusions cannot be read.',
  'av.mdatp.adminOnly':
    'A managed profile sets the exclusion merge policy to admin_only: exclusions added on this server do not ' +
    'apply; they must be added to the managed policy.',
  'av.mdatp.steps.add': 'As root: {{commands}}',
  'av.mdatp.steps.managed':
    'If the server is managed (Intune, Microsoft Defender portal, or a managed profile in ' +
    '/etc/opt/microsoft/mdatp/managed/), add the folders to the antivirus exclusions of that policy instead.',

  // Microsoft Defender Antivirus (Windows).
  'av.defender.disabled': 'The Defender service is disabled (0x800106BA; another scanner is usually installed).',
  'av.defender.passive': 'Defender runs in {{mode}}, which does not block files.',
  'av.defender.needsAdmin':
    'Defender shows its exclusions to Administrators only ("N/A: Must be an administrator to view exclusions"). ' +
    'Run Mobility Setup as Administrator to check.',
  'av.defender.hiddenFromAdmins':
    'A policy hides Defender exclusions even from Administrators (HideExclusionsFromLocalAdmins); ask the ' +
    'security team to check.',
  'av.defender.readFailed': 'Get-MpPreference failed: {{error}}',
  'av.defender.tamper': 'Tamper Protection is on: an added exclusion may be blocked, so it is read back after adding.',
  'av.defender.steps.add': 'In an elevated PowerShell: {{commands}}',
  'av.defender.steps.readBack':
    'Then read the list back: (Get-MpPreference).ExclusionPath. With Tamper Protection for exclusions (Intune ' +
    'or Configuration Manager), add the folders to that policy instead.',

  // Other Windows products: known to Security Center only, or the service list could not be read.
  'av.securityCenter.on':
    '{{product}} is registered with Security Center as on; its exclusions live in its own console.',
  'av.securityCenter.off': '{{product}} is registered with Security Center as off.',
  'av.securityCenter.snoozed': '{{product}} is registered with Security Center as snoozed.',
  'av.securityCenter.expired': '{{product}} is registered with Security Center as expired.',
  'av.securityCenter.unknown': '{{product}} is registered with Security Center as unknown.',
  'av.securityCenter.steps':
    "In {{product}}'s console, add a real-time scanning exclusion (with subfolders) for: {{folders}}",
  'av.services.unreadable':
    "Mobility Setup could not list this server's services, so a third-party scanner may run unseen. Windows " +
    'PowerShell 3.0 or later is needed for the check.',
  'av.services.steps':
    'Check which anti-virus product runs on this server, and add a real-time scanning exclusion (with ' +
    'subfolders) for: {{folders}}',

  // Fix results.
  'av.fix.clamav.unchanged': '{{configPath}} already excludes the folders; nothing was changed.',
  'av.fix.clamav.added': 'Added to {{configPath}}: {{lines}}.',
  'av.fix.clamav.restartFailed':
    'But restarting {{service}} failed (exit {{exit}}): restart it by hand (systemctl restart {{service}}).',
  'av.fix.clamav.restarted': '{{service}} was restarted.',
  'av.fix.refused': '{{product}} refused the exclusion (exit {{exit}}): {{output}}',
  'av.fix.added': '{{product}}: the folders were added to its exclusions.',
  'av.fix.notReadBack':
    'But reading the exclusions back does not show the folders as excluded ({{reason}}) A policy (Tamper ' +
    'Protection, a managed profile) may have blocked it: ask the security team.',
  'av.fix.notFound': 'No scanner "{{scanner}}" was found on this machine.',
  'av.fix.nothingToDo': '{{product}}: nothing to do.',
  'av.fix.alreadyExcluded': '{{product}}: nothing to do (the folders are already excluded).',
  'av.fix.notScanning': '{{product}}: nothing to do (it does not scan in real time).',
  'av.fix.manual':
    '{{product}} cannot be changed from this server: follow the manual steps, or send the request to the ' +
    'security team.',
  'av.fix.manualHere': '{{product}} cannot be changed here.',
  'av.fix.needsRoot':
    'Fixing {{product}} needs root (Administrator on Windows): run Mobility Setup as root (sudo mobility-setup ' +
    'av-check --fix), or follow the manual steps.',
  'av.fix.failed': 'Fixing {{product}} failed: {{error}}',
  // A fix through the elevated helper (a person who is not root).
  'av.fix.elevation.notGranted': 'The administrator password was not given; nothing was changed.',
  'av.fix.elevation.cannotChange': 'Mobility Setup cannot change {{scanner}} itself.',
  'av.fix.elevation.ended': 'The elevated helper ended ({{why}}).',
  'av.word.timedOut': 'it timed out',
  'av.word.cancelled': 'it was cancelled',
  'av.word.exit': 'exit {{exit}}',
} as const;

export type AntivirusTextCode = keyof typeof antivirusTextsEn;
