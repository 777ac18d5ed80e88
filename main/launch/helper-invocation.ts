/**
 * Packaged Electron builds disable the runAsNode fuse, so the elevated helper cannot be `<electron> cli.js`.
 * There the app executable itself is elevated as `<app> helper --request <file>`, and the Electron entry
 * hands exactly that argv to the helper before any window code runs. Anything else is a normal start.
 */
export function helperRequestFromArgv(argv: readonly string[]): string | null {
  const at = argv.indexOf('helper');
  if (at === -1) return null;
  const rest = argv.slice(at + 1);
  if (rest.length !== 2 || rest[0] !== '--request' || !rest[1]) return null;
  return rest[1];
}
