import type { Command } from 'commander';
import { runHelper } from '../../core/elevation/run-helper';

/**
 * `mobility-setup helper --request <file>`: the elevated helper (hidden from --help). It is the one
 * command the app elevates; it runs only a vendor command the app's builders make, described by a
 * private request file (see main/core/elevation/run-helper.ts).
 */
export function registerHelperCommand(program: Command): void {
  program
    .command('helper', { hidden: true })
    .description('internal: run one vendor command for the app with elevated rights')
    .requiredOption('--request <file>', 'request file written by Mobility Setup')
    .action(async (options: { request: string }) => {
      process.exitCode = await runHelper(options.request);
    });
}
