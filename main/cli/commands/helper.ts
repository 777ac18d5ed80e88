import type { Command } from 'commander';
import { runHelper } from '../../core/elevation/run-helper';

/**
 * `mobility-setup helper --request <file>`: the elevated helper (hidden from --help). It is the one
 * command the app elevates. It reads a private request file of the user who asked (install: the installer
 * file and its SHA-256, which it copies, checks and extracts itself; register: the server and secret file),
 * re-checks every value and runs only the vendor command it builds (see main/core/elevation/run-helper.ts).
 */
export function registerHelperCommand(program: Command): void {
  program
    .command('helper', { hidden: true })
    .description('internal: run one checked vendor operation for the app with elevated rights')
    .requiredOption('--request <file>', 'request file written by Mobility Setup')
    .action(async (options: { request: string }) => {
      process.exitCode = await runHelper(options.request);
    });
}
