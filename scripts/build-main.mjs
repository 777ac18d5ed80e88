// Bundles the Node side: the Electron main process, the sandboxed preload (one CommonJS file), the CLI
// (which is also the elevated helper's entry point) and the demo. Runtime dependencies stay external
// (they ship in node_modules / app.asar; electron is provided by the runtime), except two that cost more to
// load than to bundle: zod, whose package is ~95 files and ~750 KB of code (every locale) while the schemas
// here use a fifth of it once tree-shaken (`import * as z`), and commander's seven files.
//
// The CLI is several self-contained CommonJS bundles: a launcher (cli.js, main/cli/bin.ts) that reads the
// command's name from argv and loads that command's own bundle (cli-detect.js, cli-install.js, …), or
// cli-all.js (every command) for help, a version or a typo, each from a V8 code cache made here after the
// bundles (writeCodeCaches below; ~10 ms less per start on top of the split). Why: V8 compiles (pre-parses) the whole file it
// loads, even the parts a lazy `await import()` never runs; with one 711 KB bundle that was ~28 ms of every
// start. Each command's bundle is made from the same entry with `__CLI_COMMAND__` defined, which folds the
// other commands' loaders in main/cli/program.ts to `undefined`, so esbuild leaves their code out.
// Not chosen: esbuild's code splitting, which needs ESM output: every place that relies on CommonJS (the
// launcher scripts, __dirname for the helper's cli.js and the renderer's files, tests that require the bundle,
// the external packages' require()) would change, and Node's ESM loader adds its own cost per chunk.
// Only one bundle runs per process, so no module state is split between two copies.
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const BUNDLED = new Set(['zod', 'commander']);
const external = ['electron', ...Object.keys(pkg.dependencies ?? {}).filter((name) => !BUNDLED.has(name))];
const define = { __APP_VERSION__: JSON.stringify(pkg.version) };
const cliCommands = await readCliCommands();

// Whitespace and syntax minified (less for V8 to parse at every start); names kept, so stacks stay readable.
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  define,
  minifyWhitespace: true,
  minifySyntax: true,
};

// commander requires node:child_process when it loads, for subcommands that are separate executables, which this
// CLI has none of: in the CLI's bundles it gets it at its first spawn instead (~7 ms of every start: child_process
// brings net, streams and more; `detect` spawns nothing on Linux).
const lazyChildProcessInCommander = {
  name: 'lazy-child-process-in-commander',
  setup(plugin) {
    plugin.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, ({ path: file }) => {
      const eager = "const childProcess = require('node:child_process');";
      const code = readFileSync(file, 'utf8');
      if (!code.includes(eager)) throw new Error(`commander changed: ${eager} not found in ${file}`);
      const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: code.replace(eager, lazy), loader: 'js' };
    });
  },
};
// The CLI's bundles run from a V8 code cache (main/cli/code-cache.ts), i.e. through vm.Script, where a real
// `import()` needs an experimental flag: esbuild turns the dynamic imports of external packages (all CommonJS
// here) into require() instead.
const cliBundle = {
  ...common,
  outdir: 'dist/main',
  external,
  supported: { 'dynamic-import': false },
  plugins: [lazyChildProcessInCommander],
};

await Promise.all([
  build({ ...common, entryPoints: { index: 'main/index.ts', cli: 'main/cli/bin.ts' }, outdir: 'dist/main', external }),
  build({ ...cliBundle, entryPoints: { 'cli-all': 'main/cli/command-bundle-entry.ts' } }),
  ...cliCommands.map((command) =>
    build({
      ...cliBundle,
      entryPoints: { [`cli-${command}`]: 'main/cli/command-bundle-entry.ts' },
      define: { ...define, __CLI_COMMAND__: JSON.stringify(command) },
    }),
  ),
  // The demo and the benchmark use the test world (package builder, CS simulator), which needs dev packages.
  build({
    ...common,
    entryPoints: { demo: 'scripts/demo.ts', bench: 'scripts/bench/main.ts', 'test-package': 'scripts/test-package.ts' },
    outdir: 'dist/main',
    external: [...external, 'selfsigned', '@playwright/test', 'esbuild'],
  }),
  // A sandboxed preload cannot require anything but electron: bundle the channel list into it.
  build({
    ...common,
    entryPoints: { preload: 'main/electron/preload.ts' },
    outdir: 'dist/main',
    external: ['electron'],
    sourcemap: false,
  }),
]);

await writeCodeCaches();

/**
 * Each CLI bundle's V8 code cache (main/cli/code-cache.ts), made by running it once with its command's
 * `--help` (module set-up, the option tree, the help text) in a fresh `node` without flags or NODE_OPTIONS:
 * V8 takes a cache only from the same V8 with the same flags, which is how users start the CLI.
 */
async function writeCodeCaches() {
  await build({ ...common, entryPoints: { 'write-code-cache': 'scripts/write-code-cache.ts' }, outdir: '.tmp/build' });
  const env = { ...process.env };
  for (const name of ['NODE_OPTIONS', 'NODE_V8_COVERAGE']) delete env[name];
  const warmUps = [['cli-all', ['--help']], ...cliCommands.map((command) => [`cli-${command}`, [command, '--help']])];
  const run = promisify(execFile);
  // Two at a time: the build machine has two cores.
  for (let i = 0; i < warmUps.length; i += 2)
    await Promise.all(
      warmUps
        .slice(i, i + 2)
        .map(([bundle, args]) =>
          run(process.execPath, ['.tmp/build/write-code-cache.js', `dist/main/${bundle}.js`, ...args], { env }),
        ),
    );
}

/** The CLI's command names, from the one list the launcher uses (main/cli/command-names.ts). */
async function readCliCommands() {
  const out = await build({ entryPoints: ['main/cli/command-names.ts'], bundle: true, format: 'esm', write: false });
  const source = `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`;
  return (await import(source)).CLI_COMMANDS;
}
