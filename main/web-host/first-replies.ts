import { FIRST_CALLS, FIRST_REPLIES_ELEMENT_ID } from '../../common/first-calls';
import type { Dispatch } from '../api/dispatch';

/**
 * How long the landing holds the end of its page for the first calls' answers. The page's scripts download in the
 * meantime (its head has gone out), and they cannot run before the document ends anyway; an answer not ready by
 * then is left out, and the page asks for it itself (renderer/api/first-calls.ts), finding it under way in the core.
 */
export const FIRST_REPLIES_WAIT_MS = 250;

/**
 * Runs the detection screen's first calls through dispatch, the same path as the page's own API calls (same
 * validation, same replies; the core caches each answer, so a later ask gets it ready or under way), and resolves
 * with those answered within `waitMs`.
 */
export async function firstScreenReplies(dispatch: Dispatch, waitMs: number): Promise<Record<string, unknown>> {
  const replies: Record<string, unknown> = {};
  const calls = FIRST_CALLS.map(([method, input]) =>
    dispatch(method, input).then(
      (reply) => {
        replies[method] = reply;
      },
      // dispatch answers with values; a throw is left to the page's own call, which reports it.
      () => undefined,
    ),
  );
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
  await Promise.race([Promise.all(calls), deadline]);
  clearTimeout(timer);
  // A copy: a call that answers after the deadline must not change what was already written.
  return { ...replies };
}

/**
 * The replies as a JSON data block. Not a script: the CSP's script-src 'self' would refuse an inline one, and the
 * page only parses its text. Every `<`, `>` and `&` in the JSON is escaped, so no string in a reply (a host name,
 * a path, a line from an os-release) can close the element or open another.
 */
export function firstRepliesElement(replies: Record<string, unknown>): string {
  const json = JSON.stringify(replies).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `<script type="application/json" id="${FIRST_REPLIES_ELEMENT_ID}">${json}</script>`;
}
