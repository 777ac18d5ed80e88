/**
 * Passphrase rules. The vendor documents no format: the CS's genpassphrase.exe usually prints 16 letters
 * and digits, so any printable non-space text is accepted and an unusual length only warns.
 */
export type PassphraseCheck =
  | { ok: true; warning: null | 'passphrase.unusualLength' }
  | {
      ok: false;
      code: 'passphrase.empty' | 'passphrase.whitespace' | 'passphrase.unprintable' | 'passphrase.tooLong';
      message: string;
    };

export const PASSPHRASE_MAX_LENGTH = 256;

/** A passphrase file holds the secret on its first line; a trailing newline (or CRLF) is not part of it. */
export function passphraseFromFileText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r?\n[\s\S]*$/, '');
}

export function checkPassphrase(value: string): PassphraseCheck {
  if (value.length === 0)
    return {
      ok: false,
      code: 'passphrase.empty',
      message: 'Enter the passphrase generated on the configuration server.',
    };
  if (value.length > PASSPHRASE_MAX_LENGTH)
    return {
      ok: false,
      code: 'passphrase.tooLong',
      message: `The passphrase is longer than ${PASSPHRASE_MAX_LENGTH} characters; check that the right file was loaded.`,
    };
  if (/\s/.test(value))
    return {
      ok: false,
      code: 'passphrase.whitespace',
      message: 'The passphrase cannot contain spaces or line breaks.',
    };
  if (!/^[\x21-\x7e]+$/.test(value))
    return {
      ok: false,
      code: 'passphrase.unprintable',
      message: 'The passphrase contains characters that are not printable ASCII.',
    };
  return { ok: true, warning: value.length === 16 ? null : 'passphrase.unusualLength' };
}
