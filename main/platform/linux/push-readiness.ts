/**
 * What the configuration server's push install needs on a Linux machine, read from files under the root
 * prefix (no command runs): sshd on port 22, the SFTP subsystem, password authentication, and this host's name
 * in /etc/hosts. The error IDs are the ones the vendor's push-install troubleshooting article files these
 * checks under (connectivity 95117, credentials 95107/95108, SSH/SFTP 95523); INFERRED where the article is
 * not specific, so each item names them as "prevents" rather than as the only cause.
 */
import type { TextParams } from '../../../common/core-text/coded-text';
import { composeText } from '../../../common/core-text/coded-text';
import { pushTextsEn } from '../../../common/core-text/push-texts';
import type { PushTextCode } from '../../../common/core-text/push-texts';
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

type Said = [PushTextCode, TextParams?];

/** An item whose label, finding and remedy come from common/core-text/push-texts.ts (English and coded). */
function pushItem(item: {
  id: 'sshd' | 'sftp' | 'password' | 'hosts';
  itemId?: string;
  state: PushReadinessItem['state'];
  finding: Said;
  preventsErrors: string[];
  remedy: Said | null;
}): PushReadinessItem {
  const label = composeText(pushTextsEn, `push.${item.id}.label`);
  const finding = composeText(pushTextsEn, item.finding[0], item.finding[1]);
  const remedy = item.remedy ? composeText(pushTextsEn, item.remedy[0], item.remedy[1]) : null;
  return {
    id: item.itemId ?? item.id,
    label: label.message,
    labelText: { code: label.code, params: label.params },
    state: item.state,
    finding: finding.message,
    findingText: { code: finding.code, params: finding.params },
    preventsErrors: item.preventsErrors,
    remedy: remedy?.message ?? null,
    ...(remedy ? { remedyText: { code: remedy.code, params: remedy.params } } : {}),
  };
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
  const sshdOk = running && ports.includes('22');
  items.push(
    pushItem({
      id: 'sshd',
      state: texts === null ? 'notReady' : sshdOk ? 'ok' : running ? 'notReady' : 'unknown',
      finding:
        texts === null
          ? ['push.sshd.notInstalled']
          : [running ? 'push.sshd.running' : 'push.sshd.notRunning', { ports: ports.join(', ') }],
      preventsErrors: ['95117', '95523'],
      remedy: texts === null ? ['push.sshd.install'] : sshdOk ? null : ['push.sshd.start'],
    }),
  );
  items.push(
    pushItem({
      id: 'sftp',
      state: sshd === null ? 'notReady' : sshd.sftp ? 'ok' : 'notReady',
      finding: sshd?.sftp ? ['push.sftp.found', { server: sshd.sftp.replace(/^sftp\s+/i, '') }] : ['push.sftp.missing'],
      preventsErrors: ['95523'],
      remedy: sshd?.sftp ? null : ['push.sftp.add'],
    }),
  );
  const password = sshd?.passwordAuthentication?.toLowerCase() ?? null;
  items.push(
    pushItem({
      id: 'password',
      itemId: 'passwordAuthentication',
      state: sshd === null ? 'notReady' : password === 'no' ? 'notReady' : 'ok',
      finding: password === null ? ['push.password.default'] : ['push.password.set', { value: password }],
      preventsErrors: ['95107', '95108'],
      remedy: password === 'no' ? ['push.password.allow'] : null,
    }),
  );
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
  items.push(
    pushItem({
      id: 'hosts',
      itemId: 'hostsEntry',
      state: name === '' ? 'unknown' : mapped ? 'ok' : 'notReady',
      finding:
        name === '' ? ['push.hosts.noHostname'] : [mapped ? 'push.hosts.mapped' : 'push.hosts.missing', { name }],
      preventsErrors: ['95523'],
      remedy: mapped || name === '' ? null : ['push.hosts.add', { name }],
    }),
  );
  return items;
}
