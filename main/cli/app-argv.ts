import { commandNamed } from './command-names';

/**
 * The commands the packaged app's own executable runs as the command line (`mobility-setup.exe install …`,
 * what SCCM/Intune and scripts call): the runAsNode fuse is off, so `<app> cli.js` cannot work, and a
 * packaged app has no separate Node. `open` is the window itself; `helper` has its own route
 * (launch/helper-invocation.ts).
 */
const APP_COMMANDS = new Set(['detect', 'install', 'register', 'av-check', 'serve']);
const HELP_WORDS = new Set(['help', '--help', '-h', '--version', '-V']);

/**
 * The command line's argv when the app was started with a CLI command, else null (a normal window start).
 * `argv` is process.argv without the executable; an unpackaged run (`electron dist/main/index.js …`) has the
 * app entry first. A leading `--no-sandbox` is Chromium's (Linux as root cannot start Electron without it;
 * the command line opens no window, so no renderer sandbox is lost) and is not passed to the command line.
 */
export function cliArgvFromAppArgv(argv: readonly string[], defaultApp: boolean): string[] | null {
  let rest = defaultApp ? argv.slice(1) : [...argv];
  while (rest[0] === '--no-sandbox') rest = rest.slice(1);
  if (rest.length === 0) return null;
  if (rest.length === 1 && HELP_WORDS.has(rest[0]!)) return rest;
  if (rest[0] === 'help') return rest;
  const command = commandNamed(rest);
  if (command !== null) return APP_COMMANDS.has(command) ? rest : null;
  // A first word that names no command is a mistyped one (`instal …`): the CLI says "did you mean install?"
  // and exits 2, where a window would open in a deployment tool's session that nobody sees.
  // Only a word shaped like a command: a path (an app entry, a file handed to the app) is never one.
  const first = rest[0]!;
  return /^[a-z][a-z-]*$/.test(first) && first !== 'open' && first !== 'helper' ? rest : null;
}
