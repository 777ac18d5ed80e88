import { composeText } from '../../../common/core-text/coded-text';
import { detectionTextsEn } from '../../../common/core-text/detection-texts';
import type { PrivilegeFacts } from '../../../common/detection';

/** Integrity levels in `whoami /groups`: High (elevated Administrator) and System. */
const ELEVATED_LABELS = ['S-1-16-12288', 'S-1-16-16384'];

/** Pure: whether the token that ran `whoami /groups` is elevated. */
export function isElevatedToken(whoamiGroups: string): boolean {
  return whoamiGroups
    .split(/\r?\n/)
    .some((line) => /Mandatory Label\\/i.test(line) && ELEVATED_LABELS.some((sid) => line.includes(sid)));
}

export interface WindowsPrivilegeInput {
  user: string;
  whoamiGroups: string | null;
  /** EnableLUA from the UAC policy key; null when it could not be read (UAC is on by default). */
  enableLua: number | null;
}

/** Pure: elevated already, or UAC can ask for consent/credentials, or neither. */
export function windowsPrivileges(input: WindowsPrivilegeInput): PrivilegeFacts {
  if (input.whoamiGroups !== null && isElevatedToken(input.whoamiGroups)) {
    return { elevated: true, user: input.user, canElevate: true, method: 'none-needed' };
  }
  if (input.enableLua !== 0) return { elevated: false, user: input.user, canElevate: true, method: 'uac' };
  const { message, ...hintText } = composeText(detectionTextsEn, 'privileges.uacOff');
  return { elevated: false, user: input.user, canElevate: false, method: 'unavailable', hint: message, hintText };
}
