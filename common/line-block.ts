/**
 * A line block: one or more complete output lines joined by '\n' (no final '\n'; "" is one empty line).
 * A vendor tool's output is handled a pipe read at a time as one block instead of one string and one call per
 * line: an installer printing 200,000 lines made 200,000 strings, calls and regular-expression tests.
 */

/** How many lines `block` holds: its '\n's plus one. */
export function countLines(block: string): number {
  let count = 1;
  for (let at = block.indexOf('\n'); at !== -1; at = block.indexOf('\n', at + 1)) count++;
  return count;
}
