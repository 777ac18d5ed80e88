/**
 * The event guard on its own, apart from api.ts: api.ts builds the request schemas with zod when it loads, and
 * the renderer's first screen needs this check but none of those schemas (zod was a sixth of its JavaScript).
 */
import type { EventArgsOf, EventName } from './api';

/** Whether an event is the one a listener asked for (narrows the payload for a generic name). */
export function isEventNamed<E extends EventName>(
  event: readonly [EventName, unknown],
  name: E,
): event is EventArgsOf<E> {
  return event[0] === name;
}
