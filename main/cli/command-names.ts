/**
 * The command line's subcommands, in the order `--help` lists them, and how to find the one argv names. Kept
 * apart from program.ts (and free of imports) because the launcher (bin.ts) reads it before any command's
 * bundle is loaded, and the build script reads the list to make one bundle per command.
 */
export const CLI_COMMANDS = [
  'serve',
  'open',
  'detect',
  'install',
  'register',
  'uninstall',
  'helper',
  'av-check',
  'diagnose',
] as const;

export type CliCommand = (typeof CLI_COMMANDS)[number];

/** Global options that take a value: the word after them is not the command's name. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--root', '--lang']);

/** The subcommand `argv` names, or null (no command, `help`, a typo: then every command is registered). */
export function commandNamed(argv: readonly string[]): CliCommand | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return null;
    if (GLOBAL_OPTIONS_WITH_VALUE.has(arg)) i++;
    else if (!arg.startsWith('-'))
      return (CLI_COMMANDS as readonly string[]).includes(arg) ? (arg as CliCommand) : null;
  }
  return null;
}
