import path from 'node:path';
import { loadBundle } from './code-cache';
import { commandNamed } from './command-names';

/**
 * The launcher (dist/main/cli.js): it finds the command argv names and loads that command's own bundle
 * (dist/main/cli-<command>.js), or the full one (cli-all.js) for help, a version, a typo or no command.
 * V8 compiles every byte of the bundle it loads, so a command compiles only its own code, from the code
 * cache the build made for it when that fits (code-cache.ts, scripts/build-main.mjs).
 * Exactly one bundle runs in a process: no module state (the output guard, the language, the job lock) is ever
 * split between two copies. The bundles sit beside this file, so their __dirname (the elevated helper's
 * cli.js, the renderer's files) is the same as before.
 */
const command = commandNamed(process.argv.slice(2));
loadBundle(path.join(__dirname, `cli-${command ?? 'all'}.js`));
