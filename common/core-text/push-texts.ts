/**
 * Linux push-install readiness in English (diagnose, the bundle, the Troubleshoot page): each item's label,
 * finding and remedy. Korean: push-texts-ko.ts. Settings, paths and commands stay as sshd and systemd spell them.
 */
export const pushTextsEn = {
  'push.sshd.label': 'SSH server on port 22',
  'push.sshd.notInstalled': 'No /etc/ssh/sshd_config: the OpenSSH server is not installed.',
  'push.sshd.running': 'sshd is running, listening on port {{ports}}.',
  'push.sshd.notRunning': 'sshd is not seen running, listening on port {{ports}}.',
  'push.sshd.install': 'Install openssh-server and start it (systemctl enable --now sshd).',
  'push.sshd.start': 'Start sshd on port 22: systemctl enable --now sshd (and Port 22 in /etc/ssh/sshd_config).',
  'push.sftp.label': 'SFTP subsystem',
  'push.sftp.found': 'Subsystem sftp {{server}}',
  'push.sftp.missing': 'No "Subsystem sftp" line in sshd_config.',
  'push.sftp.add':
    'Add "Subsystem sftp /usr/lib/openssh/sftp-server" (RHEL: /usr/libexec/openssh/sftp-server) to ' +
    '/etc/ssh/sshd_config, then systemctl reload sshd.',
  'push.password.label': 'Password authentication',
  'push.password.default': 'PasswordAuthentication is not set (OpenSSH default: yes).',
  'push.password.set': 'PasswordAuthentication {{value}}.',
  'push.password.allow':
    'Set "PasswordAuthentication yes" in /etc/ssh/sshd_config (the push install logs in with the account\'s ' +
    'password), then systemctl reload sshd.',
  'push.hosts.label': 'Host name in /etc/hosts',
  'push.hosts.noHostname': 'No /etc/hostname.',
  'push.hosts.mapped': '{{name}} is mapped in /etc/hosts.',
  'push.hosts.missing': '{{name}} is not in /etc/hosts.',
  'push.hosts.add': 'Add a line "<this machine\'s IP address> {{name}}" to /etc/hosts.',
  // Windows. Firewall group, rule and profile names, registry values and commands stay as Windows writes them.
  'push.win.firewall.label': '{{group}} allowed through the firewall',
  'push.win.firewall.noList': '`netsh advfirewall firewall show rule` gave no list.',
  'push.win.firewall.noGroup':
    'netsh listed no inbound rule of the group "{{group}}" (another display language names it differently).',
  'push.win.firewall.allDisabled': 'All {{count}} inbound rules of the group are disabled.',
  'push.win.firewall.someDisabled': '{{disabled}} of {{count}} inbound rules of the group are disabled: {{names}}.',
  'push.win.firewall.allEnabled': 'All {{count}} inbound rules of the group are enabled {{profiles}}.',
  'push.win.profiles.every': 'for every network profile',
  'push.win.profiles.only':
    'for the {{profiles}} profile only: the configuration server must reach this machine over such a network',
  'push.win.tokenFilter.label': 'LocalAccountTokenFilterPolicy for a local account',
  'push.win.tokenFilter.unreadable': 'The registry key could not be read.',
  'push.win.tokenFilter.set': 'LocalAccountTokenFilterPolicy is 1.',
  'push.win.tokenFilter.uacOff': 'UAC is off (EnableLUA 0): local accounts are not filtered.',
  'push.win.tokenFilter.filtered':
    'LocalAccountTokenFilterPolicy is {{value}}: a local administrator account is filtered over the network (a ' +
    'domain account is not).',
  'push.win.tokenFilter.notSet':
    'LocalAccountTokenFilterPolicy is not set: a local administrator account is filtered over the network (a ' +
    'domain account is not).',
  'push.win.word.and': '{{first}} and {{second}}',
  'push.win.word.andMore': '{{names}} and {{more}} more',
} as const;

export type PushTextCode = keyof typeof pushTextsEn;
