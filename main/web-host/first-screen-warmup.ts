import type { Dispatch } from '../api/dispatch';

/**
 * The calls the detection screen makes first, with the page's own inputs. The core caches each answer
 * (detection, the session's defaults, the anti-virus check), so made when the link is redeemed they run while
 * the browser loads the page, and the page's same calls, moments later, get them ready or under way.
 * Nothing is sent anywhere: the page still asks for each one with its session key.
 */
const FIRST_SCREEN_CALLS: readonly (readonly [string, Record<string, never>])[] = [
  ['detect', {}],
  ['getSession', {}],
  // Last: its validation loads the request schemas (zod), the largest module a call loads.
  ['checkAntivirus', {}],
];

/** Starts the first screen's calls; their results (always values, never thrown) are dropped here. */
export function warmFirstScreen(dispatch: Dispatch): void {
  for (const [method, input] of FIRST_SCREEN_CALLS) void dispatch(method, input);
}
