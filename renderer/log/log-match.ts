/**
 * The one case-insensitive match rule of the log pane, shared by the search (over whole chunks) and the
 * highlighting (within a line), so a highlighted part is exactly what the search counted.
 */
const SPECIAL = /[.*+?^${}()|[\]\\]/g;

/** A global, case-insensitive expression finding `query` literally (the person types text, not a pattern). */
export function matcherFor(query: string): RegExp {
  return new RegExp(query.replace(SPECIAL, '\\$&'), 'gi');
}
