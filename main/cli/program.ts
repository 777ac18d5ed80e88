import { Command, CommanderError } from 'commander';
import { EXIT } from './exit-codes';
import { UsageError } from './usage-error';
import { registerServeCommand } from './commands/serve';
import { registerOpenCommand } from './commands/open';
import { registerDetectCommand } from './commands/detect';
import { registerInstallCommand } from './commands/install';
import { registerRegisterCommand } from './commands/register';
import { registerHelperCommand } from './commands/helper';
import { registerAvCheckCommand } from './commands/av-check';

declare const __APP_VERSION__: string;

/**
 * The `mobility-setup` command line. Each subcommand lives in commands/<name>.ts and registers itself
 * here; global options (--root, --json) are declared once.
 */
export function buildProgram(): Command {
  const program = new Command('mobility-setup')
    .description('Install, register and troubleshoot the Mobility service (disaster-recovery replication agent).')
    .version(typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev')
    .option('--root <dir>', 'root prefix for every system path (a sandbox for tests and demos)', '/')
    .option('--json', 'print machine-readable JSON instead of text', false)
    .showHelpAfterError()
    .exitOverride();
  // Subcommands are registered below, one line each.
  registerServeCommand(program);
  registerOpenCommand(program);
  registerDetectCommand(program);
  registerInstallCommand(program);
  registerRegisterCommand(program);
  registerHelperCommand(program);
  registerAvCheckCommand(program);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? EXIT.ok : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    // A usage error thrown outside a command's own handler (a bad global option such as --root).
    if (err instanceof UsageError) {
      process.stderr.write(`mobility-setup: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
}
