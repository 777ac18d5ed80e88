/**
 * Redaction for everything that leaves the machine in a diagnostics bundle. Three layers, because a bundle is
 * sent to people who must not get the passphrase: the secrets this session knows (exact strings), values after
 * a secret-looking key (passphrase=, token:, password …, Authorization: Bearer), and any word shaped like a
 * generated passphrase or token (16+ letters and digits mixing upper case, lower case and digits, or a long
 * base64/hex run). Version numbers, paths and certificate fingerprints (hex pairs with colons) stay readable.
 */
import { redactSecrets } from '../jobs/job-log';

export const REDACTED = '[REDACTED]';

// "Installer token: UBUNTU-24.04-64" is the OS token of the vendor's file names, not a credential.
const KEYED =
  /\b(pass(?:phrase|word|wd)?|secret|(?<!installer |os )token|api[-_]?key|authorization)(\s*[=:]\s*)(?:bearer\s+)?("[^"]*"|'[^']*'|\S+)/gi;
const BEARER = /\b(bearer\s+)\S+/gi;
const MIXED_WORD = /\b(?=[A-Za-z0-9]*[a-z])(?=[A-Za-z0-9]*[A-Z])(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{16,}\b/g;
const LONG_RUN = /\b(?:[A-Za-z0-9+/]{32,}={0,2}|[A-Fa-f0-9]{40,})(?![A-Za-z0-9+/:])/g;

export function redactText(text: string, secrets: readonly string[] = []): string {
  return redactSecrets(text, secrets)
    .replace(KEYED, (_all, key: string, gap: string) => `${key}${gap}${REDACTED}`)
    .replace(BEARER, (_all, word: string) => `${word}${REDACTED}`)
    .replace(MIXED_WORD, REDACTED)
    .replace(LONG_RUN, REDACTED);
}
