/**
 * Path validation shared by every front door (wizard fields, the browser host and IPC through the contract,
 * the CLI's options) and the core. A path flows into vendor command lines and, through the vendor installer,
 * into line-based files such as `.vx_version` (`INSTALLATION_DIR=<dir>`), which the next `register` trusts:
 * a line break inside a folder name would inject a line there. No real folder needs a control character, so
 * they are refused outright rather than escaped, as the server address already does (endpoint.ts).
 */
export type PathInputCheck =
  { ok: true } | { ok: false; code: 'path.empty' | 'path.controlCharacter' | 'path.tooLong'; message: string };

export const PATH_MAX_LENGTH = 4096;

/**
 * C0 controls (NUL, tab, line feed, carriage return, escape…), DEL, C1 controls (including NEL, U+0085)
 * and the Unicode line and paragraph separators (U+2028, U+2029), which some readers also treat as line ends.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/** Whether `text` holds a character that no path may contain (see CONTROL). */
export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

/** Checks one path as typed or given; `what` names it in the message ("The install folder"). Never throws. */
export function checkPathInput(text: string, what = 'The path'): PathInputCheck {
  if (typeof text !== 'string' || text.length === 0)
    return { ok: false, code: 'path.empty', message: `${what} is empty.` };
  if (hasControlCharacter(text)) {
    return {
      ok: false,
      code: 'path.controlCharacter',
      message: `${what} contains a control character or a line break; type the path again without it.`,
    };
  }
  if (text.length > PATH_MAX_LENGTH)
    return { ok: false, code: 'path.tooLong', message: `${what} is longer than ${PATH_MAX_LENGTH} characters.` };
  return { ok: true };
}
