/**
 * Push-install readiness of the two firewall rule groups the configuration server's push install goes through:
 * File and Printer Sharing (SMB to copy the agent, ping) and WMI (to start the installer). Only inbound Allow rules
 * matter: the process server connects in. A rule name usually exists twice (a Domain copy and a Private,Public
 * copy); a name counts as allowed when any copy is enabled, and the profiles it is enabled for are said, because
 * which network profile the process server comes in on is not visible from here.
 */
import type { PushReadinessItem } from '../../../common/troubleshoot';
import type { FirewallProfile, FirewallRule } from './firewall-rules';
import { FIREWALL_PROFILES } from './firewall-rules';

interface FirewallGroup {
  id: string;
  /** netsh's `Grouping` on an English Windows; also the `group=` of the fix. */
  group: string;
  label: string;
  preventsErrors: string[];
}

/** Error IDs from Microsoft's "Troubleshoot Mobility service push installation" article. */
export const FILE_AND_PRINTER_SHARING: FirewallGroup = {
  id: 'fileAndPrinterSharing',
  group: 'File and Printer Sharing',
  label: 'File and Printer Sharing allowed through the firewall',
  // 95105/95106: the sharing check; 95117: the machine does not answer (Echo Request is in this group);
  // 95523: its network name is not found (SMB and NetBIOS are in this group).
  preventsErrors: ['95105', '95106', '95117', '95523'],
};

export const WMI: FirewallGroup = {
  id: 'wmi',
  group: 'Windows Management Instrumentation (WMI)',
  label: 'Windows Management Instrumentation (WMI) allowed through the firewall',
  preventsErrors: ['95103'],
};

/** The consent-based fix: shown for the person (or their administrator) to run; never run by Mobility Setup. */
export const firewallFix = (group: FirewallGroup): string =>
  `netsh advfirewall firewall set rule group="${group.group}" new enable=Yes`;

const listed = (names: string[]): string =>
  names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;

function profilesSaid(profiles: Set<FirewallProfile>): string {
  if (profiles.size === FIREWALL_PROFILES.length) return 'for every network profile';
  const named = FIREWALL_PROFILES.filter((p) => profiles.has(p)).join(' and ');
  return `for the ${named} profile only: the configuration server must reach this machine over such a network`;
}

/** `rules` null: netsh could not be run or failed. */
export function firewallGroupItem(rules: readonly FirewallRule[] | null, group: FirewallGroup): PushReadinessItem {
  const { id, label, preventsErrors } = group;
  const base = { id, label, preventsErrors, remedy: firewallFix(group) };
  if (rules === null) {
    return { ...base, state: 'unknown', finding: '`netsh advfirewall firewall show rule` gave no list.' };
  }
  const inGroup = (r: FirewallRule) => r.group.toLowerCase() === group.group.toLowerCase();
  const inbound = rules.filter((r) => inGroup(r) && /^in$/i.test(r.direction) && /^allow$/i.test(r.action));
  if (inbound.length === 0) {
    // An English list without the group, or a list in another display language: never guess "blocked".
    return {
      ...base,
      state: 'unknown',
      finding:
        `netsh listed no inbound rule of the group "${group.group}" ` +
        '(another display language names it differently).',
    };
  }
  const enabledFor = new Map<string, Set<FirewallProfile>>();
  for (const rule of inbound) {
    const profiles = enabledFor.get(rule.name) ?? new Set<FirewallProfile>();
    if (rule.enabled) for (const p of rule.profiles) profiles.add(p);
    enabledFor.set(rule.name, profiles);
  }
  const names = [...enabledFor.keys()];
  const disabled = names.filter((name) => enabledFor.get(name)!.size === 0);
  if (disabled.length === names.length) {
    return { ...base, state: 'notReady', finding: `All ${names.length} inbound rules of the group are disabled.` };
  }
  if (disabled.length > 0) {
    return {
      ...base,
      state: 'notReady',
      finding: `${disabled.length} of ${names.length} inbound rules of the group are disabled: ${listed(disabled)}.`,
    };
  }
  const profiles = new Set(names.flatMap((name) => [...enabledFor.get(name)!]));
  return {
    ...base,
    state: 'ok',
    finding: `All ${names.length} inbound rules of the group are enabled ${profilesSaid(profiles)}.`,
    remedy: null,
  };
}
