import type { PushReadinessItem } from '../../../common/troubleshoot';
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
    label: 'LocalAccountTokenFilterPolicy for a local account',
    preventsErrors: ['95107', '95108'],
  };
  if (keys === null)
    return { ...base, state: 'unknown', finding: 'The registry key could not be read.', remedy: TOKEN_FILTER_FIX };
  const policy = regNumber(keys, 'LocalAccountTokenFilterPolicy');
  const lua = regNumber(keys, 'EnableLUA');
  if (policy === 1) return { ...base, state: 'ok', finding: 'LocalAccountTokenFilterPolicy is 1.', remedy: null };
  if (lua === 0)
    return {
      ...base,
      state: 'ok',
      finding: 'UAC is off (EnableLUA 0): local accounts are not filtered.',
      remedy: null,
    };
  return {
    ...base,
    state: 'notReady',
    finding: `LocalAccountTokenFilterPolicy is ${policy === null ? 'not set' : policy}: a local administrator account is filtered over the network (a domain account is not).`,
    remedy: TOKEN_FILTER_FIX,
  };
}

/**
 * Windows push-install prerequisites. LocalAccountTokenFilterPolicy is read with `reg query`; the firewall
 * groups are not probed yet (their reader needs captured output to be tested against): those items say what to
 * run, so the person is not left without the steps. Error IDs from the vendor's push-install troubleshooting article.
 */
export function win32PushReadiness(policiesSystem: readonly RegKey[] | null): PushReadinessItem[] {
  return [
    {
      id: 'fileAndPrinterSharing',
      label: 'File and Printer Sharing allowed through the firewall',
      state: 'unknown',
      finding: 'Not checked by this version.',
      preventsErrors: ['95105', '95106'],
      remedy: 'netsh advfirewall firewall set rule group="File and Printer Sharing" new enable=Yes',
    },
    {
      id: 'wmi',
      label: 'Windows Management Instrumentation (WMI) allowed through the firewall',
      state: 'unknown',
      finding: 'Not checked by this version.',
      preventsErrors: ['95103'],
      remedy: 'netsh advfirewall firewall set rule group="Windows Management Instrumentation (WMI)" new enable=Yes',
    },
    tokenFilterItem(policiesSystem),
  ];
}
