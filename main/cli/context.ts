import type { Command } from 'commander';
import { checkedPath } from './usage-error';

/** Options every command takes (declared once on the root program). */
export interface GlobalOptions {
  root: string;
  json: boolean;
}

export function globalOptions(command: Command): GlobalOptions {
  const opts = command.optsWithGlobals<{ root?: string; json?: boolean }>();
  // --root prefixes every system path, so it gets the same path check as every other path option.
  return { root: checkedPath(opts.root ?? '/', '--root'), json: opts.json === true };
}
