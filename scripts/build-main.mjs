// Bundles the Node side: the Electron main process, the sandboxed preload (one CommonJS file), the CLI
// (which is also the elevated helper's entry point) and the demo. Runtime dependencies stay external
// (they ship in node_modules / app.asar; electron is provided by the runtime), except two that cost more to
// load than to bundle: zod, whose package is ~95 files and ~750 KB of code (every locale) while the schemas
// here use a fifth of it once tree-shaken (`import * as z`), and commander's seven files.
//
// The CLI is several self-contained CommonJS bundles: a launcher (cli.js, main/cli/bin.ts) that reads the
// command's name from argv and require()s that command's own bundle (cli-detect.js, cli-install.js, …), or
// cli-all.js (every command) for help, a version or a typo. Why: V8 compiles (pre-parses) the whole file it
// loads, even the parts a lazy `await import()` never runs; with one 711 KB bundle that was ~28 ms of every
// start. Each command's bundle is made from the same entry with `__CLI_COMMAND__` defined, which folds the
// other commands' loaders in main/cli/program.ts to `undefined`, so esbuild leaves their code out.
// Not chosen: esbuild's code splitting, which needs ESM output: every place that relies on CommonJS (the
// launcher scripts, __dirname for the helper's cli.js and the renderer's files, tests that require the bundle,
// the external packages' require()) would change, and Node's ESM loader adds its own cost per chunk.
// Only one bundle runs per process, so no module state is split between two copies.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

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

await Promise.all([
  build({ ...common, entryPoints: { index: 'main/index.ts', cli: 'main/cli/bin.ts' }, outdir: 'dist/main', external }),
  build({ ...common, entryPoints: { 'cli-all': 'main/cli/command-bundle-entry.ts' }, outdir: 'dist/main', external }),
  ...cliCommands.map((command) =>
    build({
      ...common,
      entryPoints: { [`cli-${command}`]: 'main/cli/command-bundle-entry.ts' },
      outdir: 'dist/main',
      external,
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

/** The CLI's command names, from the one list the launcher uses (main/cli/command-names.ts). */
async function readCliCommands() {
  const out = await build({ entryPoints: ['main/cli/command-names.ts'], bundle: true, format: 'esm', write: false });
  const source = `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`;
  return (await import(source)).CLI_COMMANDS;
}
