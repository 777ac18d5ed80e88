/**
 * The health report's labels and lines in English (diagnose's text, health.txt in the bundle, the Troubleshoot
 * page in English). Korean: health-texts-ko.ts. The Support line says the detection's support verdict
 * (support-texts.ts).
 */
export const healthTextsEn = {
  'health.label.system': 'System',
  'health.label.support': 'Support',
  'health.label.agent': 'Agent',
  'health.label.registration': 'Registration',
  'health.label.server': 'Configuration server',
  'health.label.services': 'Agent services',
  'health.label.disk': 'Free disk',
  'health.label.reboot': 'Pending restart',
  'health.label.antivirus': 'Anti-virus',
  'health.system.ok': '{{system}} ({{arch}}), installer token {{token}}.',
  'health.system.noInstaller': '{{system}} ({{arch}}): no installer is built for it.',
  'health.agent.missing': 'The Mobility service is not installed.',
  'health.agent.installed': 'Version {{version}} in {{folder}}.',
  'health.registration.ok': 'Registered ({{status}}).',
  'health.registration.missing': 'Not registered (status {{status}}): register it with its server.',
  'health.server.pointsTo': 'The agent points to {{server}}.',
  'health.server.none': 'The agent points to no configuration server (drscout.conf Hostname).',
  'health.server.other':
    'The agent points to {{server}}, not {{expected}}: registering with {{expected}} fails with exit 13 until it ' +
    'is unregistered.',
  'health.server.asExpected': 'The agent points to {{server}}, as expected.',
  'health.server.noneYet': 'The agent points to no server yet; expected {{expected}}.',
  'health.services.noAgent': 'No agent installed.',
  'health.services.notChecked': 'Not checked on this system.',
  'health.services.unreadable': 'Could not read the state of: {{names}}.',
  'health.services.running': 'Running: {{names}}.',
  'health.services.stopped': 'Not running: {{names}}. Start them or restart the machine.',
  'health.disk.notChecked': 'Not checked.',
  'health.disk.short': 'Not enough free space (free / needed): {{folders}}.',
  'health.disk.ok': 'Enough free space ({{folders}}).',
  'health.reboot.unknown': 'Could not tell whether a restart is pending.',
  'health.reboot.none': 'No restart pending.',
  'health.reboot.pending':
    'A restart is pending ({{markers}}): the installer stops with exit 62 until the machine restarts.',
  'health.antivirus.notFinished': 'The anti-virus check did not finish.',
  'health.antivirus.scanning': "{{products}} scans the agent's folders: exclude them (mobility-setup av-check).",
  'health.antivirus.cannotTell': "Cannot tell whether {{products}} excludes the agent's folders.",
  'health.antivirus.noScanner': 'No scanner found.',
  'health.antivirus.allExcluded': "Every scanner found excludes the agent's folders (or does not scan).",
} as const;

export type HealthTextCode = keyof typeof healthTextsEn;
