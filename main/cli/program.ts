import { Command, CommanderError, Option } from 'commander';
import { UI_LANGUAGES } from '../../common/ui-language';
import { EXIT } from './exit-codes';
import { chooseCliLanguage, cliLanguage, cliText } from './i18n/cli-text';
import { localizeHelpToKorean } from './localize-help';
import { UsageError, writeUsageEnvelope } from './usage-error';

declare const __APP_VERSION__: string;

type Register = (program: Command) => void;

/**
 * Each subcommand lives in commands/<name>.ts and is loaded only when it runs: `detect` then never loads
 * the web host, ws, tar or the API's zod schemas (see "Speed and memory" in the README). The order here
 * is the order `--help` lists them in.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  serve: () => import('./commands/serve').then((m) => m.registerServeCommand),
  open: () => import('./commands/open').then((m) => m.registerOpenCommand),
  detect: () => import('./commands/detect').then((m) => m.registerDetectCommand),
  install: () => import('./commands/install').then((m) => m.registerInstallCommand),
  register: () => import('./commands/register').then((m) => m.registerRegisterCommand),
  uninstall: () => import('./commands/uninstall').then((m) => m.registerUninstallCommand),
  helper: () => import('./commands/helper').then((m) => m.registerHelperCommand),
  'av-check': () => import('./commands/av-check').then((m) => m.registerAvCheckCommand),
  diagnose: () => import('./commands/diagnose').then((m) => m.registerDiagnoseCommand),
};

/** Global options that take a value: the word after them is not the command's name. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--root', '--lang']);

/** The subcommand `argv` names, or null (no command, `help`, a typo: then every command is registered). */
export function commandNamed(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return null;
    if (GLOBAL_OPTIONS_WITH_VALUE.has(arg)) i++;
    else if (!arg.startsWith('-')) return Object.prototype.hasOwnProperty.call(COMMANDS, arg) ? arg : null;
  }
  return null;
}

/**
 * The `mobility-setup` command line with the subcommands `argv` needs (all of them when `argv` names none,
 * so help and "unknown command" suggestions see every command); global options (--root, --json) are
 * declared once.
 */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('mobility-setup')
    .description('Install, register and troubleshoot the Mobility service (disaster-recovery replication agent).')
    .version(typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev')
    .option('--root <dir>', 'root prefix for every system path (a sandbox for tests and demos)', '/')
    .option('--json', 'print machine-readable JSON instead of text', false)
    .addOption(
      new Option('--lang <language>', 'language of the text output (default: from LC_ALL/LC_MESSAGES/LANG)').choices(
        UI_LANGUAGES,
      ),
    )
    .exitOverride();
  const named = commandNamed(argv);
  const loaders = named === null ? Object.values(COMMANDS) : [COMMANDS[named]!];
  for (const register of await Promise.all(loaders.map((load) => load()))) register(program);
  for (const command of [program, ...program.commands]) explainErrorsInOneLine(command);
  if (cliLanguage() === 'ko') localizeHelpToKorean(program);
  return program;
}

/**
 * A usage error is one line naming what was wrong (with commander's "did you mean" folded in), then the
 * command that shows the help; not the whole help text, which would push the error off the screen.
 */
function explainErrorsInOneLine(command: Command): void {
  const name = command.parent ? `mobility-setup ${command.name()}` : 'mobility-setup';
  command.showHelpAfterError(cliText(command.parent ? 'help.hint.options' : 'help.hint.commands', { name }));
  command.configureOutput({
    outputError: (text, write) =>
      write(text.replace(/^error: /, `${name}: `).replace(/\n\(Did you mean (.+)\?\)/, ' (did you mean $1?)')),
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
  if (word === null || word === 'help' || program.commands.some((c) => c.name() === word || c.aliases().includes(word)))
    return argv;
  return argv.filter((a) => a !== '--help' && a !== '-h');
}

export async function runCli(argv: string[]): Promise<number> {
  chooseCliLanguage(argv, process.env);
  const program = await buildProgram(argv);
  try {
    await program.parseAsync(withoutHelpForUnknownCommand(program, argv), { from: 'user' });
    return process.exitCode === undefined ? EXIT.ok : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
        return EXIT.ok;
      // commander already wrote its one line to stderr; a script reading stdout gets the envelope too.
      if (argv.includes('--json')) {
        const named = commandNamed(argv);
        writeUsageEnvelope(
          err.message.replace(/^error: /, ''),
          named === null ? 'mobility-setup' : `mobility-setup ${named}`,
        );
      }
      return EXIT.usage;
    }
    // A usage error thrown outside a command's own handler (a bad global option such as --root).
    if (err instanceof UsageError) {
      process.stderr.write(`mobility-setup: ${err.message}\n`);
      if (argv.includes('--json')) writeUsageEnvelope(err.message, 'mobility-setup');
      return EXIT.usage;
    }
    throw err;
  }
}
