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
    .exitOverride();
  // Subcommands are registered below, one line each.
  registerServeCommand(program);
  registerOpenCommand(program);
  registerDetectCommand(program);
  registerInstallCommand(program);
  registerRegisterCommand(program);
  registerHelperCommand(program);
  registerAvCheckCommand(program);
  for (const command of [program, ...program.commands]) explainErrorsInOneLine(command);
  return program;
}

/**
 * A usage error is one line naming what was wrong (with commander's "did you mean" folded in), then the
 * command that shows the help; not the whole help text, which would push the error off the screen.
 */
function explainErrorsInOneLine(command: Command): void {
  const name = command.parent ? `mobility-setup ${command.name()}` : 'mobility-setup';
  command.showHelpAfterError(`Run ${name} --help for ${command.parent ? 'its options' : 'the commands'}.`);
  command.configureOutput({
    outputError: (text, write) => write(text.replace(/^error: /, `${name}: `).replace(/\n\(Did you mean (.+)\?\)/, ' (did you mean $1?)')),
  });
}

/** The first word that is not an option (or an option's value): the command being asked for. */
function commandWord(program: Command, argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') return argv[i + 1] ?? null;
    if (!arg.startsWith('-')) return arg;
    const option = program.options.find((o) => o.long === arg || o.short === arg);
    if (option && (option.required || option.optional)) i++;
  }
  return null;
}

/**
 * Commander shows the top-level help (and exits 0) for `instal --help` before it looks at the command word:
 * a mistyped command must be an error (with "did you mean install?") whatever follows it.
 */
function withoutHelpForUnknownCommand(program: Command, argv: string[]): string[] {
  const word = commandWord(program, argv);
  if (word === null || word === 'help' || program.commands.some((c) => c.name() === word || c.aliases().includes(word))) return argv;
  return argv.filter((a) => a !== '--help' && a !== '-h');
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(withoutHelpForUnknownCommand(program, argv), { from: 'user' });
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
