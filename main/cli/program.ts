import { Command, CommanderError } from 'commander';
import { EXIT } from './exit-codes';

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
  helper: () => import('./commands/helper').then((m) => m.registerHelperCommand),
};

/** Global options that take a value: the word after them is not the command's name. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--root']);

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
    .showHelpAfterError()
    .exitOverride();
  const named = commandNamed(argv);
  const loaders = named === null ? Object.values(COMMANDS) : [COMMANDS[named]!];
  for (const register of await Promise.all(loaders.map((load) => load()))) register(program);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? EXIT.ok : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    throw err;
  }
}
