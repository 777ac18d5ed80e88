import { FIRST_CALLS, FIRST_REPLIES_ELEMENT_ID } from '../../common/first-calls';
import type { FirstReplies } from '../../common/first-calls';
import { isResult } from '../../common/result';

/**
 * The first calls' answers the browser host's landing wrote into the page (main/web-host/first-replies.ts), taken
 * out of the document once: the page renders with them instead of asking the server again. A page without them
 * (Electron, a reload of `/`, a landing whose core was slow) or with anything unreadable gets {} and asks itself.
 */
export function takeEmbeddedReplies(doc: Document): FirstReplies {
  const element = doc.getElementById(FIRST_REPLIES_ELEMENT_ID);
  if (element === null) return {};
  element.remove();
  if (element.getAttribute('type') !== 'application/json') return {};
  let carried: unknown;
  try {
    carried = JSON.parse(element.textContent ?? '');
  } catch {
    return {};
  }
  if (typeof carried !== 'object' || carried === null) return {};
  const replies: Record<string, unknown> = {};
  for (const [method] of FIRST_CALLS) {
    const reply: unknown = (carried as Record<string, unknown>)[method];
    if (isResult(reply)) replies[method] = reply;
  }
  return replies;
}
