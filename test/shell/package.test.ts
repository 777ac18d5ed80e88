/**
 * `scripts/package.mjs` end to end: electron-builder --linux dir tar.gz against a local electronDist, then
 * what came out read here independently of the script's own checks: the fuses, the files in app.asar, the
 * tar.gz unpacked for real, and the icon set the targets use.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBuilt, notBuiltMessage, projectDir } from './built';

const require = createRequire(import.meta.url);
const { listPackage } = require('@electron/asar') as { listPackage(archive: string): string[] };
const pkg = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const unpacked = path.join(projectDir, 'release', 'linux-unpacked');
const tarball = path.join(projectDir, 'release', `Mobility-Setup-${pkg.version}-x64.tar.gz`);
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const asarEntries = (archive: string) => new Set(listPackage(archive).map((f) => f.replaceAll('\\', '/')));

if (!isBuilt) it.skip(notBuiltMessage, () => {});

describe.skipIf(!isBuilt)('packaging (electron-builder --linux dir tar.gz)', () => {
  // Made in beforeAll, not while the suite is collected: a skipped suite's body still runs, its hooks do not.
  let scratch = '';
  beforeAll(() => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'mobility-package-'));
  });
  afterAll(() => {
    if (scratch !== '') rmSync(scratch, { recursive: true, force: true });
  });

  it('packages the build with the fuses flipped, only what runs in app.asar, and a tar.gz of the same app', () => {
    const run = spawnSync(process.execPath, [path.join(projectDir, 'scripts', 'package.mjs')], {
      cwd: projectDir,
      encoding: 'utf8',
      shell: false,
    });
    expect(run.stderr + run.stdout).not.toContain('Packaging check failed');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Packaged dir, tar\.gz .*fuses flipped/);

    // Read the packaged executable's fuse wire ourselves, not only through the script's own check.
    const read = spawnSync(
      process.execPath,
      [
        '-e',
        "require('@electron/fuses').getCurrentFuseWire(process.argv[1]).then((w) => { const { FuseV1Options: o } = require('@electron/fuses'); process.stdout.write(JSON.stringify(Object.fromEntries(Object.keys(o).filter((k) => isNaN(Number(k))).map((k) => [k, String.fromCharCode(w[o[k]])])))); })",
        path.join(unpacked, 'mobility-setup'),
      ],
      { cwd: projectDir, encoding: 'utf8', shell: false },
    );
    expect(read.status, read.stderr).toBe(0);
    expect(JSON.parse(read.stdout)).toMatchObject({
      RunAsNode: '0',
      EnableNodeOptionsEnvironmentVariable: '0',
      EnableNodeCliInspectArguments: '0',
      EnableEmbeddedAsarIntegrityValidation: '1',
      OnlyLoadAppFromAsar: '1',
      GrantFileProtocolExtraPrivileges: '0',
    });

    // app.asar: the three bundles, the page, and the packages the bundles require; nothing else.
    const files = asarEntries(path.join(unpacked, 'resources', 'app.asar'));
    for (const needed of [
      '/package.json',
      '/dist/main/index.js',
      '/dist/main/preload.js',
      '/dist/main/cli.js',
      '/dist/main/cli-all.js',
      '/dist/main/cli-detect.js',
      '/dist/renderer/index.html',
    ]) {
      expect(files, needed).toContain(needed);
    }
    // systeminformation: the troubleshooting bundle's system facts import() it on first use.
    for (const runtime of ['@vscode/sudo-prompt', 'tar', 'ws', 'systeminformation'])
      expect(files).toContain(`/node_modules/${runtime}/package.json`);
    const list = [...files];
    expect(list.filter((f) => /^\/(main|renderer|common|test|scripts|bench|assets)\//.test(f))).toEqual([]);
    expect(list.filter((f) => f.endsWith('.map') || /\.(ts|tsx|mts)$/.test(f))).toEqual([]);
    expect(list.filter((f) => /^\/dist\/main\/(demo|bench|test-package)\.js$/.test(f))).toEqual([]);
    const devInAsar = Object.keys(pkg.devDependencies).filter((dev) => files.has(`/node_modules/${dev}/package.json`));
    expect(devInAsar).toEqual([]);
    // Bundled into dist/main by esbuild.
    for (const notRequired of ['zod', 'commander'])
      expect(files).not.toContain(`/node_modules/${notRequired}/package.json`);
    expect(existsSync(path.join(unpacked, 'resources', 'app.asar.unpacked'))).toBe(false);

    // The tar.gz, unpacked for real: one top folder with the executable (still executable) and the same asar.
    const untar = spawnSync('tar', ['-xzf', tarball, '-C', scratch], { encoding: 'utf8', shell: false });
    expect(untar.status, untar.stderr).toBe(0);
    const top = `Mobility-Setup-${pkg.version}-x64`;
    expect(readdirSync(scratch)).toEqual([top]);
    const inTar = path.join(scratch, top);
    expect(sha256(path.join(inTar, 'resources', 'app.asar'))).toBe(
      sha256(path.join(unpacked, 'resources', 'app.asar')),
    );
    expect(sha256(path.join(inTar, 'mobility-setup'))).toBe(sha256(path.join(unpacked, 'mobility-setup')));
    expect(spawnSync('test', ['-x', path.join(inTar, 'mobility-setup')]).status).toBe(0);
  }, 180_000);

  it('has the icon set the targets name: PNGs 16…512, an .ico up to 256 and an .icns, all from assets/icon.svg', () => {
    const config = readFileSync(path.join(projectDir, 'electron-builder.yml'), 'utf8');
    expect(config).toMatch(/^ {2}icon: icons$/m);
    expect(config).toMatch(/^ {2}icon: icon\.ico$/m);
    const png = (file: string) => {
      const data = readFileSync(file);
      expect(data.subarray(1, 4).toString('latin1'), file).toBe('PNG');
      return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
    };
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      expect(png(path.join(projectDir, 'assets', 'icons', `${size}x${size}.png`))).toEqual({
        width: size,
        height: size,
      });
    }
    const ico = readFileSync(path.join(projectDir, 'assets', 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const icoSizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(icoSizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    const icns = readFileSync(path.join(projectDir, 'assets', 'icon.icns'));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(readFileSync(path.join(projectDir, 'assets', 'icon.svg'), 'utf8')).toContain('<svg');
  });
});
