/**
 * Push-install readiness of the two firewall rule groups the configuration server's push install goes through:
 * File and Printer Sharing (SMB to copy the agent, ping) and WMI (to start the installer). Only inbound Allow rules
 * matter: the process server connects in. A rule name usually exists twice (a Domain copy and a Private,Public
 * copy); a name counts as allowed when any copy is enabled, and the profiles it is enabled for are said, because
 * which network profile the process server comes in on is not visible from here.
 */
import { joinedWith } from '../../../common/core-text/coded-text';
import type { ComposedText, TextPart } from '../../../common/core-text/coded-text';
import type { PushReadinessItem } from '../../../common/troubleshoot';
import type { FirewallProfile, FirewallRule } from './firewall-rules';
import { FIREWALL_PROFILES } from './firewall-rules';
import { findingOf, labelOf, pushText } from './push-item-text';

interface FirewallGroup {
  id: string;
  /** netsh's `Grouping` on an English Windows; also the `group=` of the fix and the item's label. */
  group: string;
  preventsErrors: string[];
}

/** Error IDs from Microsoft's "Troubleshoot Mobility service push installation" article. */
export const FILE_AND_PRINTER_SHARING: FirewallGroup = {
  id: 'fileAndPrinterSharing',
  group: 'File and Printer Sharing',
  // 95105/95106: the sharing check; 95117: the machine does not answer (Echo Request is in this group);
  // 95523: its network name is not found (SMB and NetBIOS are in this group).
  preventsErrors: ['95105', '95106', '95117', '95523'],
};

export const WMI: FirewallGroup = {
  id: 'wmi',
  group: 'Windows Management Instrumentation (WMI)',
  preventsErrors: ['95103'],
};

/** The consent-based fix: shown for the person (or their administrator) to run; never run by Mobility Setup. */
export const firewallFix = (group: FirewallGroup): string =>
  `netsh advfirewall firewall set rule group="${group.group}" new enable=Yes`;

/** Up to three names, then how many more. */
const listed = (names: string[]): TextPart =>
  names.length <= 3
    ? names.join(', ')
    : pushText('push.win.word.andMore', { names: names.slice(0, 3).join(', '), more: names.length - 3 });

/** Profile names joined with "and", said in the reader's language. */
const joinedWithAnd = (names: readonly string[]): TextPart =>
  joinedWith(names, (first, second) => pushText('push.win.word.and', { first, second }));

function profilesSaid(profiles: Set<FirewallProfile>): ComposedText {
  if (profiles.size === FIREWALL_PROFILES.length) return pushText('push.win.profiles.every');
  return pushText('push.win.profiles.only', {
    profiles: joinedWithAnd(FIREWALL_PROFILES.filter((p) => profiles.has(p))),
  });
}

/** `rules` null: netsh could not be run or failed. */
export function firewallGroupItem(rules: readonly FirewallRule[] | null, group: FirewallGroup): PushReadinessItem {
  const { id, preventsErrors } = group;
  const base = { id, ...labelOf(pushText('push.win.firewall.label', { group: group.group })), preventsErrors };
  const item = (state: PushReadinessItem['state'], finding: ComposedText): PushReadinessItem => ({
    ...base,
    state,
    ...findingOf(finding),
    remedy: state === 'ok' ? null : firewallFix(group),
  });
  if (rules === null) return item('unknown', pushText('push.win.firewall.noList'));
  const inGroup = (r: FirewallRule) => r.group.toLowerCase() === group.group.toLowerCase();
  const inbound = rules.filter((r) => inGroup(r) && /^in$/i.test(r.direction) && /^allow$/i.test(r.action));
  // An English list without the group, or a list in another display language: never guess "blocked".
  if (inbound.length === 0) return item('unknown', pushText('push.win.firewall.noGroup', { group: group.group }));
  const enabledFor = new Map<string, Set<FirewallProfile>>();
  for (const rule of inbound) {
    const profiles = enabledFor.get(rule.name) ?? new Set<FirewallProfile>();
    if (rule.enabled) for (const p of rule.profiles) profiles.add(p);
    enabledFor.set(rule.name, profiles);
  }
  const names = [...enabledFor.keys()];
  const count = names.length;
  const disabled = names.filter((name) => enabledFor.get(name)!.size === 0);
  if (disabled.length === count) return item('notReady', pushText('push.win.firewall.allDisabled', { count }));
  if (disabled.length > 0) {
    return item(
      'notReady',
      pushText('push.win.firewall.someDisabled', { disabled: disabled.length, count, names: listed(disabled) }),
    );
  }
  const profiles = new Set(names.flatMap((name) => [...enabledFor.get(name)!]));
  return item('ok', pushText('push.win.firewall.allEnabled', { count, profiles: profilesSaid(profiles) }));
}
