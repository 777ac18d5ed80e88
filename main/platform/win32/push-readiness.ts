import type { PushReadinessItem } from '../../../common/troubleshoot';
import type { FirewallRule } from './firewall-rules';
import { FILE_AND_PRINTER_SHARING, WMI, firewallGroupItem } from './firewall-readiness';
import { findingOf, labelOf, pushText } from './push-item-text';
import type { RegKey } from './reg-query';
import { regNumber } from './reg-query';

/** Where UAC's remote restrictions are set (`reg query` of the whole key: EnableLUA and the filter policy). */
export const POLICIES_SYSTEM_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System';

const TOKEN_FILTER_FIX =
  'reg add HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System /v LocalAccountTokenFilterPolicy /t REG_DWORD /d 1';

/**
 * A local administrator account gets a filtered (non-admin) token over the network unless
 * LocalAccountTokenFilterPolicy is 1 or UAC is off (EnableLUA 0); the push install then fails its credential
 * check. Domain accounts are not filtered, so this matters only when the push install uses a local account.
 */
export function tokenFilterItem(keys: readonly RegKey[] | null): PushReadinessItem {
  const base = {
    id: 'localAccountTokenFilterPolicy',
    ...labelOf(pushText('push.win.tokenFilter.label')),
    preventsErrors: ['95107', '95108'],
  };
  if (keys === null)
    return {
      ...base,
      state: 'unknown',
      ...findingOf(pushText('push.win.tokenFilter.unreadable')),
      remedy: TOKEN_FILTER_FIX,
    };
  const policy = regNumber(keys, 'LocalAccountTokenFilterPolicy');
  const lua = regNumber(keys, 'EnableLUA');
  if (policy === 1) return { ...base, state: 'ok', ...findingOf(pushText('push.win.tokenFilter.set')), remedy: null };
  if (lua === 0) return { ...base, state: 'ok', ...findingOf(pushText('push.win.tokenFilter.uacOff')), remedy: null };
  return {
    ...base,
    state: 'notReady',
    ...findingOf(
      policy === null
        ? pushText('push.win.tokenFilter.notSet')
        : pushText('push.win.tokenFilter.filtered', { value: policy }),
    ),
    remedy: TOKEN_FILTER_FIX,
  };
}

/**
 * Windows push-install prerequisites: the firewall groups from `netsh advfirewall firewall show rule name=all`,
 * LocalAccountTokenFilterPolicy from `reg query`. Each item names the push-install error IDs it prevents and the
 * command that fixes it; nothing is changed here.
 */
export function win32PushReadiness(
  firewallRules: readonly FirewallRule[] | null,
  policiesSystem: readonly RegKey[] | null,
): PushReadinessItem[] {
  return [
    firewallGroupItem(firewallRules, FILE_AND_PRINTER_SHARING),
    firewallGroupItem(firewallRules, WMI),
    tokenFilterItem(policiesSystem),
  ];
}
