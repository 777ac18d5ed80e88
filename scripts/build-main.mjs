// Bundles the Node side: the Electron main process, the sandboxed preload (one CommonJS file), the CLI
// (which is also the elevated helper's entry point) and the demo. Runtime dependencies stay external
// (they ship in node_modules / app.asar; electron is provided by the runtime), except two that cost more to
// load than to bundle: zod, whose package is ~95 files and ~750 KB of code (every locale) while the schemas
// here use a fifth of it once tree-shaken (`import * as z`), and commander's seven files.
//
// The CLI's commands are `await import()`ed (main/cli/program.ts): esbuild keeps each one's module tree,
// and the require() of its external packages, inside a lazy init function, so a command loads only what
// it uses. No code splitting is needed for that, and the bundles stay single CommonJS files (the packaged
// app's helper route and the shell tests load them as such).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const BUNDLED = new Set(['zod', 'commander']);
const external = ['electron', ...Object.keys(pkg.dependencies ?? {}).filter((name) => !BUNDLED.has(name))];
const define = { __APP_VERSION__: JSON.stringify(pkg.version) };

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
