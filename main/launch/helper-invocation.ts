/**
 * Packaged Electron builds disable the runAsNode fuse, so the elevated helper cannot be `<electron> cli.js`.
 * There the app executable itself is elevated as `<app> [--no-sandbox] helper --request <file>` (see
 * core/elevation/helper-command.ts), and the Electron entry hands that argv to the helper before any window
 * code runs. The helper words must be the LAST three arguments: what comes before (the app entry in an
 * unpackaged run, --no-sandbox and any switch Chromium adds) is ignored. Anything else is a normal start.
 */
export function helperRequestFromArgv(argv: readonly string[]): string | null {
  if (argv.length < 3) return null;
  const [word, option, file] = argv.slice(-3);
  if (word !== 'helper' || option !== '--request' || !file) return null;
  return file;
}
