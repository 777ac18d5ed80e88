// Packages the app with electron-builder (`npm run package`, after `npm run build`) for Linux as the targets
// named on the command line (default `dir tar.gz`: what builds offline; AppImage, deb and rpm need tools
// electron-builder downloads, see `npm run dist`), then checks what came out: the fuses are flipped, app.asar
// holds the bundles, the page and only the runtime dependencies (no sources, tests, maps or dev packages), the
// icon is there, and the tar.gz holds the same app. Where the Electron binary is missing (it cannot be
// downloaded on the build machine) a stub electronDist proves those packaging steps; the stub does not run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const projectDir = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const pkg = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8'));
const electronVersion = '45.5.0';
const fuseSentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

function electronDist() {
  if (process.env.ELECTRON_DIST) return { dir: path.resolve(process.env.ELECTRON_DIST), stub: false };
  const downloaded = path.join(projectDir, 'node_modules', 'electron', 'dist');
  if (existsSync(path.join(downloaded, 'electron'))) return { dir: downloaded, stub: false };
  return { dir: writeStubDist(), stub: true };
}

/** A folder shaped like Electron's linux dist, whose executable carries a fuse wire in Electron's defaults. */
function writeStubDist() {
  const dir = path.join(projectDir, '.tmp', 'electron-stub-dist');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  // Fuse wire v1, 8 fuses, as Electron ships them: runAsNode, cookieEncryption, nodeOptions, cliInspect,
  // asarIntegrity, onlyLoadAppFromAsar, browserV8Snapshot, fileProtocolPrivileges.
  const wire = Buffer.concat([Buffer.from(fuseSentinel), Buffer.from([1, 8]), Buffer.from('10110001')]);
  const script = Buffer.from(
    '#!/bin/sh\necho "stub Electron from scripts/package.mjs: packaging check only, it does not run" >&2\nexit 1\n# ',
  );
  writeFileSync(path.join(dir, 'electron'), Buffer.concat([script, wire, Buffer.from('\n')]));
  chmodSync(path.join(dir, 'electron'), 0o755);
  writeFileSync(path.join(dir, 'version'), electronVersion);
  writeFileSync(path.join(dir, 'LICENSE'), 'stub\n');
  return dir;
}

const dist = electronDist();
if (dist.stub) {
  process.stderr.write(
    `Electron's binary is not installed here: packaging against a stub electronDist (${path.relative(projectDir, dist.dir)}). The result proves the packaging steps; its executable does not run.\n`,
  );
}

const OFFLINE_TARGETS = new Set(['dir', 'tar.gz']);
const targets = process.argv.length > 2 ? process.argv.slice(2) : ['dir', 'tar.gz'];
if (!targets.includes('dir')) targets.unshift('dir'); // the checks below read the unpacked folder
const unknown = targets.filter((t) => !OFFLINE_TARGETS.has(t) && !['AppImage', 'deb', 'rpm'].includes(t));
if (unknown.length > 0) {
  process.stderr.write(`Unknown Linux target ${unknown.join(', ')}: use dir, tar.gz, AppImage, deb or rpm.\n`);
  process.exit(2);
}
rmSync(path.join(projectDir, 'release'), { recursive: true, force: true });
const builderCli = require.resolve('electron-builder/cli.js');
const run = spawnSync(
  process.execPath,
  [builderCli, '--linux', ...targets, '--x64', `--config.electronDist=${dist.dir}`],
  {
    cwd: projectDir,
    stdio: 'inherit',
    shell: false,
    // p7zip's 7za from the system where electron-builder's own download is not possible (tar.gz is made with it).
    env: {
      ...process.env,
      ...(existsSync('/usr/bin/7za') && !process.env.ELECTRON_BUILDER_7ZIP_PATH
        ? { ELECTRON_BUILDER_7ZIP_PATH: '/usr/bin/7za' }
        : {}),
    },
  },
);
if (run.status !== 0) {
  process.stderr.write(`electron-builder failed (exit ${run.status ?? run.signal}).\n`);
  process.exit(run.status ?? 1);
}

// Check the output.
const unpacked = path.join(projectDir, 'release', 'linux-unpacked');
const executable = path.join(unpacked, 'mobility-setup');
const problems = [];
const { listPackage } = require('@electron/asar');
const asarFiles = new Set(
  listPackage(path.join(unpacked, 'resources', 'app.asar')).map((f) => f.replaceAll('\\', '/')),
);
for (const needed of [
  '/package.json',
  '/dist/main/index.js',
  '/dist/main/preload.js',
  '/dist/main/cli.js',
  '/dist/main/cli-all.js',
  '/dist/renderer/index.html',
]) {
  if (!asarFiles.has(needed)) problems.push(`app.asar lacks ${needed}`);
}
// A dependency ships when a bundle the app runs require()s or import()s it (zod and commander are bundled in, see
// build-main.mjs). The app runs its command line inside index.js (the runAsNode fuse is off, so Node never runs
// the cli*.js bundles there; they ship so the helper's entry check finds cli.js), and index.js holds every command.
const bundles = ['index.js', 'preload.js'].map((f) => readFileSync(path.join(projectDir, 'dist', 'main', f), 'utf8'));
for (const dep of Object.keys(pkg.dependencies ?? {})) {
  // esbuild keeps `await import('pkg')` of an external as import("pkg") in a CommonJS bundle: a lazy load is a load.
  const required = bundles.some((code) =>
    ['require', 'import'].some((how) => code.includes(`${how}("${dep}")`) || code.includes(`${how}("${dep}/`)),
  );
  const shipped = asarFiles.has(`/node_modules/${dep}/package.json`);
  if (required && !shipped) problems.push(`app.asar lacks the runtime dependency ${dep}, which a bundle requires`);
  if (!required && shipped) problems.push(`app.asar carries ${dep}, which no bundle requires (bundled in, or unused)`);
}
for (const devOnly of Object.keys(pkg.devDependencies ?? {})) {
  if (asarFiles.has(`/node_modules/${devOnly}/package.json`))
    problems.push(`app.asar carries the dev package ${devOnly}`);
}
const SOURCE_FOLDERS = [
  '/main/',
  '/renderer/',
  '/common/',
  '/test/',
  '/scripts/',
  '/bench/',
  '/assets/',
  '/.ci/',
  '/.tmp/',
];
const outOfPlace = [...asarFiles].filter(
  (f) =>
    f.endsWith('.map') ||
    (f.endsWith('.ts') && !f.endsWith('.d.ts')) ||
    f.endsWith('.tsx') ||
    SOURCE_FOLDERS.some((d) => f.startsWith(d)),
);
if (outOfPlace.length > 0)
  problems.push(`app.asar carries sources, tests or source maps: ${outOfPlace.slice(0, 5).join(', ')}`);
// Only the bundles that run: the demo, bench and test-package bundles need dev packages and stay out.
const mainFiles = [...asarFiles].filter((f) => f.startsWith('/dist/main/') && f.endsWith('.js'));
const extraMain = mainFiles.filter(
  (f) =>
    !['/dist/main/index.js', '/dist/main/preload.js', '/dist/main/cli.js'].includes(f) &&
    !/^\/dist\/main\/cli-[a-z-]+\.js$/.test(f),
);
if (extraMain.length > 0) problems.push(`app.asar carries bundles that do not run in the app: ${extraMain.join(', ')}`);
if (existsSync(path.join(unpacked, 'resources', 'app.asar.unpacked')))
  problems.push('app.asar.unpacked exists: nothing should be unpacked');

// The tar.gz: one top folder holding the same executable and app.asar as the folder build.
if (targets.includes('tar.gz')) {
  const tarball = path.join(projectDir, 'release', `Mobility-Setup-${pkg.version}-x64.tar.gz`);
  if (!existsSync(tarball)) problems.push(`the tar.gz is missing: ${path.relative(projectDir, tarball)}`);
  else {
    const list = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8', shell: false, maxBuffer: 64 * 1024 * 1024 });
    const names = new Set(list.stdout.split('\n').filter(Boolean));
    const top = `Mobility-Setup-${pkg.version}-x64`;
    for (const needed of [`${top}/mobility-setup`, `${top}/resources/app.asar`]) {
      if (!names.has(needed)) problems.push(`the tar.gz lacks ${needed}`);
    }
  }
}

const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses');
const wire = await getCurrentFuseWire(executable);
const expected = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
};
for (const [name, on] of Object.entries(expected)) {
  const state = wire[FuseV1Options[name]];
  if (state !== (on ? 49 : 48)) problems.push(`fuse ${name} is ${String.fromCharCode(state)}, expected ${on ? 1 : 0}`);
}

if (problems.length > 0) {
  process.stderr.write(`Packaging check failed:\n  ${problems.join('\n  ')}\n`);
  process.exit(1);
}
process.stdout.write(
  `Packaged ${targets.join(', ')} in release/: ${asarFiles.size} entries in app.asar, fuses flipped as electron-builder.yml says.\n`,
);
