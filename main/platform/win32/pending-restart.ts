/**
 * Windows: is a restart pending? The vendor's prerequisites say "no pending reboot" and its installer exits 62
 * when one is. The usual registry markers, read with `reg query` (parsed from its output, tested against
 * fixtures in test/fixtures/win32/):
 * - Component Based Servicing `RebootPending` (a key that exists only while servicing waits for a restart);
 * - Windows Update `Auto Update\RebootRequired` (likewise a key);
 * - Session Manager `PendingFileRenameOperations` (files the next boot moves or deletes).
 */
import type { PendingRestartFacts, PendingRestartMarker } from '../../../common/detection';
import type { RegKey } from './reg-query';
import { regString } from './reg-query';
import { restartMarker } from '../pending-restart-marker';

export const CBS_REBOOT_PENDING_KEY =
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending';
export const WU_REBOOT_REQUIRED_KEY =
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired';
export const SESSION_MANAGER_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager';
export const PENDING_RENAMES_VALUE = 'PendingFileRenameOperations';

/** What `reg query` answered for each marker: the parsed keys, or [] when reg.exe said it does not exist. */
export interface PendingRestartKeys {
  cbsRebootPending: readonly RegKey[];
  wuRebootRequired: readonly RegKey[];
  sessionManager: readonly RegKey[];
}

/** reg.exe prints REG_MULTI_SZ strings joined by a literal "\0"; entries come in (from, to) pairs. */
export function pendingRenameCount(data: string | null): number {
  if (data === null) return 0;
  const parts = data.split('\\0');
  let count = 0;
  for (let i = 0; i < parts.length; i += 2) if ((parts[i] ?? '') !== '') count += 1;
  return count;
}

export function windowsPendingRestart(keys: PendingRestartKeys): PendingRestartFacts {
  const markers: PendingRestartMarker[] = [];
  if (keys.cbsRebootPending.length > 0) {
    markers.push(restartMarker('cbsRebootPending', 'restart.cbsRebootPending'));
  }
  if (keys.wuRebootRequired.length > 0) {
    markers.push(restartMarker('windowsUpdateRebootRequired', 'restart.windowsUpdateRebootRequired'));
  }
  const renames = pendingRenameCount(regString(keys.sessionManager, PENDING_RENAMES_VALUE));
  if (renames > 0) {
    const code = renames === 1 ? 'restart.pendingFileRename.one' : 'restart.pendingFileRename';
    markers.push(restartMarker('pendingFileRename', code, { count: renames }));
  }
  return { pending: markers.length > 0, markers };
}
