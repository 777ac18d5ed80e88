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

/** The one wording every command uses for a --root folder that is not there (it is not created: a typo would make a new sandbox). */
export function missingRootMessage(root: string): string {
  return `the root folder ${root} does not exist. Pass an existing folder to --root, or leave --root out to use this machine (/).`;
}
