import type { Method, ReplyOf, RequestOf } from './api';
import type { Result } from './result';

/**
 * The calls the wizard's detection screen makes first, with its inputs. The page sends them as soon as its entry
 * runs (renderer/api/first-calls.ts), unless the browser host's landing has already answered them inside the page
 * (main/web-host/first-replies.ts). One list, so the two can never ask for different things.
 * checkAntivirus last: on the server its validation loads the request schemas (zod), the largest module a call loads.
 */
export const FIRST_CALLS = [
  ['getSession', {}],
  ['detect', {}],
  ['getLatestJob', {}],
  ['checkAntivirus', {}],
] as const satisfies readonly { [M in Method]: readonly [M, RequestOf<M>] }[Method][];

export type FirstCallMethod = (typeof FIRST_CALLS)[number][0];

/** The first calls' answers, by method: those the page had when it rendered, or those its landing carried. */
export type FirstReplies = { [M in FirstCallMethod]?: Result<ReplyOf<M>> };

/** The id of the landing's `<script type="application/json">` that carries the first replies. */
export const FIRST_REPLIES_ELEMENT_ID = 'mobility-first-replies';
