// Bundles the Node side: the Electron main process, the sandboxed preload (one CommonJS file), the CLI
// (which is also the elevated helper's entry point) and the demo. Runtime dependencies stay external:
// they ship in node_modules / app.asar; electron is provided by the runtime.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = ['electron', ...Object.keys(pkg.dependencies ?? {})];
const define = { __APP_VERSION__: JSON.stringify(pkg.version) };

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'linked', logLevel: 'warning', define };

await Promise.all([
  build({ ...common, entryPoints: { index: 'main/index.ts', cli: 'main/cli/bin.ts' }, outdir: 'dist/main', external }),
  // The demo and the benchmark use the test world (package builder, CS simulator), which needs dev packages.
  build({ ...common, entryPoints: { demo: 'scripts/demo.ts', bench: 'scripts/bench/main.ts' }, outdir: 'dist/main', external: [...external, 'selfsigned', '@playwright/test', 'esbuild'] }),
  // A sandboxed preload cannot require anything but electron: bundle the channel list into it.
  build({ ...common, entryPoints: { preload: 'main/electron/preload.ts' }, outdir: 'dist/main', external: ['electron'], sourcemap: false }),
]);
