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
} as const;

export type AntivirusTextCode = keyof typeof antivirusTextsEn;
