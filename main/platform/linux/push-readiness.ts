/**
 * What the configuration server's push install needs on a Linux machine, read from files under the root
 * prefix (no command runs): sshd on port 22, the SFTP subsystem, password authentication, and this host's name
 * in /etc/hosts. The error IDs are the ones the vendor's push-install troubleshooting article files these
 * checks under (connectivity 95117, credentials 95107/95108, SSH/SFTP 95523); INFERRED where the article is
 * not specific, so each item names them as "prevents" rather than as the only cause.
 */
import type { PushReadinessItem } from '../../../common/troubleshoot';
import type { RootFiles } from '../root-files';
import { runningProcessNames } from './process-scan';

interface SshdSettings {
  ports: string[];
  sftp: string | null;
  passwordAuthentication: string | null;
}

/**
 * sshd_config keywords are case-insensitive and the first value wins (sshd_config(5)); a Match block ends the
 * global part.
 */
export function parseSshdConfig(texts: readonly string[]): SshdSettings {
  const first = new Map<string, string>();
  const ports: string[] = [];
  for (const text of texts) {
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      const match = /^(\S+)\s+(.*)$/.exec(line);
      if (!match) continue;
      const key = match[1]!.toLowerCase();
      if (key === 'match')
        return {
          ports,
          sftp: first.get('subsystem') ?? null,
          passwordAuthentication: first.get('passwordauthentication') ?? null,
        };
      if (key === 'port') ports.push(match[2]!.trim());
      else if (key === 'subsystem' && /^sftp\s/i.test(match[2]!))
        first.set('subsystem', first.get('subsystem') ?? match[2]!);
      else if (!first.has(key)) first.set(key, match[2]!.trim());
    }
  }
  return {
    ports,
    sftp: first.get('subsystem') ?? null,
    passwordAuthentication: first.get('passwordauthentication') ?? null,
  };
}

/**
 * sshd reads Include files where the Include line is; Debian and RHEL put
 * `Include /etc/ssh/sshd_config.d/*.conf` first.
 */
async function sshdConfigTexts(files: RootFiles): Promise<string[] | null> {
  const main = await files.readText('/etc/ssh/sshd_config');
  if (main === null) return null;
  const dropIns = /^\s*Include\s+\/etc\/ssh\/sshd_config\.d\/\*\.conf\s*$/im.test(main)
    ? (await files.listDir('/etc/ssh/sshd_config.d')).filter((name) => name.endsWith('.conf')).sort()
    : [];
  const texts = await Promise.all(dropIns.map((name) => files.readText(`/etc/ssh/sshd_config.d/${name}`)));
  return [...texts.filter((t): t is string => t !== null), main];
}

export async function linuxPushReadiness(files: RootFiles): Promise<PushReadinessItem[]> {
  const [texts, processes, hostname, hosts] = await Promise.all([
    sshdConfigTexts(files),
    runningProcessNames(files),
    files.readText('/etc/hostname'),
    files.readText('/etc/hosts'),
  ]);
  const sshd = texts === null ? null : parseSshdConfig(texts);
  const ports = sshd && sshd.ports.length > 0 ? sshd.ports : ['22'];
  const running = processes.includes('sshd');
  const items: PushReadinessItem[] = [];
  items.push({
    id: 'sshd',
    label: 'SSH server on port 22',
    state: texts === null ? 'notReady' : running && ports.includes('22') ? 'ok' : running ? 'notReady' : 'unknown',
    finding:
      texts === null
        ? 'No /etc/ssh/sshd_config: the OpenSSH server is not installed.'
        : `sshd ${running ? 'is running' : 'is not seen running'}, listening on port ${ports.join(', ')}.`,
    preventsErrors: ['95117', '95523'],
    remedy:
      texts === null
        ? 'Install openssh-server and start it (systemctl enable --now sshd).'
        : running && ports.includes('22')
          ? null
          : 'Start sshd on port 22: systemctl enable --now sshd (and Port 22 in /etc/ssh/sshd_config).',
  });
  items.push({
    id: 'sftp',
    label: 'SFTP subsystem',
    state: sshd === null ? 'notReady' : sshd.sftp ? 'ok' : 'notReady',
    finding: sshd?.sftp
      ? `Subsystem sftp ${sshd.sftp.replace(/^sftp\s+/i, '')}`
      : 'No "Subsystem sftp" line in sshd_config.',
    preventsErrors: ['95523'],
    remedy: sshd?.sftp
      ? null
      : 'Add "Subsystem sftp /usr/lib/openssh/sftp-server" (RHEL: /usr/libexec/openssh/sftp-server) to /etc/ssh/sshd_config, then systemctl reload sshd.',
  });
  const password = sshd?.passwordAuthentication?.toLowerCase() ?? null;
  items.push({
    id: 'passwordAuthentication',
    label: 'Password authentication',
    state: sshd === null ? 'notReady' : password === 'no' ? 'notReady' : 'ok',
    finding:
      password === null
        ? 'PasswordAuthentication is not set (OpenSSH default: yes).'
        : `PasswordAuthentication ${password}.`,
    preventsErrors: ['95107', '95108'],
    remedy:
      password === 'no'
        ? 'Set "PasswordAuthentication yes" in /etc/ssh/sshd_config (the push install logs in with the account\'s password), then systemctl reload sshd.'
        : null,
  });
  const name = hostname?.trim().split('.')[0] ?? '';
  const mapped =
    name !== '' &&
    hosts !== null &&
    hosts.split(/\r?\n/).some(
      (line) =>
        !line.trim().startsWith('#') &&
        line
          .trim()
          .split(/\s+/)
          .slice(1)
          .some((alias) => alias.split('.')[0] === name),
    );
  items.push({
    id: 'hostsEntry',
    label: 'Host name in /etc/hosts',
    state: name === '' ? 'unknown' : mapped ? 'ok' : 'notReady',
    finding:
      name === '' ? 'No /etc/hostname.' : mapped ? `${name} is mapped in /etc/hosts.` : `${name} is not in /etc/hosts.`,
    preventsErrors: ['95523'],
    remedy: mapped || name === '' ? null : `Add a line "<this machine's IP address> ${name}" to /etc/hosts.`,
  });
  return items;
}
