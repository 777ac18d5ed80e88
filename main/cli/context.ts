import type { Command } from 'commander';

/** Options every command takes (declared once on the root program). */
export interface GlobalOptions {
  root: string;
  json: boolean;
}

export function globalOptions(command: Command): GlobalOptions {
  const opts = command.optsWithGlobals<{ root?: string; json?: boolean }>();
  return { root: opts.root ?? '/', json: opts.json === true };
}
