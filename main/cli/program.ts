import { Command, CommanderError, Option } from 'commander';
import { UI_LANGUAGES } from '../../common/ui-language';
import { CLI_COMMANDS, commandNamed, type CliCommand } from './command-names';
import { EXIT } from './exit-codes';
import { chooseCliLanguage, cliLanguage, cliText } from './i18n/cli-text';
import { commanderErrorInKorean } from './i18n/commander-ko';
import { localizeHelpToKorean } from './localize-help';
import { UsageError, writeUsageEnvelope } from './usage-error';

declare const __APP_VERSION__: string;

type Register = (program: Command) => void;
type Loader = () => Promise<Register>;

/**
 * Set by scripts/build-main.mjs in each command's own bundle (dist/main/cli-<command>.js) to that command's
 * name; undefined elsewhere (the full CLI bundle, the Electron bundle, tests). The conditions below fold to
 * constants there, so esbuild leaves every other command's code out of that bundle and V8 compiles only
 * what the command runs (see "Speed and memory" in the README).
 */
declare const __CLI_COMMAND__: string | undefined;

/**
 * Each subcommand lives in commands/<name>.ts and is loaded only when it runs: `detect` then never loads
 * the web host, ws, tar or the API's zod schemas. In a command's own bundle the others are undefined.
 */
const COMMANDS: Readonly<Record<CliCommand, Loader | undefined>> = {
  serve:
    typeof __CLI_COMMAND__ !== 'string' || __CLI_COMMAND__ === 'serve'
      ? () => import('./commands/serve').then((m) => m.registerServeCommand)
      : undefined,
  open:
    typeof __CLI_COMMAND__ !== 'string' || __CLI_COMMAND__ === 'open'
      ? () => import('./commands/open').then((m) => m.registerOpenCommand)
      : undefined,
  detect:
    typeof __CLI_COMMAND__ !== 'string' || __CLI_COMMAND__ === 'detect'
      ? () => import('./commands/detect').then((m) => m.registerDetectCommand)
      : undefined,
  install:
    typeof __CLI_COMMAND__ !== 'string' || __CLI_COMMAND__ === 'install'
      ? () => import('./commands/install').then((m) => m.registerInstallCommand)
      : undefined,
  register:
    typeof __CLI_COMMAND__ !== 'string' || __CLI_COMMAND__ === 'register'
      ? () => import('./commands/register').then((m) => m.registerRegisterCommand)
      : undefined,
  uninstall:
    typeof __CLI_COMMAND__ !== 'string' || __CLI_COMMAND__ === 'uninstall'
      ? () => import('./commands/uninstall').then((m) => m.registerUninstallCommand)
      : undefined,
  helper:
    typeof __CLI_COMMAND__ !== 'string' || __CLI_COMMAND__ === 'helper'
      ? () => import('./commands/helper').then((m) => m.registerHelperCommand)
      : undefined,
  'av-check':
    typeof __CLI_COMMAND__ !== 'string' || __CLI_COMMAND__ === 'av-check'
      ? () => import('./commands/av-check').then((m) => m.registerAvCheckCommand)
      : undefined,
  diagnose:
    typeof __CLI_COMMAND__ !== 'string' || __CLI_COMMAND__ === 'diagnose'
      ? () => import('./commands/diagnose').then((m) => m.registerDiagnoseCommand)
      : undefined,
};

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
  const loaders = CLI_COMMANDS.filter((name) => named === null || name === named).map((name) => COMMANDS[name]);
  // A command's own bundle is only ever started for that command (bin.ts): a missing loader is a build fault.
  if (loaders.some((load) => load === undefined)) throw new Error('this CLI bundle lacks the command asked for');
  for (const register of await Promise.all(loaders.map((load) => load!()))) register(program);
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
      write(
        inRunLanguage(text)
          .replace(/^error: /, `${name}: `)
          .replace(/\n\(Did you mean (.+)\?\)/, ' (did you mean $1?)'),
      ),
  });
}

/** A commander error in this run's language: English as commander wrote it, Korean from commander-ko.ts. */
function inRunLanguage(text: string): string {
  return cliLanguage() === 'ko' ? commanderErrorInKorean(text) : text;
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
          inRunLanguage(err.message).replace(/^error: /, ''),
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
