// Packages the app with electron-builder (`npm run package`, after `npm run build`) for Linux as a folder,
// then checks what came out: the fuses are flipped and app.asar holds the bundles, the page and only the
// runtime dependencies. Where the Electron binary is missing (it cannot be downloaded on the build machine)
// a stub electronDist proves those packaging steps; the stub "executable" does not run.
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
  const script = Buffer.from('#!/bin/sh\necho "stub Electron from scripts/package.mjs: packaging check only, it does not run" >&2\nexit 1\n# ');
  writeFileSync(path.join(dir, 'electron'), Buffer.concat([script, wire, Buffer.from('\n')]));
  chmodSync(path.join(dir, 'electron'), 0o755);
  writeFileSync(path.join(dir, 'version'), electronVersion);
  writeFileSync(path.join(dir, 'LICENSE'), 'stub\n');
  return dir;
}

const dist = electronDist();
if (dist.stub) {
  process.stderr.write(`Electron's binary is not installed here: packaging against a stub electronDist (${path.relative(projectDir, dist.dir)}). The result proves the packaging steps; its executable does not run.\n`);
}

const builderCli = require.resolve('electron-builder/cli.js');
const run = spawnSync(process.execPath, [builderCli, '--linux', 'dir', `--config.electronDist=${dist.dir}`], {
  cwd: projectDir,
  stdio: 'inherit',
  shell: false,
});
if (run.status !== 0) {
  process.stderr.write(`electron-builder failed (exit ${run.status ?? run.signal}).\n`);
  process.exit(run.status ?? 1);
}

// Check the output.
const unpacked = path.join(projectDir, 'release', 'linux-unpacked');
const executable = path.join(unpacked, 'mobility-setup');
const problems = [];
const { listPackage } = require('@electron/asar');
const asarFiles = new Set(listPackage(path.join(unpacked, 'resources', 'app.asar')).map((f) => f.replaceAll('\\', '/')));
for (const needed of ['/package.json', '/dist/main/index.js', '/dist/main/preload.js', '/dist/main/cli.js', '/dist/renderer/index.html']) {
  if (!asarFiles.has(needed)) problems.push(`app.asar lacks ${needed}`);
}
for (const dep of Object.keys(pkg.dependencies ?? {})) {
  if (!asarFiles.has(`/node_modules/${dep}/package.json`)) problems.push(`app.asar lacks the runtime dependency ${dep}`);
}
for (const devOnly of ['react', 'vitest', 'electron', 'typescript', '@playwright/test']) {
  if (asarFiles.has(`/node_modules/${devOnly}/package.json`)) problems.push(`app.asar carries the dev package ${devOnly}`);
}
if ([...asarFiles].some((f) => f.endsWith('.map') || f.startsWith('/test/') || f.startsWith('/main/'))) problems.push('app.asar carries sources, tests or source maps');

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
process.stdout.write(`Packaged ${path.relative(projectDir, unpacked)}: ${asarFiles.size} entries in app.asar, fuses flipped as electron-builder.yml says.\n`);
